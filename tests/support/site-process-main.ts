/** The child side of site-process.ts: the production server on the port given, reporting it once listening. */
import { DIST } from '../../scripts/build-state.ts';
import { readServerConfig } from '../../src/server/config.ts';
import { startSiteServer } from '../../src/server/site-server.ts';

const site = await startSiteServer({ distDir: DIST, config: readServerConfig({ PORT: process.argv[2] ?? '0', HOST: '127.0.0.1' }), log: () => {} });
process.send?.({ port: site.port });
