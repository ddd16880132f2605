/**
 * The bytes a learner downloads: every text file of both roots is stored brotli- and
 * gzip-compressed by the build, each copy decodes to its original, and the server sends the
 * copy the request accepts, with `Vary: Accept-Encoding`, keeping each file's caching.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { DIST, LAB_DIST } from '../../scripts/build-state.ts';
import { shouldPrecompress } from '../../src/lib/precompress-policy.ts';
import { listFiles, precompressedCopies } from '../support/site-files.ts';

const port = Number(new URL(inject('baseUrl')).port);
const SITE = `localhost:${port}`;
const LAB = `lab.localhost:${port}`;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

function get(host: string, urlPath: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host };
    if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (answer: Answer): Buffer => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  return answer.body;
};

const rootPath = (root: string, file: string): string => '/' + path.relative(root, file).split(path.sep).join('/');
const ROOTS = [
  { name: 'site', dir: DIST, host: SITE },
  { name: 'lab', dir: LAB_DIST, host: LAB },
] as const;

/** The largest file under `_astro/` whose name matches: Monaco's TypeScript worker, its editor chunk. */
function largest(pattern: RegExp): string {
  const [file] = listFiles(path.join(DIST, '_astro'))
    .filter((each) => pattern.test(path.basename(each)))
    .sort((a, b) => readFileSync(b).length - readFileSync(a).length);
  expect(file, `a built file matching ${pattern}`).toBeDefined();
  return rootPath(DIST, file ?? '');
}

describe('the build stores compressed copies', () => {
  it.each(ROOTS)('of every text file of the $name root over 1 KiB, each decoding to its original', ({ dir }) => {
    const copies = new Set(precompressedCopies(dir));
    const text = listFiles(dir).filter((file) => shouldPrecompress(path.basename(file), readFileSync(file).length));
    expect(text.length).toBeGreaterThan(dir === DIST ? 40 : 3);
    for (const file of text) {
      const original = readFileSync(file);
      expect(copies.has(`${file}.br`), `${file}.br`).toBe(true);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original), `${file}.br decodes to the file`).toBe(true);
      if (copies.has(`${file}.gz`)) expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original), `${file}.gz decodes to the file`).toBe(true);
    }
  });
});

describe('the server sends what the request accepts', () => {
  const cases = () => [
    { what: 'a lesson page', host: SITE, urlPath: '/start/how-labs-work/', file: path.join(DIST, 'start/how-labs-work/index.html'), cache: 'no-cache' },
    { what: "Monaco's TypeScript worker", host: SITE, urlPath: largest(/^ts\.worker.*\.js$/), cache: 'immutable' },
    { what: "Pagefind's script", host: SITE, urlPath: '/pagefind/pagefind.js', cache: 'no-cache' },
    { what: 'the lab frame', host: LAB, urlPath: '/lab-frame/', file: path.join(LAB_DIST, 'lab-frame/index.html'), cache: 'no-cache' },
  ];

  it('brotli first, gzip when only gzip is accepted, the file itself when nothing is', async () => {
    for (const { what, host, urlPath, file, cache } of cases()) {
      const original = readFileSync(file ?? path.join(DIST, urlPath));
      for (const [accept, encoding] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
        [undefined, undefined],
        ['identity', undefined],
      ] as const) {
        const answer = await get(host, urlPath, accept);
        const label = `${what} (${urlPath}) with Accept-Encoding ${accept ?? '(none)'}`;
        expect(answer.status, label).toBe(200);
        expect(answer.headers['content-encoding'], label).toBe(encoding);
        expect(String(answer.headers.vary), label).toMatch(/accept-encoding/i);
        expect(String(answer.headers['cache-control']), label).toContain(cache);
        expect(Number(answer.headers['content-length']), label).toBe(answer.body.length);
        expect(decode(answer).equals(original), `${label}: decodes to the file`).toBe(true);
        if (encoding === 'br') expect(answer.body.length, label).toBeLessThan(original.length / 2);
      }
    }
  });

  it.each(ROOTS)('sends every brotli copy of the $name root, under its own type', async ({ dir, host }) => {
    const originals = precompressedCopies(dir)
      .filter((file) => file.endsWith('.br'))
      .map((file) => file.slice(0, -'.br'.length));
    for (let i = 0; i < originals.length; i += 16) {
      await Promise.all(
        originals.slice(i, i + 16).map(async (file) => {
          const urlPath = rootPath(dir, file).replace(/index\.html$/, '');
          const answer = await get(host, urlPath, 'br');
          expect({ urlPath, status: answer.status, encoding: answer.headers['content-encoding'] }).toEqual({ urlPath, status: 200, encoding: 'br' });
          expect(String(answer.headers['content-type']), urlPath).not.toMatch(/octet-stream/);
        }),
      );
    }
  });

  it("keeps Pagefind's fingerprinted index immutable and its entry file revalidated", async () => {
    const fragment = listFiles(path.join(DIST, 'pagefind', 'fragment'))[0];
    const meta = listFiles(path.join(DIST, 'pagefind')).find((file) => file.endsWith('.pf_meta'));
    for (const file of [fragment, meta]) {
      const answer = await get(SITE, rootPath(DIST, file ?? ''), 'br, gzip');
      expect(answer.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
    }
    expect((await get(SITE, '/pagefind/pagefind-entry.json', 'br')).headers['cache-control']).toBe('no-cache');
  });
});
