/**
 * A broker on its own: the hardened PeerServer (broker.ts) and nothing else, for a deployment
 * that runs several behind a proxy hashing on the room (src/lib/broker-shards.ts) while a static
 * host or the site server serves the pages. It checks Host and Origin against the public origins
 * as the site server does, so it answers only for the site it serves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBroker, type Broker } from './broker.ts';
import { guardConnections } from './connection-guard.ts';
import { refuseRequest, requestGuard } from './request-guard.ts';
import type { ServerConfig } from './config.ts';

export interface BrokerShard {
  readonly server: Server;
  readonly broker: Broker;
  readonly port: number;
  close(): Promise<void>;
}

export async function startBrokerShard({ config, log = console.log }: { readonly config: ServerConfig; readonly log?: (line: string) => void }): Promise<BrokerShard> {
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  guardConnections(server, { behindProxy: config.trustProxy });
  // Behind a proxy the public origins are SITE_ORIGIN and LAB_ORIGIN; without them, the bound port's (set after listen).
  let origins = config.origins(config.port);
  const broker = createBroker({ httpServer: server, allowedOrigins: () => origins.allowed, limits: config.limits, trustProxy: config.trustProxy, log });
  app.use(requestGuard(() => origins));
  app.use(broker.app);
  app.use((_req, res) => res.status(404).type('text/plain').send('This is a broker: only /peerjs/ is served here.'));
  server.on('upgrade', (req, socket, head) => {
    const refusal = refuseRequest(req, origins);
    if (refusal || !broker.handleUpgrade(req, socket, head)) {
      const status = refusal?.status ?? 404;
      socket.end(`HTTP/1.1 ${status} ${status === 421 ? 'Misdirected Request' : status === 400 ? 'Bad Request' : 'Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origins = config.origins(port);
  return {
    server,
    broker,
    port,
    close: async () => {
      await broker.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
