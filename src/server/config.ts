/**
 * The server's configuration, read once from the environment. Everything that decides
 * where the site, the lab frame and the broker live comes from here.
 */
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { parseIceServers, type IceServer } from '../lib/ice-servers.ts';
import { lanAddresses, type Interfaces } from '../lib/lan-addresses.ts';
import { resolveSiteOrigins, type SiteOrigins } from '../lib/site-origins.ts';
import { parseTurnTtl } from '../lib/turn-credentials.ts';
import { parseTurnUrlList } from '../lib/turn-urls.ts';
import { DEFAULT_BROKER_LIMITS, type BrokerLimits } from './broker.ts';

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Origins for the port actually bound (PORT=0 binds a free one). */
  readonly origins: (boundPort: number) => SiteOrigins;
  readonly trustProxy: boolean;
  readonly limits: BrokerLimits;
  readonly iceServers: readonly IceServer[];
  /** `--lan` / LAN=1: HTTPS on the LAN addresses as well (null when off). */
  readonly lan: LanConfig | null;
  /**
   * The local coturn: started unless --no-turn / NO_TURN=1, or when a deployment's servers are
   * configured (`shared`: TURN_SECRET_FILE and TURN_URLS); credentials live TURN_TTL seconds.
   */
  readonly turn: { readonly enabled: boolean; readonly ttlSeconds: number; readonly shared: SharedTurnConfig | null };
}

export interface SharedTurnConfig {
  /** A file holding the `static-auth-secret` every listed coturn shares. */
  readonly secretFile: string;
  readonly urls: readonly string[];
}

export interface LanConfig {
  readonly addresses: readonly string[];
  /** The site's HTTPS port; each address's lab origin is on the next one. */
  readonly port: number;
  /** Where the self-signed certificate is kept between runs. */
  readonly certDir: string;
}

export const DEFAULT_LAN_PORT = 4443;
/** Beside the project, git-ignored: the phone's stored exception stays valid across restarts. */
export const DEFAULT_LAN_CERT_DIR = path.resolve(import.meta.dirname, '../../.lan-cert');

function readLanConfig(env: NodeJS.ProcessEnv, interfaces: Interfaces): LanConfig | null {
  if (env['LAN'] !== '1') return null;
  const addresses = lanAddresses(interfaces, env['LAN_HOST']);
  if (addresses.length === 0) {
    throw new Error('LAN mode found no network address (is Wi-Fi on?): connect, or name one with LAN_HOST=192.168.x.y');
  }
  return { addresses, port: intFromEnv(env, 'LAN_PORT', DEFAULT_LAN_PORT), certDir: env['LAN_CERT_DIR'] || DEFAULT_LAN_CERT_DIR };
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
  return value;
}

function readSharedTurn(env: NodeJS.ProcessEnv): SharedTurnConfig | null {
  const secretFile = env['TURN_SECRET_FILE'] ?? '';
  const urls = env['TURN_URLS'] ?? '';
  if (secretFile === '' && urls === '') return null;
  if (secretFile === '' || urls === '') throw new Error('TURN_SECRET_FILE and TURN_URLS go together: the servers, and the secret they share');
  const parsed = parseTurnUrlList(urls);
  if (!parsed.ok) throw new Error(parsed.error);
  return { secretFile, urls: parsed.urls };
}

export const DEFAULT_PORT = 4321;

export function readServerConfig(env: NodeJS.ProcessEnv = process.env, interfaces: Interfaces = networkInterfaces()): ServerConfig {
  const port = intFromEnv(env, 'PORT', DEFAULT_PORT);
  const lan = readLanConfig(env, interfaces);
  const origins = (boundPort: number): SiteOrigins =>
    resolveSiteOrigins({
      port: boundPort,
      siteOrigin: env['SITE_ORIGIN'],
      labOrigin: env['LAB_ORIGIN'],
      extraOrigins: (env['BROKER_EXTRA_ORIGINS'] ?? '').split(','),
      lan: lan ?? undefined,
    });
  origins(port); // fail at start-up, not at the first socket, on a malformed origin
  const ice = parseIceServers(env['ICE_SERVERS']);
  if (!ice.ok) throw new Error(ice.error);
  return {
    // Loopback by default: the site is for the learner's own machine. HOST=0.0.0.0 (with
    // SITE_ORIGIN set to the LAN address) serves a phone on the same network.
    host: env['HOST'] || '127.0.0.1',
    port,
    origins,
    trustProxy: env['TRUST_PROXY'] === '1',
    limits: {
      ...DEFAULT_BROKER_LIMITS,
      connectionsPerIp: intFromEnv(env, 'BROKER_MAX_PER_IP', DEFAULT_BROKER_LIMITS.connectionsPerIp),
      connectionsPerPrefix: intFromEnv(env, 'BROKER_MAX_PER_NETWORK', DEFAULT_BROKER_LIMITS.connectionsPerPrefix),
    },
    iceServers: ice.servers,
    lan,
    turn: (() => {
      const shared = readSharedTurn(env);
      return { enabled: env['NO_TURN'] !== '1' && shared === null, ttlSeconds: parseTurnTtl(env['TURN_TTL']), shared };
    })(),
  };
}
