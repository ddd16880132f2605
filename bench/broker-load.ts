/**
 * Broker load for `npm run bench`: N PeerJS-protocol clients held open with heartbeats,
 * a steady stream of OFFERs between pairs, and the latency of each relay.
 * Clients are spread over loopback source addresses, each in a /24 of its own (127.x.y.1), so
 * the per-address and per-network caps see what they would see from real learners.
 */
import { WebSocket } from 'ws';
import { HEARTBEAT_FRAME } from '../src/lib/pairing/pair-messages.ts';

export interface LoadOptions {
  readonly port: number;
  readonly peers: number;
  readonly holdMs: number;
  readonly heartbeatMs: number;
  readonly messagesPerSecond: number;
  readonly peersPerAddress: number;
  readonly origin: string;
  /** Peer ids are `<idPrefix>-<n>` (a warm-up uses other ids than the run it warms). */
  readonly idPrefix?: string;
}

export interface LoadResult {
  readonly connected: number;
  readonly falseDisconnects: number;
  readonly relayed: number;
  readonly lost: number;
  /** Every relay's latency, so rounds can be pooled: one round's p99 is its 20th-slowest message. */
  readonly latenciesMs: readonly number[];
  /** Every handshake's time, pooled the same way. */
  readonly connectTimesMs: readonly number[];
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runBrokerLoad(options: LoadOptions): Promise<LoadResult> {
  const sockets: WebSocket[] = [];
  const connectTimes: number[] = [];
  let falseDisconnects = 0;
  let holding = false;
  const pending = new Map<number, number>(); // message number → send time
  const latencies: number[] = [];

  const connectOne = (i: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const group = Math.floor(i / options.peersPerAddress);
      const address = `127.${1 + Math.floor(group / 250)}.${1 + (group % 250)}.1`;
      const started = performance.now();
      const ws = new WebSocket(`ws://127.0.0.1:${options.port}/peerjs/peerjs?key=peerjs&id=${options.idPrefix ?? 'bench'}-${i}&token=${crypto.randomUUID()}`, {
        localAddress: address,
        origin: options.origin,
      });
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; payload?: { n: number } };
        if (message.type === 'OPEN') {
          connectTimes.push(performance.now() - started);
          resolve();
        } else if (message.type === 'OFFER' && message.payload) {
          const sent = pending.get(message.payload.n);
          if (sent !== undefined) {
            latencies.push(performance.now() - sent);
            pending.delete(message.payload.n);
          }
        } else if (message.type === 'ERROR' || message.type === 'ID-TAKEN') {
          reject(new Error(`peer ${i}: ${String(data)}`));
        }
      });
      ws.on('close', () => {
        if (holding) falseDisconnects++;
      });
      ws.on('error', reject);
      sockets.push(ws);
    });

  // Connect in batches, as a classroom arriving would, not all in one tick.
  for (let i = 0; i < options.peers; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, options.peers - i) }, (_, k) => connectOne(i + k)));
  }

  holding = true;
  // Each PeerJS client heartbeats on its own timer, started when its socket opened, so a
  // classroom's heartbeats are spread over the interval. Sending all of them in one tick
  // instead made a burst every 5 s that both brokers and this generator had to drain, and
  // the few OFFERs caught behind it decided the p99.
  const HEARTBEAT_SLICES = 50;
  let slice = 0;
  const heartbeat = setInterval(() => {
    for (let i = slice; i < sockets.length; i += HEARTBEAT_SLICES) {
      const ws = sockets[i];
      if (ws?.readyState === WebSocket.OPEN) ws.send(HEARTBEAT_FRAME);
    }
    slice = (slice + 1) % HEARTBEAT_SLICES;
  }, options.heartbeatMs / HEARTBEAT_SLICES);

  const pairs = Math.floor(sockets.length / 2);
  const intervalMs = 1000 / options.messagesPerSecond;
  const deadline = performance.now() + options.holdMs;
  let n = 0;
  while (performance.now() < deadline) {
    const pair = n % pairs;
    const from = sockets[2 * pair];
    pending.set(n, performance.now());
    from?.send(JSON.stringify({ type: 'OFFER', dst: `${options.idPrefix ?? 'bench'}-${2 * pair + 1}`, payload: { n, sdp: 'v=0\r\n'.padEnd(2000, 'a') } }));
    n++;
    // Sleep to the next slot of the schedule (keeps the rate steady despite timer drift).
    const next = deadline - options.holdMs + n * intervalMs;
    await sleep(Math.max(0, next - performance.now()));
  }
  await sleep(500); // let the last relays land
  holding = false;
  clearInterval(heartbeat);
  for (const ws of sockets) ws.terminate();

  return {
    connected: connectTimes.length,
    falseDisconnects,
    relayed: latencies.length,
    lost: pending.size,
    latenciesMs: latencies,
    connectTimesMs: connectTimes,
  };
}
