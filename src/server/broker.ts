/**
 * The signaling broker: the real PeerServer (`peer`) mounted at /peerjs, behind the guards
 * PeerServer lacks. One module, used by the dev integration and the production server.
 *
 * PeerServer's own WebSocket server answers 400 to every upgrade on another path, which
 * kills Vite's HMR socket; so it gets a `noServer` WebSocketServer and we route upgrades
 * by path ourselves. The routing step is also where the Origin check and per-IP cap live.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import express from 'express';
import { ExpressPeerServer } from 'peer';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkOrigin } from '../lib/origin-policy.ts';
import { createConnectionCounter } from '../lib/connection-counter.ts';
import type { TokenBucketOptions } from '../lib/token-bucket.ts';
import { createAbsentQueue } from '../lib/absent-queue.ts';
import { CLOSE, guardSocket } from './broker-socket-guard.ts';
import { addressPrefix, normalizeAddress } from '../lib/address-prefix.ts';

export interface BrokerLimits {
  /** Largest frame accepted; signaling (SDP, candidates) fits in a few KiB. */
  readonly maxPayloadBytes: number;
  /** Open broker sockets one address may hold at once. */
  readonly connectionsPerIp: number;
  /** Open broker sockets one network (/24, /64) may hold: many addresses, one attacker. */
  readonly connectionsPerPrefix: number;
  /** Messages per socket: burst and sustained rate. */
  readonly messageRate: TokenBucketOptions;
  /** Bytes per socket: burst and sustained rate (bounds PeerServer's queue for absent ids). */
  readonly byteRate: TokenBucketOptions;
  /** Peers the whole broker holds at once (PeerServer's `concurrent_limit`). */
  readonly concurrentPeers: number;
  /** A peer silent for this long is dropped (PeerServer's `alive_timeout`). */
  readonly aliveTimeoutMs: number;
  /** Messages PeerServer may hold for one absent id, and for all of them, at once. */
  readonly absentQueue: { readonly perDestination: number; readonly total: number };
  /** A peer that does not read its socket is dropped once this much waits to be sent to it. */
  readonly maxBufferedBytes: number;
  /**
   * Every socket is pinged this often, and dropped once it left two pings in a row unanswered: a
   * peer whose machine vanished (no FIN) or that stopped reading goes within three intervals. One
   * miss is forgiven because a sweep can come before a pong that has arrived: after the process
   * stalls, Node runs its due timers before it reads its sockets.
   */
  readonly pingIntervalMs: number;
}

export const DEFAULT_BROKER_LIMITS: BrokerLimits = {
  maxPayloadBytes: 64 * 1024,
  // A learner uses two to four tabs; a classroom behind one NAT address needs more, so
  // this is configurable (BROKER_MAX_PER_IP) rather than tight.
  connectionsPerIp: 32,
  // Four classrooms' worth, and a sixteenth of concurrentPeers: no one network fills the broker.
  connectionsPerPrefix: 128,
  // Trickle ICE sends a burst of ~10–30 CANDIDATE messages per connection at call setup;
  // steady state is one HEARTBEAT every 5 s. 100 burst / 20 per second never trips an
  // honest client and stops a flood within a fraction of a second.
  messageRate: { capacity: 100, refillPerSecond: 20 },
  // Messages to an absent id are queued by PeerServer for expire_timeout (5 s) with no cap;
  // 256 KiB burst + 64 KiB/s keeps one socket's share of that queue under ~600 KiB.
  byteRate: { capacity: 256 * 1024, refillPerSecond: 64 * 1024 },
  // Measured by `npm run bench`: 1,000 heartbeating peers on 2 cores cost little CPU; the
  // global cap bounds memory at twice that, far above what the site needs.
  concurrentPeers: 2000,
  // PeerJS heartbeats every 5 s from a timer. Chrome throttles timers in hidden tabs
  // (intensive throttling: one wake-up per minute after 5 minutes hidden), and a partner
  // tab waiting in a room is exactly such a tab. PeerServer's 90 s default would drop it
  // after one late wake-up; 150 s tolerates two. A closed socket frees its id at once
  // regardless, so only silently dead connections wait this long.
  aliveTimeoutMs: 150_000,
  // An honest partner's first OFFER and its trickled candidates (~30 messages) may wait for the
  // partner's page to load; 64 is twice that. 1,024 in all, each at most maxPayloadBytes, bounds
  // what the whole broker holds for absent ids to 64 MiB.
  absentQueue: { perDestination: 64, total: 1024 },
  // Signaling for one call is a few tens of KiB; 1 MiB unread means the peer is not reading.
  maxBufferedBytes: 1024 * 1024,
  // Browsers answer pings in their network stack, not in page script, so a hidden tab whose
  // timers are throttled still answers at once.
  pingIntervalMs: 30_000,
};

/** PeerServer's expire_timeout: how long it holds messages for an id that is not connected. */
const EXPIRE_TIMEOUT_MS = 5000;

/** Why the broker closed or refused a socket; counted for logs and the bench. */
export const REFUSAL_REASONS = ['origin', 'per-ip', 'per-prefix', 'rate', 'bytes', 'malformed', 'binary', 'queue-full', 'not-reading', 'no-pong'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface BrokerOptions {
  /** The HTTP server whose upgrades are routed here (PeerServer insists on having one). */
  readonly httpServer: Server;
  /** Origins whose pages may open a socket; read on every upgrade, so it may change. */
  readonly allowedOrigins: () => ReadonlySet<string>;
  readonly limits?: Partial<BrokerLimits>;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
  readonly trustProxy?: boolean;
  readonly log?: (line: string) => void;
}

export interface BrokerStats {
  readonly openSockets: number;
  readonly refused: Readonly<Record<RefusalReason, number>>;
}

export interface Broker {
  /** Express app serving PeerServer's HTTP API under MOUNT_PATH; mount it at the root. */
  readonly app: express.Express;
  /** Takes the upgrade if it is the broker's path and returns true; otherwise leaves it alone. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  stats(): BrokerStats;
  close(): Promise<void>;
}

export const MOUNT_PATH = '/peerjs';
/** PeerServer's default key; the REST id endpoint is MOUNT_PATH/KEY/id. */
export const BROKER_KEY = 'peerjs';
export const WS_PATH = `${MOUNT_PATH}/peerjs`;


/**
 * A refused socket gets its code and reason, then this long to answer the close before it is
 * cut: a browser answers at once, and a client that never answers must not hold a socket (ws
 * would wait 30 s), since refused sockets count against no cap.
 */
const REFUSED_LINGER_MS = 1000;

/** A socket that left this many pings in a row unanswered is dropped (see BrokerLimits.pingIntervalMs). */
const DROP_AFTER_MISSED_PINGS = 2;

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  // The client writes the leftmost entries itself; only the last one was added by our own proxy.
  const raw = trustProxy && typeof forwarded === 'string' ? forwarded.split(',').at(-1)?.trim() : req.socket.remoteAddress;
  return normalizeAddress(raw);
}


export function createBroker(options: BrokerOptions): Broker {
  const limits: BrokerLimits = { ...DEFAULT_BROKER_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const trustProxy = options.trustProxy ?? false;
  const perIp = createConnectionCounter(limits.connectionsPerIp);
  const perPrefix = createConnectionCounter(limits.connectionsPerPrefix);
  const refused = Object.fromEntries(REFUSAL_REASONS.map((reason) => [reason, 0])) as Record<RefusalReason, number>;
  const open = new Set<WebSocket>();
  /**
   * Open sockets per requested id: a message to an id with none is queued by PeerServer. Counted,
   * not a set, because a second socket asking for a taken id (refused by PeerServer) must not
   * mark the owner absent when it closes.
   */
  const connected = new Map<string, number>();
  const absent = createAbsentQueue({ ...limits.absentQueue, expireMs: EXPIRE_TIMEOUT_MS });

  let wss: WebSocketServer | undefined;
  const peerApp = ExpressPeerServer(options.httpServer, {
    key: BROKER_KEY,
    path: '/',
    allow_discovery: false,
    concurrent_limit: limits.concurrentPeers,
    alive_timeout: limits.aliveTimeoutMs,
    // Queued messages for an id that is not (yet) connected live this long. The partner
    // tab's first OFFER may arrive before the partner connects; 5 s covers a page load.
    expire_timeout: EXPIRE_TIMEOUT_MS,
    // The REST API answers only our own pages (PeerServer's default reflects any origin).
    corsOptions: {
      origin: (origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) =>
        callback(null, checkOrigin(origin, options.allowedOrigins()).allowed),
    },
    // Ids come from the server (crypto.randomUUID) when a client asks for one.
    generateClientId: () => crypto.randomUUID(),
    createWebSocketServer: (wsOptions) => {
      const { server: _ignored, ...rest } = wsOptions;
      wss = new WebSocketServer({ ...rest, noServer: true, maxPayload: limits.maxPayloadBytes });
      return wss;
    },
  });
  // Without a listener, PeerServer's emit('error') (a bad frame, a socket reset) would throw.
  peerApp.on('error', (error: Error) => log(`broker: ${error.message}`));

  const app = express();
  app.disable('x-powered-by');
  app.use(MOUNT_PATH, peerApp); // 'mount' is what makes PeerServer create its socket server
  const server = wss as WebSocketServer | undefined;
  if (!server) throw new Error('PeerServer did not create its WebSocket server on mount');

  const refuse = (ws: WebSocket, reason: RefusalReason, code: number, text: string): void => {
    refused[reason] += 1;
    log(`broker: closing socket (${reason}): ${text}`);
    ws.close(code, text);
    setTimeout(() => ws.terminate(), REFUSED_LINGER_MS).unref();
  };

  const guard = (ws: WebSocket): void =>
    guardSocket(ws, {
      limits,
      refuse: (reason, code, text) => refuse(ws, reason, code, text),
      count: (reason) => (refused[reason] += 1),
      isConnected: (id) => connected.has(id),
      absent,
      log,
    });

  // Pings each socket left unanswered in a row, swept every interval; a pong clears the count.
  const missed = new Map<WebSocket, number>();
  const pinger = setInterval(() => {
    for (const ws of open) {
      const misses = missed.get(ws) ?? 0;
      if (misses >= DROP_AFTER_MISSED_PINGS) {
        refused['no-pong'] += 1;
        log(`broker: dropping a peer that left ${DROP_AFTER_MISSED_PINGS} pings in a row unanswered`);
        ws.terminate();
        continue;
      }
      missed.set(ws, misses + 1);
      ws.ping();
    }
  }, limits.pingIntervalMs);
  pinger.unref();

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = new URL(req.url ?? '/', 'http://broker.invalid');
    if (url.pathname !== WS_PATH) return false;

    // Policy refusals complete the handshake and close with a code and reason, because a
    // browser shows a failed handshake to scripts only as a bare error with no status.
    const origin = checkOrigin(req.headers.origin, options.allowedOrigins());
    if (!origin.allowed) {
      server.handleUpgrade(req, socket, head, (ws) => {
        refuse(ws, 'origin', CLOSE.policy, `origin not allowed: ${req.headers.origin ?? ''}`.slice(0, 120));
      });
      return true;
    }
    const address = clientAddress(req, trustProxy);
    const prefix = addressPrefix(address);
    if (!perIp.tryAcquire(address)) {
      server.handleUpgrade(req, socket, head, (ws) => {
        refuse(ws, 'per-ip', CLOSE.tryAgainLater, `too many broker connections from one address (max ${limits.connectionsPerIp})`);
      });
      return true;
    }
    if (!perPrefix.tryAcquire(prefix)) {
      perIp.release(address);
      server.handleUpgrade(req, socket, head, (ws) => {
        refuse(ws, 'per-prefix', CLOSE.tryAgainLater, `too many broker connections from one network (max ${limits.connectionsPerPrefix})`);
      });
      return true;
    }
    let released = false;
    const release = (): void => {
      if (!released) {
        perIp.release(address);
        perPrefix.release(prefix);
      }
      released = true;
    };
    socket.once('close', release);
    const id = url.searchParams.get('id');
    server.handleUpgrade(req, socket, head, (ws) => {
      open.add(ws);
      ws.on('pong', () => missed.set(ws, 0));
      if (id) {
        connected.set(id, (connected.get(id) ?? 0) + 1);
        absent.delivered(id);
      }
      ws.once('close', () => {
        open.delete(ws);
        missed.delete(ws);
        if (id) {
          const left = (connected.get(id) ?? 1) - 1;
          if (left > 0) connected.set(id, left);
          else connected.delete(id);
        }
        release();
      });
      guard(ws);
      server.emit('connection', ws, req);
    });
    return true;
  };

  return {
    app,
    handleUpgrade,
    stats: () => ({ openSockets: open.size, refused: { ...refused } }),
    close: async () => {
      clearInterval(pinger);
      for (const ws of open) ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
