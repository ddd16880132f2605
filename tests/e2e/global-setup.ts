/**
 * Starts the real production server (built site + broker) once for the browser tests,
 * on a free port, and hands its URL to the tests.
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { DIST } from '../../scripts/build-state.ts';
import { readServerConfig } from '../../src/server/config.ts';
import { startSiteServer } from '../../src/server/site-server.ts';
import { startLocalTurn, turnNotice } from '../../src/server/coturn.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The local coturn the site hands credentials for, or why there is none. */
    turn: { running: true; plainPort: number; tlsPort: number } | { running: false; reason: string };
  }
}

export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return serveForBrowserTests(project, { turn: true });
}

/**
 * `turn: false` for tests that need no TURN server (the site-beside project): a second coturn,
 * started beside the site project's, would race it for the same ports and state directory.
 */
export async function serveForBrowserTests(project: TestProject, options: { turn: boolean }): Promise<() => Promise<void>> {
  // Browsers gather ICE candidates on every interface; where the runner can isolate the
  // network (root + unshare), it must have, or the tests would touch real networks.
  const canIsolate = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v unshare'], { stdio: 'ignore' }).status === 0;
  if (canIsolate && process.env['IN_NETNS'] !== '1' && process.env['WEBRTC_LAB_NO_NETNS'] !== '1') {
    throw new Error('browser tests must run inside a loopback-only network namespace: use `npm test` (it isolates itself)');
  }
  // The real coturn on loopback, as `npm start` runs it (the TURN tests skip with a reason without it).
  const turn = process.env['NO_TURN'] === '1' || !options.turn ? ({ running: false, reason: 'disabled' } as const) : await startLocalTurn({ ttlSeconds: 600 });
  if (!turn.running && options.turn) console.log(turnNotice(turn));
  const site = await startSiteServer({
    distDir: DIST,
    config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }),
    log: () => {},
    turn,
    // Every test page is 127.0.0.1: one learner's budget would not last the suite.
    turnRate: { capacity: 1000, refillPerSecond: 100 },
  });
  project.provide('baseUrl', `http://localhost:${site.port}`);
  project.provide('turn', turn.running ? { running: true, plainPort: turn.turn.ports.plain, tlsPort: turn.turn.ports.tls ?? 0 } : { running: false, reason: turn.reason });
  return () => site.close();
}
