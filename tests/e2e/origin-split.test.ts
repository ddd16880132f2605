/**
 * Attacks on the split between the site origin and the lab origin, sent as raw HTTP so no client
 * normalizes them first: encoded separators and dots, dot and empty segments, other spellings of
 * the frame, and a Host that names neither origin (a DNS-rebinding page).
 */
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';

const port = Number(new URL(inject('baseUrl')).port);
const SITE = `localhost:${port}`;
const LAB = `lab.localhost:${port}`;
/** Only the lab frame's page has this title. */
const FRAME_MARK = '<title>WebRTC Lab output</title>';
/** Every lesson page has Starlight's sidebar. */
const LESSON_MARK = 'id="starlight__sidebar"';

function get(host: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the lab origin serves the frame and nothing else', () => {
  it('serves the frame', async () => {
    const { status, body } = await get(LAB, '/lab-frame/');
    expect(status).toBe(200);
    expect(body).toContain(FRAME_MARK);
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
