/**
 * After the build, writes a brotli and a gzip copy beside each text file of the site's and the
 * lab origin's roots (`x.js.br`, `x.js.gz`), so the server sends compressed bytes without
 * compressing anything per request (the editor's workers are megabytes: brotli at its best
 * levels takes seconds on them, once, here).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { brotliQuality, isPrecompressedCopy, PRECOMPRESSED, shouldPrecompress, worthKeeping, type Encoding } from '../lib/precompress-policy.ts';
import { labRootOf } from './lab-root.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESS: Record<Encoding, (data: Buffer) => Promise<Buffer>> = {
  br: (data) =>
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.length),
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

export interface PrecompressResult {
  readonly files: number;
  readonly bytes: number;
  /** Bytes of the smallest kept encoding of each file (the original where none was kept). */
  readonly smallest: number;
}

export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const originals = filesUnder(dir).filter((file) => !isPrecompressedCopy(file) && shouldPrecompress(path.basename(file), statSync(file).size));
  let bytes = 0;
  let smallest = 0;
  // zlib's async calls run on libuv's thread pool: every core works, largest files first.
  const bySize = originals.map((file) => ({ file, data: readFileSync(file) })).sort((a, b) => b.data.length - a.data.length);
  await Promise.all(
    bySize.map(async ({ file, data }) => {
      let best = data.length;
      for (const { encoding, suffix } of PRECOMPRESSED) {
        const compressed = await COMPRESS[encoding](data);
        if (!worthKeeping(data.length, compressed.length)) continue;
        writeFileSync(file + suffix, compressed);
        best = Math.min(best, compressed.length);
      }
      bytes += data.length;
      smallest += best;
    }),
  );
  return { files: originals.length, bytes, smallest };
}

/** Last among the integrations: after Pagefind's index and the lab root exist. */
export function precompress(): AstroIntegration {
  return {
    name: 'webrtc-lab:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        for (const root of [site, labRootOf(site)]) {
          const result = await precompressDir(root);
          const mb = (n: number): string => (n / 1e6).toFixed(2);
          logger.info(`precompressed ${result.files} files in ${path.basename(root)}/: ${mb(result.bytes)} MB → ${mb(result.smallest)} MB`);
        }
        logger.info(`precompression took ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
