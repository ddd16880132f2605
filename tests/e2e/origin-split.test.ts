/**
 * Attacks on the split between the site origin and the lab origin, sent as raw HTTP so no client
 * normalizes them first: encoded separators and dots, dot and empty segments, other spellings of
 * the frame, and a Host that names neither origin (a DNS-rebinding page). Then the two roots on
 * disk: the lab origin's holds the frame and what it loads, the site's no frame.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getWithHost } from '../support/http-get.ts';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { DIST, LAB_DIST } from '../../scripts/build-state.ts';
import { listFiles } from '../support/site-files.ts';
import { isPrecompressedCopy } from '../../src/lib/precompress-policy.ts';
import { inlineScriptTexts, isPrefetchScript, moduleScriptSources } from '../../src/lib/frame-scripts.ts';
import { scriptHashSources } from '../../src/server/frame-script-hashes.ts';

const port = Number(new URL(inject('baseUrl')).port);
const SITE = `localhost:${port}`;
const LAB = `lab.localhost:${port}`;
/** Only the lab frame's page has this title. */
const FRAME_MARK = '<title>WebRTC Lab output</title>';
/** Every lesson page has Starlight's sidebar. */
const LESSON_MARK = 'id="starlight__sidebar"';

function get(host: string, path: string): ReturnType<typeof getWithHost> {
  return getWithHost({ port, host, path });
}

describe('the lab origin serves the frame and nothing else', () => {
  it('serves the frame', async () => {
    const { status, body } = await get(LAB, '/lab-frame/');
    expect(status).toBe(200);
    expect(body).toContain(FRAME_MARK);
  });

  it('serves the frame with its runner inside, one classic script that its policy allows by hash, and no other', async () => {
    const { body, headers } = await get(LAB, '/lab-frame/');
    expect(moduleScriptSources(body), 'no script file to wait for').toEqual([]);
    expect(body).not.toContain('type="module"');
    const [runner, ...others] = inlineScriptTexts(body);
    expect(others).toEqual([]);
    expect(runner).toContain('"use strict"');
    const scriptSrc = /(?:^|; )script-src ([^;]*)/.exec(String(headers['content-security-policy']))?.[1]?.split(' ');
    expect(scriptSrc).toEqual(["'self'", "'unsafe-eval'", ...scriptHashSources(body)]);
    expect(scriptSrc?.filter((source) => source.startsWith("'sha256-"))).toHaveLength(1);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
  });

  it.each([
    '/start/how-labs-work/',
    '/_astro/..%2fstart%2fhow-labs-work%2f',
    '/_astro/..%2Fstart%2Fhow-labs-work%2Findex.html',
    '/_astro/../start/how-labs-work/',
    '/_astro/%2e%2e/start/how-labs-work/',
    '/_astro/..%5cstart%5chow-labs-work%5c',
    '/peerjs/..%2fstart%2fhow-labs-work%2f',
    '/lab-frame/../start/how-labs-work/',
    '/lab-frame/..%2f..%2findex.html',
    '//start/how-labs-work/',
  ])('never serves a lesson page at %s', async (path) => {
    const { status, body } = await get(LAB, path);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(body).not.toContain(LESSON_MARK);
  });
});

describe('the site origin never serves the frame', () => {
  it('serves lesson pages', async () => {
    const { status, body } = await get(SITE, '/start/how-labs-work/');
    expect(status).toBe(200);
    expect(body).toContain(LESSON_MARK);
  });

  it.each([
    '/lab-frame/',
    '/lab-frame',
    '/lab-frame//',
    '/lab-frame/index',
    '/lab-frame/index.html',
    '/lab-frame/./',
    '/./lab-frame/',
    '/lab-frame/index.html?x=1',
    '/peerjs/..%2flab-frame%2findex.html',
    '/_astro/..%2flab-frame%2f',
    '/_astro/../lab-frame/',
    '/%6cab-frame/',
    '/ko/../lab-frame/',
    '//lab-frame/',
  ])('refuses %s', async (path) => {
    const { status, body } = await get(SITE, path);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(body).not.toContain(FRAME_MARK);
  });
});

/** Root paths (`/_astro/x.js`) of the files under a built root. */
const rootPaths = (dir: string): string[] => listFiles(dir).map((file) => '/' + path.relative(dir, file).split(path.sep).join('/'));
const astroFiles = (dir: string): string[] => readdirSync(path.join(dir, '_astro')).filter((name) => !isPrecompressedCopy(name)).map((name) => `/_astro/${name}`);
/** The lab root's chunk holding a library: found by a string only that library's code carries. */
function chunkWith(marker: string): string {
  const found = astroFiles(LAB_DIST).filter((file) => readFileSync(path.join(LAB_DIST, file), 'utf8').includes(marker));
  expect(found, `one chunk in ${LAB_DIST}/_astro holds ${marker}`).toHaveLength(1);
  return found[0] ?? '';
}

describe('each origin is served from its own root', () => {
  it('the site root has no lab-frame folder, and the lab root holds only the frame and its assets', () => {
    expect(existsSync(path.join(DIST, 'lab-frame'))).toBe(false);
    // …and the sitemap lists no page the site does not serve.
    expect(readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8')).not.toContain('/lab-frame/');
    const labFiles = rootPaths(LAB_DIST);
    expect(labFiles).toContain('/lab-frame/index.html');
    expect(labFiles.filter((file) => file !== '/lab-frame/index.html' && !file.startsWith('/_astro/'))).toEqual([]);
    // Astro's prefetch script is on every site page and on none of the frame's.
    const prefetch = astroFiles(DIST).filter((file) => file.endsWith('.js') && isPrefetchScript(readFileSync(path.join(DIST, file), 'utf8')));
    expect(prefetch).toHaveLength(1);
    expect(readFileSync(path.join(DIST, 'index.html'), 'utf8')).toContain(prefetch[0]);
    expect(labFiles).not.toContain(prefetch[0]);
  });

  it('serves every file of the lab root on the lab origin', async () => {
    for (const file of rootPaths(LAB_DIST)) {
      expect({ file, status: (await get(LAB, file)).status }).toEqual({ file, status: 200 });
    }
  });

  it.each([
    ['peerjs', '0.peerjs.com'],
    ['webrtc-adapter', 'shimAddTrackRemoveTrack'],
  ])('serves the chunk the frame imports %s from on the lab origin', async (_library, marker) => {
    const { status, body } = await get(LAB, chunkWith(marker));
    expect(status).toBe(200);
    expect(body).toContain(marker);
  });

  it('answers 404 on the lab origin to every site bundle the frame does not load', async () => {
    const labOnly = new Set(astroFiles(LAB_DIST));
    const siteOnly = astroFiles(DIST).filter((file) => !labOnly.has(file));
    // A lesson page's own stylesheet and Monaco's chunk are among them: the test would prove nothing otherwise.
    const lesson = await get(SITE, '/start/how-labs-work/');
    const lessonCss = [...lesson.body.matchAll(/<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1] ?? '');
    expect(lessonCss.length).toBeGreaterThan(0);
    for (const css of lessonCss) expect(siteOnly).toContain(css);
    expect(siteOnly.some((file) => /^\/_astro\/editor\.api\.[\w-]+\.js$/.test(file))).toBe(true);
    for (const file of siteOnly) {
      expect({ file, site: (await get(SITE, file)).status, lab: (await get(LAB, file)).status }).toEqual({ file, site: 200, lab: 404 });
    }
  });

  it.each(['/404.html', '/favicon.svg', '/index.html', '/', '/sitemap-index.xml', '/pagefind/pagefind.js', '/lab-frame/missing.js', '/_astro/no-such-file.js'])(
    'answers %s on the lab origin with a plain 404, not a site page',
    async (file) => {
      const { status, body } = await get(LAB, file);
      expect(status).toBe(404);
      expect(body).not.toContain('<html');
    },
  );
});

describe('a Host that names neither origin', () => {
  it.each(['/', '/lab-config.json', '/lab-frame/', '/peerjs/peerjs/id'])('gets 421 for %s', async (path) => {
    for (const host of ['evil.example', `evil.example:${port}`, `localhost:${port + 1}`, `127.0.0.1.nip.io:${port}`]) {
      const { status, body } = await get(host, path);
      expect({ host, status }).toEqual({ host, status: 421 });
      expect(body).not.toContain('labOrigin');
    }
  });

  it('gets 421 for a broker upgrade, before any handshake', async () => {
    const ws = new NodeWebSocket(`ws://127.0.0.1:${port}/peerjs/peerjs?key=peerjs&id=x&token=y`, { headers: { host: 'evil.example' } });
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(421);
  });
});
