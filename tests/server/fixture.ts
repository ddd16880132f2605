/**
 * A broker on a real HTTP server on loopback, next to an unrelated WebSocket endpoint
 * (/other) that must keep working, and a small PeerJS-protocol client for driving it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { WebSocket, WebSocketServer } from 'ws';
import { createBroker, type Broker, type BrokerLimits } from '../../src/server/broker.ts';
import { patient } from '../support/patience.ts';

export interface BrokerFixture {
  readonly port: number;
  readonly origin: string;
  readonly broker: Broker;
  readonly logs: string[];
  close(): Promise<void>;
}

/** `port` 0 picks a free port; a fixed one restarts a broker where its clients expect it. */
export async function startBroker(limits: Partial<BrokerLimits> = {}, port = 0): Promise<BrokerFixture> {
  const app = express();
  const server = createServer(app);
  const logs: string[] = [];
  let allowed: ReadonlySet<string> = new Set();
  const broker = createBroker({ httpServer: server, allowedOrigins: () => allowed, limits, log: (line) => logs.push(line) });
  app.use(broker.app);

  const other = new WebSocketServer({ noServer: true });
  other.on('connection', (ws) => ws.on('message', (data) => ws.send(`echo:${String(data)}`)));
  server.on('upgrade', (req, socket, head) => {
    if (broker.handleUpgrade(req, socket, head)) return;
    if (req.url === '/other') other.handleUpgrade(req, socket, head, (ws) => other.emit('connection', ws, req));
    else socket.destroy();
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listening = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${listening}`;
  allowed = new Set([origin]);
  return {
    port: listening,
    origin,
    broker,
    logs,
    close: async () => {
      await broker.close();
      for (const ws of other.clients) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ServerMessage {
  readonly type: string;
  readonly src?: string;
  readonly payload?: unknown;
}

export interface TestPeer {
  readonly id: string;
  readonly ws: WebSocket;
  readonly received: ServerMessage[];
  /** Resolves with the next message of `type` (already received ones count). */
  next(type: string, timeoutMs?: number): Promise<ServerMessage>;
  /** Resolves with the close code and reason once the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
}

export interface PeerOptions {
  readonly origin?: string;
  readonly localAddress?: string;
  readonly query?: Record<string, string>;
  /** false: the client never answers the broker's pings, like a machine that vanished. */
  readonly autoPong?: boolean;
}

export function connectPeer(port: number, id: string, options: PeerOptions = {}): TestPeer {
  const query = new URLSearchParams(options.query ?? { key: 'peerjs', id, token: crypto.randomUUID() });
  const ws = new WebSocket(`ws://127.0.0.1:${port}/peerjs/peerjs?${query}`, {
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    ...(options.autoPong === false ? { autoPong: false } : {}),
  });
  const received: ServerMessage[] = [];
  const waiters: Array<{ type: string; resolve: (m: ServerMessage) => void }> = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    received.push(message);
    const index = waiters.findIndex((w) => w.type === message.type);
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(message);
  });
  ws.on('error', () => {}); // a refused socket errors; the test reads `closed` instead
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const consumed = new Set<ServerMessage>();
  return {
    id,
    ws,
    received,
    closed,
    next(type, timeoutMs = 5000) {
      const already = received.find((m) => m.type === type && !consumed.has(m));
      if (already) {
        consumed.add(already);
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${id}: no ${type} within ${timeoutMs} ms; got ${JSON.stringify(received.map((m) => m.type))}`)), timeoutMs);
        waiters.push({
          type,
          resolve: (m) => {
            clearTimeout(timer);
            consumed.add(m);
            resolve(m);
          },
        });
      });
    },
    send(message) {
      ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    },
  };
}

/** Sends `count` OFFERs from a to b and waits until b has every one, in order. */
export async function relayExchange(a: TestPeer, b: TestPeer, count: number): Promise<number[]> {
  const seen: number[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${seen.length}/${count} relayed`)), patient(10_000));
    b.ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type !== 'OFFER' || message.src !== a.id) return;
      seen.push((message.payload as { n: number }).n);
      if (seen.length === count) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  for (let n = 0; n < count; n++) {
    a.send({ type: 'OFFER', dst: b.id, payload: { n, sdp: 'v=0' } });
    // Paced like real signaling (a burst of candidates, not a flood).
    if (n % 10 === 9) await new Promise((r) => setTimeout(r, 60));
  }
  await done;
  return seen;
}
