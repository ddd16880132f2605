/**
 * `POST /turn-restart` with a stand-in coturn: who may restart it (this machine, the site's own
 * pages, not through a proxy), how often, and what each refusal says.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { TurnStatus } from '../../src/server/coturn.ts';
import { turnRestartRoute } from '../../src/server/turn-restart-route.ts';
import { resolveSiteOrigins } from '../../src/lib/site-origins.ts';
import { readTurnRestartAnswer, TURN_RESTART_PATH } from '../../src/lib/turn-response.ts';
import { mintTurnCredential } from '../../src/lib/turn-credentials.ts';

const origins = resolveSiteOrigins({ port: 4321 });

function fakeTurn(comesBack = true): { status: TurnStatus; restarts: () => number } {
  let restarts = 0;
  return {
    restarts: () => restarts,
    status: {
      running: true,
      turn: {
        ports: { plain: 3478, tls: 5349 },
        urls: ['turn:127.0.0.1:3478?transport=udp'],
        mint: (nowMs = Date.now()) => mintTurnCredential({ secret: 'x'.repeat(32), user: 'lab-test', ttlSeconds: 600, nowMs }),
        logTail: () => ['the last line'],
        alive: () => true,
        restart: async () => {
          restarts += 1;
          return comesBack;
        },
        close: async () => {},
      },
    },
  };
}

let server: Server | null = null;
let clock = 0;
async function serve(status: TurnStatus, trustProxy = false): Promise<string> {
  const app = express().use(turnRestartRoute({ status: () => status, origins: () => origins, trustProxy, now: () => clock }));
  server = createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${TURN_RESTART_PATH}`;
}
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  clock = 0;
});

const post = (url: string, origin: string | null = origins.lab): Promise<Response> =>
  fetch(url, { method: 'POST', headers: origin === null ? {} : { origin } });
const read = async (response: Response) => readTurnRestartAnswer(response.status, await response.json());

describe('/turn-restart', () => {
  it('restarts the local coturn for the lab frame and the site, once every few seconds', async () => {
    const turn = fakeTurn();
    const url = await serve(turn.status);
    const first = await post(url);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await read(first)).toEqual({ kind: 'restarted', ms: 0 });
    clock = 1000;
    const soon = await post(url, origins.site);
    expect(soon.status).toBe(429);
    expect(soon.headers.get('retry-after')).toBe('4');
    expect(await read(soon)).toEqual({ kind: 'refused', why: 'too-soon' });
    clock = 6000;
    expect((await post(url, origins.site)).status).toBe(200);
    expect(turn.restarts()).toBe(2);
  });

  it('refuses other sites’ pages, requests without an origin, anything behind a proxy, and GET', async () => {
    const turn = fakeTurn();
    const url = await serve(turn.status);
    for (const origin of ['http://evil.example', 'null', null]) {
      const answer = await post(url, origin);
      expect(answer.status, String(origin)).toBe(403);
      expect(await read(answer)).toEqual({ kind: 'refused', why: 'not-local' });
    }
    expect((await fetch(url)).status).toBe(405);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const proxied = await serve(turn.status, true);
    expect((await post(proxied)).status).toBe(403);
    expect(turn.restarts()).toBe(0);
  });

  it('refuses a client on another computer (a phone in LAN mode), even from the site’s own page', async () => {
    const turn = fakeTurn();
    const route = turnRestartRoute({ status: () => turn.status, origins: () => origins, trustProxy: false, now: () => clock });
    const answered: { code?: number; body?: unknown } = {};
    const res = {
      setHeader: () => res,
      status: (code: number) => ((answered.code = code), res),
      json: (body: unknown) => ((answered.body = body), res),
    };
    for (const remoteAddress of ['192.168.1.20', '::ffff:10.0.0.7', 'fe80::1']) {
      const req = { path: TURN_RESTART_PATH, method: 'POST', headers: { origin: origins.site }, socket: { remoteAddress } };
      await route(req as unknown as Parameters<typeof route>[0], res as unknown as Parameters<typeof route>[1], () => {});
      expect(answered, remoteAddress).toEqual({ code: 403, body: { restarted: false, refused: 'not-local' } });
    }
    expect(turn.restarts()).toBe(0);
  });

  it('says when there is no coturn to restart, and when it did not come back', async () => {
    const none = await serve({ running: false, reason: 'not-installed' });
    expect(await read(await post(none))).toEqual({ kind: 'refused', why: 'unavailable', reason: 'not-installed' });
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const broken = await serve(fakeTurn(false).status);
    const answer = await post(broken);
    expect(answer.status).toBe(500);
    expect(await read(answer)).toEqual({ kind: 'refused', why: 'failed' });
  });
});
