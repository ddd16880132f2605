/**
 * The deployment past one box, on loopback: Debian's HAProxy in front, `npm run broker` shards
 * behind it (each its own process, so one can be killed as a crash would), and the site server
 * for everything else, configured by `npm run haproxy-config`'s generator. Used by the topology
 * test and the bench's classroom part.
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { haproxyConfig } from '../../src/lib/broker-shards.ts';
import { freePort } from '../../src/server/free-port.ts';
import { DEFAULT_CONNECTION_LIMITS } from '../../src/server/connection-guard.ts';
import { readServerConfig } from '../../src/server/config.ts';
import { startSiteServer, type SiteServer } from '../../src/server/site-server.ts';
import { sharedTurn } from '../../src/server/shared-turn.ts';
import { DIST } from '../../scripts/build-state.ts';
import { patient } from './patience.ts';

const BROKER_MAIN = fileURLToPath(new URL('../../scripts/broker.ts', import.meta.url));
const HOST = '127.0.0.1';

export interface Shard {
  readonly port: number;
  readonly process: ChildProcess;
  /** CPU time (ms) and resident memory of the shard's process, from /proc. */
  usage(): { cpuMs: number; rssBytes: number };
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

export interface ShardedSite {
  /** The proxy's port: the public site is http://localhost:<port>, its lab origin http://lab.localhost:<port>. */
  readonly port: number;
  readonly siteOrigin: string;
  readonly labOrigin: string;
  /** The broker processes, in the order of HAProxy's `broker1`, `broker2`, …; a restarted one replaces its entry. */
  readonly shards: readonly Shard[];
  /** Starts broker `index` again on its port (after a kill), resolved once it listens. */
  restartShard(index: number): Promise<void>;
  readonly site: SiteServer;
  /** The HAProxy process, for its CPU time and memory (procUsage). */
  readonly proxyPid: number | undefined;
  /** HAProxy's statistics as CSV rows (`;csv` of its stats page). */
  stats(): Promise<Record<string, string>[]>;
  close(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function procUsage(pid: number | undefined): { cpuMs: number; rssBytes: number } {
  if (pid === undefined) return { cpuMs: 0, rssBytes: 0 };
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(stat[11]) + Number(stat[12]); // utime, stime (fields 14, 15)
    const rssPages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, rssBytes: rssPages * 4096 };
  } catch {
    return { cpuMs: 0, rssBytes: 0 };
  }
}

function startShard(env: NodeJS.ProcessEnv): Promise<Shard> {
  const child = fork(BROKER_MAIN, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({
        port: (message as { port: number }).port,
        process: child,
        usage: () => procUsage(child.pid),
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await gone;
        },
      }),
    );
    child.once('exit', (code, signal) => reject(new Error(`a broker shard exited before listening (${code ?? signal})`)));
  });
}

async function waitForListening(port: number, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      await fetch(`http://${HOST}:${port}/`);
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`HAProxy did not listen on ${port}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Parses HAProxy's `;csv` stats (a header line starting with `# `). */
export function parseHaproxyCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const names = (header ?? '').replace(/^# /, '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [names[index] ?? String(index), value])));
}

export async function startShardedSite({ brokers = 3, checkIntervalMs = 200, preferredPort = 8480, siteEnv = {} as NodeJS.ProcessEnv } = {}): Promise<ShardedSite> {
  const port = await freePort(HOST, preferredPort, { udp: false });
  const statsPort = await freePort(HOST, port + 1, { udp: false });
  const siteOrigin = `http://localhost:${port}`;
  const labOrigin = `http://lab.localhost:${port}`;
  // What a deployment sets on every shard and the site: the public origins, and trust in the proxy's X-Forwarded-For.
  const env = { HOST, PORT: '0', SITE_ORIGIN: siteOrigin, LAB_ORIGIN: labOrigin, TRUST_PROXY: '1', NO_TURN: '1' };
  const shards = await Promise.all(Array.from({ length: brokers }, () => startShard(env)));
  const siteConfig = readServerConfig({ ...env, ...siteEnv });
  const shared = siteConfig.turn.shared;
  const credentials = shared ? sharedTurn({ ...shared, ttlSeconds: siteConfig.turn.ttlSeconds }) : undefined;
  const site = await startSiteServer({ distDir: DIST, config: siteConfig, log: () => {}, ...(credentials ? { credentials } : {}) });
  const dir = mkdtempSync(path.join(tmpdir(), 'haproxy-'));
  const configPath = path.join(dir, 'haproxy.cfg');
  writeFileSync(
    configPath,
    haproxyConfig({
      listen: [{ host: HOST, port }],
      site: { host: HOST, port: site.port },
      brokers: shards.map((shard) => ({ host: HOST, port: shard.port })),
      healthHost: `localhost:${port}`,
      connectionsPerAddress: DEFAULT_CONNECTION_LIMITS.perAddress,
      checkIntervalMs,
      stats: { host: HOST, port: statsPort },
    }),
  );
  const proxy = spawn('haproxy', ['-db', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let proxyLog = '';
  proxy.stderr?.on('data', (chunk: Buffer) => (proxyLog = (proxyLog + chunk.toString()).slice(-4000)));
  const proxyGone = new Promise<void>((resolve) => proxy.once('exit', () => resolve()));
  try {
    await Promise.race([
      waitForListening(port, patient(10_000)),
      proxyGone.then(() => {
        throw new Error(`HAProxy exited: ${proxyLog}`);
      }),
    ]);
  } catch (error) {
    proxy.kill('SIGKILL');
    await Promise.all(shards.map((shard) => shard.kill()));
    await site.close();
    throw error;
  }
  const stats = async (): Promise<Record<string, string>[]> => parseHaproxyCsv(await (await fetch(`http://${HOST}:${statsPort}/;csv`)).text());
  // Until every broker passed its first checks, the ring is not whole; rooms would land elsewhere.
  for (const until = Date.now() + 10_000; ; ) {
    const up = (await stats()).filter((row) => row['pxname'] === 'brokers' && row['svname']?.startsWith('broker') && row['status'] === 'UP');
    if (up.length === brokers) break;
    if (Date.now() > until) throw new Error(`HAProxy saw ${up.length} of ${brokers} brokers up`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const restartShard = async (index: number): Promise<void> => {
    const old = shards[index];
    if (!old) throw new Error(`no broker ${index + 1}`);
    await old.kill();
    shards[index] = await startShard({ ...env, PORT: String(old.port) });
  };
  return {
    port,
    siteOrigin,
    labOrigin,
    shards,
    restartShard,
    site,
    proxyPid: proxy.pid,
    stats,
    close: async () => {
      proxy.kill('SIGTERM');
      await proxyGone;
      await Promise.all(shards.map((shard) => shard.kill()));
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
