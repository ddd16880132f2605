/**
 * Every file a built document needs, followed transitively from it: its scripts and
 * stylesheets, their imports, dynamic imports and `url()`s. What the files are is read through
 * `AssetSource`, so the walk knows nothing of disks; the build copies what it returns.
 */
import { cssReferences, htmlReferences, moduleReferences, resolveReference, type AssetReference } from './asset-references.ts';

/** The built site as the walk sees it: root paths (`/_astro/x.js`) in, files out. */
export interface AssetSource {
  /** True when a file (not a folder) exists at the root path. */
  has(rootPath: string): boolean;
  /** The file's text; called only for HTML, JavaScript and CSS. */
  text(rootPath: string): string;
}

export interface MissingAsset {
  /** The file holding the reference. */
  readonly from: string;
  /** The reference as written. */
  readonly url: string;
  /** Where it points. */
  readonly path: string;
}

export interface AssetGraph {
  /** Root paths of every file reached, the entry first, each once. */
  readonly files: readonly string[];
  /** References to files that do not exist: each a 404 in the browser. */
  readonly missing: readonly MissingAsset[];
}

type Reader = (text: string) => AssetReference[];

function readerFor(rootPath: string): Reader | null {
  if (/\.html?$/i.test(rootPath)) return htmlReferences;
  if (/\.m?js$/i.test(rootPath)) return (code) => moduleReferences(code);
  if (/\.css$/i.test(rootPath)) return cssReferences;
  // Fonts, images, wasm, JSON: leaves.
  return null;
}

/** A folder URL is served as its index.html. */
const fileOf = (rootPath: string): string => (rootPath.endsWith('/') ? `${rootPath}index.html` : rootPath);

export function collectAssets(entry: string, source: AssetSource, basePath = '/'): AssetGraph {
  const files: string[] = [];
  const missing: MissingAsset[] = [];
  const seen = new Set<string>();
  const pending = [fileOf(entry)];
  if (!source.has(pending[0] ?? '')) return { files, missing: [{ from: '', url: entry, path: fileOf(entry) }] };
  seen.add(fileOf(entry));
  while (pending.length > 0) {
    const current = pending.shift() ?? '';
    files.push(current);
    const read = readerFor(current);
    if (!read) continue;
    let refs: AssetReference[];
    try {
      refs = read(source.text(current));
    } catch (error) {
      throw new Error(`cannot read the references in ${current}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    for (const ref of refs) {
      const target = resolveReference(ref, current, basePath);
      if (target === null) continue;
      const file = fileOf(target);
      if (seen.has(file)) continue;
      seen.add(file);
      if (source.has(file)) pending.push(file);
      else missing.push({ from: current, url: ref.url, path: file });
    }
  }
  return { files, missing };
}
