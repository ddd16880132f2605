/**
 * The bench's classroom part: the same classroom (classroom.ts) against one box (`npm start`'s
 * server, site and broker in one process) and against three broker shards behind HAProxy
 * (tests/support/sharded-site.ts), both with a real coturn that a share of the learners allocate
 * on, its credentials minted by the site (TURN_SECRET_FILE, TURN_URLS, as a deployment sets them).
 * CPU and memory come from /proc for each process that serves the broker.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalTurn } from '../src/server/coturn.ts';
import { procUsage, startShardedSite } from '../tests/support/sharded-site.ts';
import { runClassroom, type ClassroomOptions, type ClassroomResult } from './classroom.ts';

export interface ProcessCost {
  readonly name: string;
  /** Broker sockets it held during the hold. */
  readonly sockets: number;
  /** CPU over the hold, per minute and per thousand sockets. */
  readonly cpuMsPerMinute: number;
  readonly rssBytes: number;
  /** Resident memory grown from before the class joined to the hold's end, per socket. */
  readonly rssPerSocketBytes: number;
}

export interface ClassroomFigures {
  readonly oneBox: ClassroomResult & { readonly processes: readonly ProcessCost[] };
  readonly sharded: ClassroomResult & { readonly processes: readonly ProcessCost[] };
}

interface Sampler {
  readonly name: string;
  readonly pid: number | undefined;
  /** Sockets it holds now. */
  sockets(): Promise<number> | number;
}

/** Samples each process before the class arrives, when it has joined, and at the hold's end. */
function costTracker(samplers: readonly Sampler[], holdMs: number) {
  const before = samplers.map((each) => procUsage(each.pid));
  let joined = before;
  let sockets: number[] = [];
  let end = before;
  return {
    probes: {
      joined: async () => {
        joined = samplers.map((each) => procUsage(each.pid));
        sockets = await Promise.all(samplers.map((each) => each.sockets()));
      },
      holdEnd: () => {
        end = samplers.map((each) => procUsage(each.pid));
      },
    },
    costs: (): ProcessCost[] =>
      samplers.map((each, index) => {
        const count = sockets[index] ?? 0;
        const rss = end[index]?.rssBytes ?? 0;
        return {
          name: each.name,
          sockets: count,
          cpuMsPerMinute: ((end[index]?.cpuMs ?? 0) - (joined[index]?.cpuMs ?? 0)) / (holdMs / 60_000),
          rssBytes: rss,
          rssPerSocketBytes: count > 0 ? (rss - (before[index]?.rssBytes ?? 0)) / count : 0,
        };
      }),
  };
}

export async function measureClassroom(options: Omit<ClassroomOptions, 'turn' | 'probes'>, root: string, log: (line: string) => void): Promise<ClassroomFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-classroom-'));
  // A coturn of its own: ports and a relay range apart from the bench's other coturn, wide enough for every allocation.
  const turn = await startLocalTurn({ ttlSeconds: 600, stateDir: dir, port: 3610, tlsPort: 5480, relayPorts: { min: 49600, max: 49899 } });
  if (!turn.running) throw new Error(`classroom: coturn did not start (${turn.reason})`);
  const udp = turn.turn.urls.find((url) => url.endsWith('?transport=udp')) ?? '';
  const turnEnv = { TURN_SECRET_FILE: path.join(dir, 'secret'), TURN_URLS: udp };
  const turnTarget = { host: '127.0.0.1', port: turn.turn.ports.plain };
  try {
    log(`classroom, one box: ${options.learners} learners in ${options.learners / 2} rooms, ${options.holdMs / 1000} s hold…`);
    const child = fork(path.join(root, 'bench/broker-server.ts'), ['site'], { env: { ...process.env, ...turnEnv }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message) => resolve((message as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`the one-box server exited with ${code}`)));
    });
    let oneBox: ClassroomFigures['oneBox'];
    try {
      const tracker = costTracker([{ name: 'site + broker', pid: child.pid, sockets: () => options.learners * 2 }], options.holdMs);
      const result = await runClassroom({ port, siteOrigin: `http://localhost:${port}`, labOrigin: `http://lab.localhost:${port}` }, { ...options, turn: turnTarget, probes: tracker.probes });
      oneBox = { ...result, processes: tracker.costs() };
    } finally {
      child.kill();
    }

    log(`classroom, three broker shards behind HAProxy: the same class…`);
    const topology = await startShardedSite({ brokers: 3, siteEnv: turnEnv, checkIntervalMs: 1000 });
    let sharded: ClassroomFigures['sharded'];
    try {
      const sessions = async (name: string): Promise<number> => Number((await topology.stats()).find((row) => row['pxname'] === 'brokers' && row['svname'] === name)?.['scur'] ?? 0);
      const tracker = costTracker(
        [
          ...topology.shards.map((shard, index) => ({ name: `broker${index + 1}`, pid: shard.process.pid, sockets: () => sessions(`broker${index + 1}`) })),
          { name: 'HAProxy', pid: topology.proxyPid, sockets: () => options.learners * 2 },
        ],
        options.holdMs,
      );
      const result = await runClassroom({ port: topology.port, siteOrigin: topology.siteOrigin, labOrigin: topology.labOrigin }, { ...options, turn: turnTarget, probes: tracker.probes });
      sharded = { ...result, processes: tracker.costs() };
    } finally {
      await topology.close();
    }
    return { oneBox, sharded };
  } finally {
    await turn.turn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
