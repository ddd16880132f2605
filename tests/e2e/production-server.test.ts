/**
 * The production server as a browser meets it: the broker on the page's own origin,
 * refusals a page can read, and no stray WebSocket endpoints.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { DIST } from '../../scripts/build-state.ts';
import { useChromium } from '../support/chromium.ts';

const baseUrl = inject('baseUrl');
const port = new URL(baseUrl).port;
const browser = useChromium();

/** Opens a broker socket on `brokerHost` from a page on `origin` and reports the first message or the close. */
async function brokerFromPage(origin: string, brokerHost = new URL(origin).host): Promise<{ first?: string; code?: number; reason?: string }> {
  const page = await browser().newPage();
  await page.goto(`${origin}/404.html`);
  const outcome = await page.evaluate(async (host) => {
    const id = `e2e-${crypto.randomUUID()}`;
    const ws = new WebSocket(`ws://${host}/peerjs/peerjs?key=peerjs&id=${id}&token=${crypto.randomUUID()}`);
    return new Promise<{ first?: string; code?: number; reason?: string }>((resolve) => {
      ws.onmessage = (e) => {
        resolve({ first: JSON.parse(String(e.data)).type });
        ws.close();
      };
      ws.onclose = (e) => resolve({ code: e.code, reason: e.reason });
    });
  }, brokerHost);
  await page.close();
  return outcome;
}

describe('production server', () => {
  it('serves the broker to the site origin and to the lab origin', async () => {
    expect(await brokerFromPage(baseUrl)).toEqual({ first: 'OPEN' });
    expect(await brokerFromPage(`http://lab.localhost:${port}`)).toEqual({ first: 'OPEN' });
  });

  it('tells a page on a foreign origin why its broker socket closed', async () => {
    // Another server on this machine plays the foreign site (this one answers no other Host).
    const foreign = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>foreign</title>'));
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.2', resolve));
    const origin = `http://127.0.0.2:${(foreign.address() as AddressInfo).port}`;
    try {
      expect(await brokerFromPage(origin, `localhost:${port}`)).toEqual({ code: 1008, reason: `origin not allowed: ${origin}` });
    } finally {
      foreign.close();
    }
  });

  it('hands out ids over REST', async () => {
    const res = await fetch(`${baseUrl}/peerjs/peerjs/id`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 to a WebSocket upgrade on any other path', async () => {
    const ws = new NodeWebSocket(`ws://127.0.0.1:${port}/not-a-socket`);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(404);
  });

  it.each([
    ['/no/such/page/', '404.html', 'en'],
    ['/ko/no/such/page/', 'ko/404/index.html', 'ko'],
  ])('answers %s with the site’s own not-found page (%s)', async (missing, file, lang) => {
    const res = await fetch(baseUrl + missing);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).not.toContain('Cannot GET');
    expect(html).toBe(readFileSync(path.join(DIST, file), 'utf8'));
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
  });
});
