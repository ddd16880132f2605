/** `npm start`: build when needed, then serve the site and the broker from one process. */
import { ensureBuilt } from './build.ts';
import { DIST } from './build-state.ts';
import { readServerConfig } from '../src/server/config.ts';
import { startSiteServer } from '../src/server/site-server.ts';

const config = readServerConfig();
await ensureBuilt();
const site = await startSiteServer({ distDir: DIST, config });
const origins = config.origins(site.port);
console.log(`\nWebRTC Lab is running at ${origins.site}/  (한국어: ${origins.site}/ko/)`);
console.log(`PeerJS broker: ${origins.site}/peerjs  ·  lab origin: ${origins.lab}`);
console.log('Press Ctrl+C to stop.');

const stop = (): void => {
  void site.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
