import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { TurnStatus } from '../../src/server/coturn.ts';
import { turnCredentialsRoute } from '../../src/server/turn-route.ts';
import { mintTurnCredential } from '../../src/lib/turn-credentials.ts';

const SECRET = 'not-to-be-seen-0123456789';
const running: TurnStatus = {
  running: true,
  turn: {
    ports: { plain: 3478, tls: 5349 },
    urls: ['turn:127.0.0.1:3478?transport=udp', 'turns:127.0.0.1:5349?transport=tcp'],
    mint: (nowMs = Date.now()) => mintTurnCredential({ secret: SECRET, user: 'lab-test', ttlSeconds: 600, nowMs }),
    logTail: () => [],
    alive: () => true,
    restart: async () => true,
    close: async () => {},
  },
};

let server: Server | null = null;
async function serve(status: TurnStatus, capacity = 3): Promise<string> {
  const app = express().use(turnCredentialsRoute({ status: () => status, trustProxy: false, rate: { capacity, refillPerSecond: 0.001 } }));
  server = createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/turn-credentials.json`;
}
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe('/turn-credentials.json', () => {
  it('hands out fresh credentials, never cached, never the secret, and limits each address', async () => {
    const url = await serve(running);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const text = await first.text();
    expect(text).not.toContain(SECRET);
    const body = JSON.parse(text) as { iceServers: Array<{ urls: string[]; username: string; credential: string }>; ttl: number };
    expect(body.ttl).toBe(600);
    expect(body.iceServers[0]?.urls).toEqual(running.running ? running.turn.urls : []);
    expect(body.iceServers[0]?.username).toMatch(/^\d+:lab-test$/);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    const limited = await fetch(url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('says why there is no TURN server, with how to install it in both languages', async () => {
    const url = await serve({ running: false, reason: 'not-installed' });
    const answer = await fetch(url);
    expect(answer.status).toBe(503);
    const body = (await answer.json()) as { unavailable: { reason: string; install: { en: string; ko: string } } };
    expect(body.unavailable.reason).toBe('not-installed');
    expect(body.unavailable.install.en).toContain('apt install coturn');
    expect(body.unavailable.install.ko).toContain('brew install coturn');
  });
});
