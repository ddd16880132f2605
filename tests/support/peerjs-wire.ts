/**
 * A peer speaking PeerServer's WebSocket protocol directly (OPEN, OFFER, ANSWER, CANDIDATE,
 * HEARTBEAT), as PeerJS does under the hood: for tests and load that need hundreds of peers and
 * no WebRTC, only the broker's part of a call.
 */
import { WebSocket } from 'ws';

export interface WireMessage {
  readonly type: string;
  readonly src?: string;
  readonly dst?: string;
  readonly payload?: unknown;
}

export interface WirePeer {
  readonly id: string;
  readonly ws: WebSocket;
  /** Every message received since OPEN. */
  readonly received: WireMessage[];
  readonly closed: boolean;
  send(type: 'OFFER' | 'ANSWER' | 'CANDIDATE', dst: string, payload: unknown): void;
  /** The first message (already received or still to come) that `match` accepts. */
  next(match: (message: WireMessage) => boolean, timeoutMs?: number): Promise<WireMessage>;
  onClose(listener: () => void): void;
  close(): void;
}

export interface WireOptions {
  /** ws://host:port of the broker (or the proxy in front of it). */
  readonly url: string;
  readonly id: string;
  readonly origin: string;
  /** The Host header, when the URL's host is an address and the server answers for a name. */
  readonly host?: string;
  readonly localAddress?: string;
}

export function connectWirePeer(options: WireOptions): Promise<WirePeer> {
  const ws = new WebSocket(`${options.url}/peerjs/peerjs?key=peerjs&id=${encodeURIComponent(options.id)}&token=${crypto.randomUUID()}`, {
    origin: options.origin,
    ...(options.host ? { headers: { host: options.host } } : {}),
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  const received: WireMessage[] = [];
  const waiters = new Set<(message: WireMessage) => void>();
  const closeListeners: (() => void)[] = [];
  let closed = false;
  const peer: WirePeer = {
    id: options.id,
    ws,
    received,
    get closed() {
      return closed;
    },
    send: (type, dst, payload) => ws.send(JSON.stringify({ type, dst, payload })),
    next: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const found = received.find(match);
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${options.id}: no matching message in ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (message: WireMessage): void => {
          if (!match(message)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(message);
        };
        waiters.add(waiter);
      }),
    onClose: (listener) => closeListeners.push(listener),
    close: () => ws.terminate(),
  };
  return new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as WireMessage;
      if (message.type === 'OPEN') return resolve(peer);
      if (message.type === 'ERROR' || message.type === 'ID-TAKEN') return reject(new Error(`${options.id}: ${String(data)}`));
      received.push(message);
      for (const waiter of [...waiters]) waiter(message);
    });
    ws.on('unexpected-response', (_request, response) => {
      ws.terminate();
      reject(new Error(`${options.id}: HTTP ${response.statusCode}`));
    });
    ws.on('error', reject);
    ws.on('close', () => {
      closed = true;
      reject(new Error(`${options.id}: closed before OPEN`));
      for (const listener of closeListeners) listener();
    });
  });
}
