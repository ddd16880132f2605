/** The built site on disk: its pages and the files they reference. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from '../../scripts/build-state.ts';
import { isPrecompressedCopy } from '../../src/lib/precompress-policy.ts';

/** Every file of a built root, without the precompressed copies (see precompressedCopies). */
export function listFiles(dir: string = DIST): string[] {
  return listAll(dir).filter((file) => !isPrecompressedCopy(file));
}

/** The precompressed copies under a built root. */
export function precompressedCopies(dir: string = DIST): string[] {
  return listAll(dir).filter(isPrecompressedCopy);
}

function listAll(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listAll(full) : [full];
  });
}

/** Every reading page as its URL path (`/ko/media/overview/`); Pagefind's files and the lab frame are not pages to read. */
export function listPages(): string[] {
  return listFiles()
    .filter((file) => file.endsWith('.html') && !file.includes(`${path.sep}pagefind${path.sep}`) && !file.includes(`${path.sep}lab-frame${path.sep}`))
    .map((file) => '/' + path.relative(DIST, file).split(path.sep).join('/').replace(/index\.html$/, ''))
    .sort();
}

export function readPage(urlPath: string): string {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFileSync(path.join(DIST, file), 'utf8');
}

/**
 * The heaviest lesson of each language as served to a browser that asks for brotli (its
 * precompressed copy): the first-visit budget test and the bench weigh the same two pages.
 */
export function heaviestLessons(): { en: string; ko: string } {
  const bySize = listPages()
    .filter((page) => !/\/404(?:\.html|\/)$/.test(page))
    .map((page) => ({ page, bytes: readFileSync(path.join(DIST, page, 'index.html.br')).length }))
    .sort((a, b) => b.bytes - a.bytes);
  const heaviest = (korean: boolean): string => bySize.find(({ page }) => page.startsWith('/ko/') === korean)?.page ?? (korean ? '/ko/' : '/');
  return { en: heaviest(false), ko: heaviest(true) };
}
