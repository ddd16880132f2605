/**
 * Which built files are stored precompressed beside themselves, in which encodings, and when a
 * compressed copy is worth keeping. One declaration, read by the build (src/build/precompress.ts)
 * and by the server, which picks among these encodings by the request's Accept-Encoding.
 */

/** In the server's order of preference: brotli is about a fifth smaller than gzip on this site's JS. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type Encoding = (typeof PRECOMPRESSED)[number]['encoding'];

/** A brotli or gzip copy the build wrote beside a file: the same file in another encoding. */
export const isPrecompressedCopy = (fileName: string): boolean => PRECOMPRESSED.some(({ suffix }) => fileName.endsWith(suffix));

/**
 * Text formats only. Pagefind's index and fragment files are gzip inside already, fonts are
 * woff2 (compressed) except the one ttf, which brotli shrinks by half.
 */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.map', '.ttf', '.webmanifest']);

/**
 * Below this brotli saves a few dozen bytes at most. Above it even small scripts halve: the lesson
 * pages' own progress.js 946 → 456 B, the mobile contents 622 → 302, the lab manifest 553 → 279,
 * a kilobyte of the heaviest Korean lesson's first visit (50,756 B before: over 50 kB, near its 50 KiB budget).
 */
export const MIN_BYTES = 256;

export function shouldPrecompress(fileName: string, size: number): boolean {
  if (size < MIN_BYTES) return false;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && COMPRESSIBLE.has(fileName.slice(dot).toLowerCase());
}

/**
 * Brotli's quality for a file of this size. Its best level (11) on the TypeScript worker (7 MB)
 * took 17.6 s of the build's 31 s here, one core, and every CI run builds: level 10 takes 7 s and
 * is 1.7% larger (1.060 against 1.042 MB). That worker loads after the editor can be typed in
 * (IntelliSense), so the bytes a learner waits for keep level 11.
 */
export const BROTLI_BEST_UP_TO = 4 * 1024 * 1024;

export function brotliQuality(size: number): 10 | 11 {
  return size <= BROTLI_BEST_UP_TO ? 11 : 10;
}

/** A copy that saves under a tenth is not worth the second file or the Vary. */
export function worthKeeping(originalBytes: number, compressedBytes: number): boolean {
  return compressedBytes <= originalBytes * 0.9;
}
