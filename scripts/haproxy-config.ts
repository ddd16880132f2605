/**
 * `npm run haproxy-config -- --listen 0.0.0.0:8080 --site 127.0.0.1:4321 --broker 127.0.0.1:4401
 * --broker 127.0.0.1:4402 --host www.example.org [--tls-cert /etc/haproxy/site.pem] [--stats 127.0.0.1:8404]
 * [--connections-per-address 256]`: prints HAProxy's
 * configuration for brokers sharded by room (src/lib/broker-shards.ts).
 */
import { parseArgs } from 'node:util';
import { haproxyConfig, parseEndpoint, type Endpoint } from '../src/lib/broker-shards.ts';
import { DEFAULT_CONNECTION_LIMITS } from '../src/server/connection-guard.ts';

const { values } = parseArgs({
  options: {
    listen: { type: 'string', multiple: true },
    site: { type: 'string' },
    broker: { type: 'string', multiple: true },
    host: { type: 'string' },
    stats: { type: 'string' },
    'tls-cert': { type: 'string' },
    'connections-per-address': { type: 'string' },
    'check-ms': { type: 'string' },
  },
});

function endpoint(text: string | undefined, what: string): Endpoint {
  const parsed = text === undefined ? null : parseEndpoint(text);
  if (!parsed) throw new Error(`--${what} must be host:port, got ${JSON.stringify(text)}`);
  return parsed;
}

process.stdout.write(
  haproxyConfig({
    listen: (values.listen ?? []).map((each) => endpoint(each, 'listen')),
    site: endpoint(values.site, 'site'),
    brokers: (values.broker ?? []).map((each) => endpoint(each, 'broker')),
    healthHost: values.host ?? '',
    connectionsPerAddress: values['connections-per-address'] ? Number(values['connections-per-address']) : DEFAULT_CONNECTION_LIMITS.perAddress,
    ...(values.stats ? { stats: endpoint(values.stats, 'stats') } : {}),
    ...(values['tls-cert'] ? { tlsCertificate: values['tls-cert'] } : {}),
    ...(values['check-ms'] ? { checkIntervalMs: Number(values['check-ms']) } : {}),
  }),
);
