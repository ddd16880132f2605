/**
 * Starts the real production server (built site + broker) once for the browser tests,
 * on a free port, and hands its URL to the tests.
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { DIST } from '../../scripts/build-state.ts';
import { readServerConfig } from '../../src/server/config.ts';
import { startSiteServer } from '../../src/server/site-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Browsers gather ICE candidates on every interface; where the runner can isolate the
  // network (root + unshare), it must have, or the tests would touch real networks.
  const canIsolate = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v unshare'], { stdio: 'ignore' }).status === 0;
  if (canIsolate && process.env['IN_NETNS'] !== '1' && process.env['WEBRTC_LAB_NO_NETNS'] !== '1') {
    throw new Error('browser tests must run inside a loopback-only network namespace: use `npm test` (it isolates itself)');
  }
  const site = await startSiteServer({
    distDir: DIST,
    config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }),
    log: () => {},
  });
  project.provide('baseUrl', `http://localhost:${site.port}`);
  return () => site.close();
}
