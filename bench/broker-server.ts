/**
 * A broker in its own process for `npm run bench`, so the load generator's work does not
 * count against it: `lab` is this project's production server (site + hardened broker),
 * `standalone` is the `peer` package's own PeerServer with its defaults, and `site` the production
 * server as `npm start` configures it from the environment (the classroom part's one box), and
 * `shard` the broker alone (`npm run broker`).
 * Sends its port on IPC when listening; answers `stats` with its CPU time (since start, or since
 * the last `reset`) and memory.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { PeerServer } from 'peer';
import { DIST } from '../scripts/build-state.ts';
import { readServerConfig } from '../src/server/config.ts';
import { startSiteServer } from '../src/server/site-server.ts';
import { sharedTurn } from '../src/server/shared-turn.ts';
import { startBrokerShard } from '../src/server/broker-shard.ts';

const kind = process.argv[2];

async function start(): Promise<number> {
  if (kind === 'lab') {
    const site = await startSiteServer({ distDir: DIST, config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }), log: () => {} });
    return site.port;
  }
  if (kind === 'site') {
    const config = readServerConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
    const shared = config.turn.shared;
    const credentials = shared ? sharedTurn({ ...shared, ttlSeconds: config.turn.ttlSeconds }) : undefined;
    const site = await startSiteServer({ distDir: DIST, config, log: () => {}, ...(credentials ? { credentials } : {}) });
    return site.port;
  }
  if (kind === 'shard') {
    const shard = await startBrokerShard({ config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }), log: () => {} });
    return shard.port;
  }
  if (kind === 'standalone') {
    return new Promise((resolve) => {
      const app = PeerServer({ port: 0, host: '127.0.0.1', path: '/peerjs' }, (server: Server) => {
        resolve((server.address() as AddressInfo).port);
      });
      app.on('error', () => {});
    });
  }
  throw new Error(`usage: broker-server.ts lab|standalone|site|shard (got ${kind})`);
}

const port = await start();
let cpuStart = process.cpuUsage();
process.on('message', (message) => {
  // After a warm-up: count only what follows.
  if (message === 'reset') cpuStart = process.cpuUsage();
  if (message !== 'stats') return;
  const cpu = process.cpuUsage(cpuStart);
  process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000, rssBytes: process.memoryUsage().rss });
});
process.send?.({ port });
