/**
 * The local coturn: when `turnserver` is installed, the site starts the real one as a child
 * process on loopback (UDP, TCP and TLS), with a config, secret and certificate of its own in
 * `.turn/`, and stops it with itself. Credentials for it are minted here (TURN REST, see
 * src/lib/turn-credentials.ts); the secret stays in this process and in coturn's config file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import path from 'node:path';
import { createRing } from '../lib/ring-buffer.ts';
import { mintTurnCredential, type TurnCredential } from '../lib/turn-credentials.ts';
import { turnUnavailableText, type TurnUnavailableReason } from '../lib/turn-install.ts';
import { turnUrls, type TurnPorts } from '../lib/turn-urls.ts';
import { freePort } from './free-port.ts';
import { lanCertificate } from './lan-certificate.ts';
import { LOCAL_TURN_HOST, LOCAL_TURN_REALM, localTurnConfig } from './local-turn-config.ts';
import { turnSecret } from './turn-secret.ts';

/** Beside the project, git-ignored: the secret, the certificate, the generated config. */
export const DEFAULT_TURN_DIR = path.resolve(import.meta.dirname, '../../.turn');

/** What `/turn-credentials.json` needs of a TURN service: where it is, and credentials for it. */
export interface TurnMinter {
  readonly urls: readonly string[];
  /** A fresh credential for a random user (`lab-…`), valid for the configured TTL. */
  mint(nowMs?: number): TurnCredential;
  /** Whether it serves now (the local coturn may die on its own, or be restarting). */
  alive(): boolean;
}

/** The TURN service credentials are minted for: the local coturn, or servers of a deployment (shared-turn.ts). */
export type CredentialSource =
  | { readonly running: true; readonly turn: TurnMinter }
  | { readonly running: false; readonly reason: TurnUnavailableReason; readonly log?: readonly string[] };

export interface LocalTurn extends TurnMinter {
  readonly ports: TurnPorts;
  /** coturn's newest log lines. */
  logTail(): string[];
  /**
   * Stops coturn and starts it again on the same ports, config and secret, as an operator's
   * restart does: every allocation is gone, credentials already handed out stay valid.
   * Resolves false if it did not come back. Calls during a restart share it.
   */
  restart(): Promise<boolean>;
  close(): Promise<void>;
}

export type TurnStatus =
  | { readonly running: true; readonly turn: LocalTurn }
  | { readonly running: false; readonly reason: TurnUnavailableReason; readonly log?: readonly string[] };

export interface StartTurnOptions {
  readonly stateDir?: string;
  readonly ttlSeconds: number;
  /** Every coturn log line as it arrives (`npm run turn`); by default only the ring keeps them. */
  readonly onLog?: (line: string) => void;
  /** coturn ended by itself after it was ready, with its last log lines. */
  readonly onUnexpectedExit?: (log: readonly string[]) => void;
  /** Where to look for the binary (tests point it at nothing to see the not-installed path). */
  readonly binary?: string | null;
  /** Preferred ports; taken ones move up. */
  readonly port?: number;
  readonly tlsPort?: number;
  /**
   * Relay ports. Two coturns on one machine need ranges of their own: each takes relay ports
   * from its range as allocations come, and one that finds a port held by the other refuses the
   * allocation ("Cannot complete Allocation", seen when a test's coturn ran beside the site's).
   */
  readonly relayPorts?: { readonly min: number; readonly max: number };
}

const SEARCH = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', '/usr/sbin'];

/** The `turnserver` binary on PATH (or in the usual places), or null. */
export function findTurnserver(env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = [...(env['PATH'] ?? '').split(path.delimiter).filter(Boolean), ...SEARCH];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'turnserver');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * coturn runs under a tiny shell that holds our stdin pipe: when this Node process dies in any
 * way, SIGKILL included, the pipe reaches end-of-file and the shell kills coturn, so no orphan
 * keeps the ports. The wait loop is a shell builtin, so nothing else lingers.
 */
const WRAPPER = [
  'exec 3<&0',
  '"$1" -c "$2" </dev/null 2>&1 &',
  'c=$!',
  "trap 'kill $c 2>/dev/null' INT TERM HUP",
  '( while read -r _; do :; done <&3; kill $c 2>/dev/null ) &',
  'w=$!',
  'exec 3<&-',
  'wait $c',
  's=$?',
  // A trapped signal ends the first wait early; this one waits for coturn really to be gone.
  'wait $c 2>/dev/null',
  'kill $w 2>/dev/null',
  'exit $s',
].join('\n');

/** The site's coturn (`npm start`, `npm run dev`, the e2e site). */
export const RELAY_PORTS = { min: 49152, max: 49251 };
/** `npm run turn`, which a learner may run beside `npm start`. */
export const STANDALONE_RELAY_PORTS = { min: 49252, max: 49351 };
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 3000;

function tcpAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOCAL_TURN_HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Whether coturn answers a STUN Binding request on UDP. Its UDP and TCP listeners start on
 * different threads: on a loaded machine TCP answered while UDP was still closed, and the first
 * UDP client got "Connection refused" (CI, once).
 */
function udpAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    // Binding request: type 0x0001, length 0, the magic cookie, a 12-byte transaction id.
    const request = Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]), randomBytes(12)]);
    const done = (answered: boolean): void => {
      clearTimeout(timer);
      socket.close();
      resolve(answered);
    };
    const timer = setTimeout(() => done(false), 200);
    socket.once('message', (reply) => done(reply.length >= 20 && reply.subarray(8, 20).equals(request.subarray(8, 20))));
    socket.once('error', () => done(false));
    socket.send(request, port, LOCAL_TURN_HOST);
  });
}

export async function startLocalTurn(options: StartTurnOptions): Promise<TurnStatus> {
  const binary = options.binary === undefined ? findTurnserver() : options.binary;
  if (!binary) return { running: false, reason: 'not-installed' };
  const stateDir = options.stateDir ?? DEFAULT_TURN_DIR;
  const { secret } = await turnSecret(stateDir);
  const certificate = await lanCertificate(path.join(stateDir, 'tls'), [LOCAL_TURN_HOST], new Date(), ['localhost']);
  const port = await freePort(LOCAL_TURN_HOST, options.port ?? 3478);
  const tlsPort = await freePort(LOCAL_TURN_HOST, options.tlsPort ?? 5349, { udp: false, skip: [port] });
  const configPath = path.join(stateDir, 'turnserver.conf');
  await writeFile(
    configPath,
    localTurnConfig({
      port,
      tlsPort,
      relayPorts: options.relayPorts ?? RELAY_PORTS,
      secret,
      realm: LOCAL_TURN_REALM,
      certFile: certificate.certPath,
      keyFile: path.join(path.dirname(certificate.certPath), 'key.pem'),
      stateDir,
    }),
    { mode: 0o600 },
  );

  const ring = createRing<string>(200);
  const launchHere = (): Promise<Launched | null> => launch(binary, configPath, stateDir, ring, { tcp: [port, tlsPort], udp: port }, options);
  let current = await launchHere();
  if (!current) return { running: false, reason: 'failed', log: ring.toArray() };
  const ports: TurnPorts = { plain: port, tls: tlsPort };
  let restarting: Promise<boolean> | null = null;
  return {
    running: true,
    turn: {
      ports,
      urls: turnUrls(LOCAL_TURN_HOST, ports, 'localhost'),
      mint: (nowMs = Date.now()) => mintTurnCredential({ secret, user: `lab-${randomBytes(4).toString('hex')}`, ttlSeconds: options.ttlSeconds, nowMs }),
      logTail: () => ring.toArray(),
      alive: () => restarting === null && current !== null && !current.exited(),
      restart: () => {
        restarting ??= (async () => {
          try {
            await current?.close();
            current = await launchHere();
            return current !== null;
          } finally {
            restarting = null;
          }
        })();
        return restarting;
      },
      close: async () => {
        await restarting;
        await current?.close();
      },
    },
  };
}

interface Launched {
  exited(): boolean;
  close(): Promise<void>;
}

/** Starts coturn on its config and resolves once it serves (null: it did not come up, and is stopped). */
async function launch(
  binary: string,
  configPath: string,
  stateDir: string,
  ring: { push(line: string): void; toArray(): string[] },
  ports: { readonly tcp: readonly number[]; readonly udp: number },
  options: StartTurnOptions,
): Promise<Launched | null> {
  const child = spawn('sh', ['-c', WRAPPER, 'coturn-wrapper', binary, configPath], { stdio: ['pipe', 'pipe', 'pipe'] });
  let pending = '';
  let authReady = false;
  const take = (chunk: Buffer): void => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      ring.push(line);
      options.onLog?.(line);
      if (AUTH_READY.test(line)) authReady = true;
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  let exited = false;
  let closing = false;
  let ready = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      if (ready && !closing) options.onUnexpectedExit?.(ring.toArray());
      resolve();
    }),
  );

  ready = await waitReady(child, ports, () => exited, () => authReady);
  const close = (): Promise<void> => {
    closing = true;
    return stop(child, gone, stateDir);
  };
  if (!ready) {
    await close();
    return null;
  }
  return { exited: () => exited, close };
}

/**
 * coturn's last start-up line: its auth threads have opened the user database. Its listeners
 * answer STUN before that, and an Allocate that early is refused ("Cannot complete Allocation":
 * CI, twice, for a test that allocated right after start).
 */
const AUTH_READY = /DB connection success/;
/** For a coturn whose log words that line otherwise: ready this long after its sockets answered. */
const AUTH_GRACE_MS = 2000;

async function waitReady(child: ChildProcess, ports: { readonly tcp: readonly number[]; readonly udp: number }, exited: () => boolean, authReady: () => boolean): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let answeredAt: number | null = null;
  while (Date.now() < deadline && !exited() && child.exitCode === null) {
    if (answeredAt === null) {
      const answers = await Promise.all([...ports.tcp.map(tcpAnswers), udpAnswers(ports.udp)]);
      if (answers.every(Boolean)) answeredAt = Date.now();
    }
    if (answeredAt !== null && (authReady() || Date.now() - answeredAt >= AUTH_GRACE_MS)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function stop(child: ChildProcess, gone: Promise<void>, stateDir: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // End of input is what the wrapper waits for; SIGTERM too, in case the pipe is shared.
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), STOP_TIMEOUT_MS).unref());
  if ((await Promise.race([gone.then(() => 'gone' as const), timer])) === 'late') {
    // coturn ignored SIGTERM: take it down by its pid file, then the wrapper.
    try {
      process.kill(Number(readFileSync(path.join(stateDir, 'turnserver.pid'), 'utf8').trim()), 'SIGKILL');
    } catch {
      // already gone
    }
    child.kill('SIGKILL');
    await gone;
  }
}

/** The start-up line `npm start` prints about the local TURN server, in English and Korean. */
export function turnNotice(status: TurnStatus, { withSite = true } = {}): string {
  if (status.running) {
    const { ports } = status.turn;
    return [
      `Local TURN server (coturn) on ${LOCAL_TURN_HOST}: UDP+TCP ${ports.plain}, TLS ${ports.tls}${withSite ? ' — labs get credentials from /turn-credentials.json (--no-turn to skip)' : ''}`,
      `로컬 TURN 서버(coturn): ${LOCAL_TURN_HOST} UDP+TCP ${ports.plain}, TLS ${ports.tls}.${withSite ? ' 실습은 /turn-credentials.json 에서 자격 증명을 받습니다(끄려면 --no-turn).' : ''}`,
    ].join('\n');
  }
  const log = status.log && status.log.length > 0 ? `\ncoturn's last lines:\n${status.log.slice(-30).map((line) => `  ${line}`).join('\n')}` : '';
  return `${turnUnavailableText('en', status.reason)}\n${turnUnavailableText('ko', status.reason)}${log}`;
}
