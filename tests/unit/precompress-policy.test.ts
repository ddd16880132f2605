import { describe, expect, it } from 'vitest';
import { BROTLI_BEST_UP_TO, brotliQuality, isPrecompressedCopy, MIN_BYTES, PRECOMPRESSED, shouldPrecompress, worthKeeping } from '../../src/lib/precompress-policy.ts';
import { cacheControlFor } from '../../src/lib/cache-policy.ts';

describe('which built files are precompressed', () => {
  it('takes text formats from 1 KiB, in any case of extension', () => {
    for (const name of ['index.html', 'x.js', 'A.CSS', 'pagefind-entry.json', 'favicon.svg', 'sitemap-0.xml', 'codicon.DF1abBS2.ttf']) {
      expect(shouldPrecompress(name, MIN_BYTES), name).toBe(true);
      expect(shouldPrecompress(name, MIN_BYTES - 1), name).toBe(false);
    }
  });

  it('leaves formats that are compressed already, and names without an extension', () => {
    for (const name of ['en_2dc51a5.pf_fragment', 'en_243d8cb.pf_index', 'wasm.en.pagefind', 'a.woff2', 'a.png', 'x.js.br', 'x.js.gz', 'LICENSE', '.html']) {
      expect(shouldPrecompress(name, 1e6), name).toBe(false);
    }
  });

  it('keeps a copy only when it saves a tenth or more', () => {
    expect(worthKeeping(1000, 900)).toBe(true);
    expect(worthKeeping(1000, 901)).toBe(false);
  });

  it('uses brotli at its best level except for the multi-megabyte TypeScript worker', () => {
    expect(brotliQuality(2_827_033)).toBe(11);
    expect(brotliQuality(BROTLI_BEST_UP_TO)).toBe(11);
    expect(brotliQuality(BROTLI_BEST_UP_TO + 1)).toBe(10);
  });

  it('prefers brotli, and names each copy by a suffix no original has', () => {
    expect(PRECOMPRESSED.map(({ encoding }) => encoding)).toEqual(['br', 'gzip']);
    for (const { suffix } of PRECOMPRESSED) expect(shouldPrecompress(`x${suffix}`, 1e6)).toBe(false);
    expect(['x.js.br', 'a/index.html.gz'].map(isPrecompressedCopy)).toEqual([true, true]);
    expect(['x.js', 'x.brand.js', 'x.gzip'].map(isPrecompressedCopy)).toEqual([false, false, false]);
  });
});

describe('how long a file may be cached', () => {
  it('forever under fingerprinted names', () => {
    for (const file of ['_astro/editor.api.B1x2.js', '_astro/ts.worker.Cc9.js', 'pagefind/fragment/en_2dc51a5.pf_fragment', 'pagefind/index/ko_5c40e32.pf_index', 'pagefind/pagefind.en_8c1fa9ab24.pf_meta']) {
      expect(cacheControlFor(file), file).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidated under names that stay when the content changes', () => {
    for (const file of ['index.html', 'ko/media/overview/index.html', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.en.pagefind', 'pagefind/pagefind-ui.js', 'favicon.svg', 'lab-frame/index.html', 'x/_astro/y.js']) {
      expect(cacheControlFor(file), file).toBe('no-cache');
    }
  });
});
