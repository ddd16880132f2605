/**
 * `npm run broker`: one broker shard (src/server/broker-shard.ts) for a deployment of several
 * behind a proxy (`npm run haproxy-config`). Set SITE_ORIGIN and LAB_ORIGIN to the public
 * origins, PORT to this shard's port and TRUST_PROXY=1 (the proxy adds X-Forwarded-For).
 */
import { readServerConfig } from '../src/server/config.ts';
import { startBrokerShard } from '../src/server/broker-shard.ts';

const config = readServerConfig();
if (!process.env['SITE_ORIGIN']) console.warn('SITE_ORIGIN is not set: this broker answers only pages of http://localhost:' + config.port);
if (!config.trustProxy) console.warn('TRUST_PROXY is not 1: behind a proxy every client shares its address, and the per-address caps see one client.');
const shard = await startBrokerShard({ config });
const origins = config.origins(config.port);
console.log(`PeerJS broker shard on ${config.host}:${shard.port}/peerjs for ${origins.site} and ${origins.lab}`);
process.send?.({ port: shard.port });
const stop = (): void => void shard.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
