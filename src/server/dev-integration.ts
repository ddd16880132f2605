/**
 * Puts the broker into `astro dev`: the same module the production server uses, on the
 * dev server's own HTTP server, so pages and lab frames reach it at /peerjs on their own origin.
 */
import type { AstroIntegration } from 'astro';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBroker } from './broker.ts';
import { readServerConfig } from './config.ts';
import { labRoutes } from './lab-routes.ts';
import { startLocalTurn, turnNotice, type TurnStatus } from './coturn.ts';
import { turnCredentialsRoute } from './turn-route.ts';
import { turnRestartRoute } from './turn-restart-route.ts';

export function brokerIntegration(): AstroIntegration {
  return {
    name: 'webrtc-lab:broker',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        // Vitest and other middleware-mode hosts run this hook with no HTTP server.
        const httpServer = server.httpServer;
        if (!httpServer) return;
        // LAN mode's HTTPS servers belong to the production server; dev has none to point at.
        const config = readServerConfig({ ...process.env, LAN: '' });
        // Vite may move to another port when 4321 is taken; allow whatever it really bound.
        let origins = config.origins(config.port);
        httpServer.once('listening', () => {
          const address = httpServer.address() as AddressInfo | null;
          if (address) origins = config.origins(address.port);
        });
        const broker = createBroker({
          // Vite's server is an http.Server here (no https in dev); PeerServer only stores it.
          httpServer: httpServer as import('node:http').Server,
          allowedOrigins: () => origins.allowed,
          limits: config.limits,
          log: (line) => logger.info(line),
        });
        server.middlewares.use(broker.app);
        // Vite serves modules from many paths, so dev keeps both origins open; production
        // (site-server.ts) separates them.
        server.middlewares.use(express().use(labRoutes({ origins: () => origins, separateOrigins: false, iceServers: config.iceServers })));
        // The same local coturn as `npm start`; until it listens, the endpoint says it failed.
        let turn: TurnStatus = config.turn.enabled ? { running: false, reason: 'failed' } : { running: false, reason: 'disabled' };
        server.middlewares.use(express().use(turnCredentialsRoute({ status: () => turn, trustProxy: config.trustProxy })));
        server.middlewares.use(express().use(turnRestartRoute({ status: () => turn, origins: () => origins, trustProxy: config.trustProxy, log: (line) => logger.info(line) })));
        if (config.turn.enabled) {
          const starting = startLocalTurn({ ttlSeconds: config.turn.ttlSeconds }).then((status) => {
            turn = status;
            logger.info(turnNotice(status));
            return status;
          });
          httpServer.once('close', () => void starting.then((status) => (status.running ? status.turn.close() : undefined)));
        }
        // Only the broker's path is taken; Vite's HMR socket and any other upgrade pass by.
        httpServer.on('upgrade', (req, socket, head) => {
          broker.handleUpgrade(req, socket, head);
        });
        httpServer.once('close', () => void broker.close());
        logger.info('PeerJS broker at /peerjs (WebSocket /peerjs/peerjs)');
      },
    },
  };
}
