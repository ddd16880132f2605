/** How long a browser may keep each built file without asking again. */

/**
 * Caching for a served file, by its path under the root (`/` separators). Astro fingerprints
 * everything under `_astro/`, Pagefind everything under `fragment/` and `index/` and its
 * `.pf_meta`: those never change under one URL. Pages, Pagefind's entry files and its wasm
 * (`wasm.en.pagefind`, named without a hash) revalidate.
 */
export function cacheControlFor(rootPath: string): string {
  const immutable =
    rootPath.startsWith('_astro/') ||
    /^pagefind\/(?:fragment|index)\//.test(rootPath) ||
    /^pagefind\/pagefind\.[\w-]+_[0-9a-f]+\.pf_meta$/.test(rootPath);
  return immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
}
