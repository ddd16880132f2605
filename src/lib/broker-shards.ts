/**
 * Past one broker process: PeerServer keeps every peer in one process's memory and has no
 * clustering, so a deployment runs several and sends each room to one of them. The room is in
 * every broker URL already (a peer id is `webrtclab-<lab>-<room>-<role>`, `-page` or `-signal` after it, room-code.ts),
 * so a stock proxy can hash on it: HAProxy's consistent hashing (`hash-type consistent`) on the
 * id with its seat cut off. When a shard dies, only its rooms move; the others keep their place.
 *
 * This module is the one declaration of that key (for the site's own code and tests) and writes
 * the HAProxy configuration that computes the same key (`npm run haproxy-config`).
 */
import { ID_SUFFIXES } from './pairing/room-code.ts';

/**
 * The steps from a peer id to its room's key, each a suffix cut off: what follows the seat in a
 * page's or a signal channel's id (ID_SUFFIXES), then the last dash-separated part (the seat:
 * host, guest, guest2…). Plain suffixes with no groups or alternation, because HAProxy's
 * converter arguments cannot hold parentheses or commas, and it expands `$` inside quotes: these
 * are written into its configuration as they are.
 */
export const SHARD_KEY_STEPS: readonly RegExp[] = [...Object.values(ID_SUFFIXES).map((suffix) => new RegExp(`${suffix}$`)), /-[a-z0-9]*$/];

/**
 * The key every id of one room shares (`webrtclab-<lab>-<room>`); any other id gets a key of
 * its own, which is all it needs, having no partner to meet on the same shard.
 */
export function shardKeyOfPeerId(id: string): string {
  return SHARD_KEY_STEPS.reduce((key, step) => key.replace(step, ''), id);
}

/** A `host:port` a proxy can reach. */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

export interface HaproxyOptions {
  /** Where the proxy listens (every public origin's port: site and lab origin). */
  readonly listen: readonly Endpoint[];
  /**
   * A PEM file with the certificate (for the site's and the lab origin's names) and its key: the
   * proxy then speaks HTTPS on every `listen` address, as camera and microphone need.
   */
  readonly tlsCertificate?: string;
  /** The site server (or any static host serving dist/ and dist-lab/ by Host). */
  readonly site: Endpoint;
  /** The broker processes (`npm run broker`), each with TRUST_PROXY=1. */
  readonly brokers: readonly Endpoint[];
  /** The Host header the health check sends: a public host the brokers answer for. */
  readonly healthHost: string;
  /** How often a broker is checked; two misses take it out of the ring. */
  readonly checkIntervalMs?: number;
  /**
   * HAProxy's `maxconn` (every WebSocket holds two connections, client and broker side). Absent,
   * HAProxy derives it from the file descriptor limit, and starts whatever that limit is.
   */
  readonly maxConnections?: number;
  /**
   * Connections one client address may hold at once, refused past it at the proxy: behind it the
   * servers see only the proxy's address, so this is where that cap lives (connection-guard.ts).
   */
  readonly connectionsPerAddress: number;
  /** Where HAProxy's statistics page listens (off when absent). */
  readonly stats?: Endpoint;
}

const endpoint = ({ host, port }: Endpoint): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

function checkEndpoint(value: Endpoint, what: string): void {
  if (!Number.isInteger(value.port) || value.port < 1 || value.port > 65535) throw new RangeError(`${what}: port must be 1–65535, got ${value.port}`);
  if (!/^[A-Za-z0-9.:-]+$/.test(value.host)) throw new Error(`${what}: not a host name or address: ${JSON.stringify(value.host)}`);
}

/**
 * HAProxy's configuration for the site behind TLS termination (or none, on loopback): requests
 * under /peerjs/ go to the broker that owns their room, everything else to the site.
 */
export function haproxyConfig(options: HaproxyOptions): string {
  if (options.brokers.length === 0) throw new Error('at least one broker is needed');
  if (options.listen.length === 0) throw new Error('at least one address to listen on is needed');
  options.listen.forEach((each, index) => checkEndpoint(each, `listen ${index + 1}`));
  options.brokers.forEach((each, index) => checkEndpoint(each, `broker ${index + 1}`));
  checkEndpoint(options.site, 'site');
  if (options.tlsCertificate !== undefined && !/^[A-Za-z0-9._/-]+$/.test(options.tlsCertificate)) {
    throw new Error(`not a certificate path HAProxy reads as one word: ${JSON.stringify(options.tlsCertificate)}`);
  }
  // HTTP/1.1 only: PeerJS's WebSocket is an HTTP/1.1 upgrade.
  const tls = options.tlsCertificate === undefined ? '' : ` ssl crt ${options.tlsCertificate} alpn http/1.1`;
  if (options.stats) checkEndpoint(options.stats, 'stats');
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(options.healthHost)) throw new Error(`not a Host header: ${JSON.stringify(options.healthHost)}`);
  if (options.maxConnections !== undefined && (!Number.isInteger(options.maxConnections) || options.maxConnections < 1)) {
    throw new RangeError(`maxConnections must be a whole number ≥ 1, got ${options.maxConnections}`);
  }
  if (!Number.isInteger(options.connectionsPerAddress) || options.connectionsPerAddress < 1) {
    throw new RangeError(`connectionsPerAddress must be a whole number ≥ 1, got ${options.connectionsPerAddress}`);
  }
  const inter = options.checkIntervalMs ?? 1000;
  if (!Number.isInteger(inter) || inter < 50) throw new RangeError(`checkIntervalMs must be a whole number ≥ 50, got ${inter}`);
  const key = SHARD_KEY_STEPS.map((step) => `,regsub(${step.source},)`).join('');
  return [
    '# Generated by `npm run haproxy-config` (src/lib/broker-shards.ts): do not edit by hand.',
    'global',
    ...(options.maxConnections === undefined ? [] : [`  maxconn ${options.maxConnections}`]),
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A broker socket is a WebSocket that idles between heartbeats (5 s) and pings (30 s).
    '  timeout tunnel 1h',
    '  timeout client-fin 5s',
    // The brokers and the site take the client's address from the last X-Forwarded-For entry (TRUST_PROXY=1).
    '  option forwardfor',
    '',
    'frontend web',
    ...options.listen.map((each) => `  bind ${endpoint(each)}${tls}`),
    // Each client address's open connections, counted before TLS or HTTP is read.
    '  stick-table type ipv6 size 1m expire 60s store conn_cur',
    '  tcp-request connection track-sc0 src',
    `  tcp-request connection reject if { sc_conn_cur(0) gt ${options.connectionsPerAddress} }`,
    '  use_backend brokers if { path_beg /peerjs/ }',
    '  default_backend site',
    '',
    'backend brokers',
    // The room of the peer id in the URL (the WebSocket's ?id=…; the REST id route has none).
    `  http-request set-var(txn.room) url_param(id)${key}`,
    '  balance hash var(txn.room)',
    '  hash-type consistent',
    // A room stays where it is: without this, a broker coming back takes its rooms back, and a
    // peer reconnecting then lands away from a partner still on the broker that stood in.
    '  stick-table type string len 128 size 1m expire 30m',
    '  stick on var(txn.room)',
    `  option httpchk`,
    `  http-check send meth GET uri /peerjs/ ver HTTP/1.1 hdr Host ${options.healthHost}`,
    `  default-server check inter ${inter}ms fall 2 rise 2`,
    // A check gets 3 s, not `inter` (HAProxy's default): a broker busy with a room's reconnects on
    // a loaded box answered late twice, was taken out for a moment, and one socket of a room
    // landed on another broker than the rest (CI, load average 20 on two cores). A broker that is
    // gone refuses at once and is still out after two intervals.
    '  timeout check 3s',
    ...options.brokers.map((each, index) => `  server broker${index + 1} ${endpoint(each)}`),
    '',
    'backend site',
    `  server site ${endpoint(options.site)}`,
    ...(options.stats ? ['', 'frontend stats', `  bind ${endpoint(options.stats)}`, '  stats enable', '  stats uri /', '  stats show-legends'] : []),
    '',
  ].join('\n');
}

/** `host:port` or `[v6]:port`, as typed on a command line; null when it is not one. */
export function parseEndpoint(text: string): Endpoint | null {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text.trim());
  if (!match) return null;
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return null;
  return { host: match[1] ?? match[2] ?? '', port };
}
