/**
 * The production server: the built site (dist/), the lab origin's own root (dist-lab/) and the
 * broker in one Node process.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBroker, type Broker } from './broker.ts';
import { LAB_ORIGIN_NOT_FOUND, labRoutes, onLabOrigin } from './lab-routes.ts';
import { LAB_FRAME_DOCUMENT, labRootOf } from '../build/lab-root.ts';
import { refuseRequest, requestGuard } from './request-guard.ts';
import { guardConnections } from './connection-guard.ts';
import { securityHeaders } from './security-headers.ts';
import { frameScriptHashes } from './frame-script-hashes.ts';
import type { ServerConfig } from './config.ts';
import { lanCertificate, type LanCertificate } from './lan-certificate.ts';
import type { OriginPair } from '../lib/site-origins.ts';
import type { CredentialSource, TurnStatus } from './coturn.ts';
import { turnCredentialsRoute } from './turn-route.ts';
import { turnRestartRoute } from './turn-restart-route.ts';
import type { TokenBucketOptions } from '../lib/token-bucket.ts';
import { builtFiles } from './built-files.ts';

export interface SiteServer {
  readonly server: Server;
  readonly broker: Broker;
  /** The address actually bound (PORT=0 picks a free port). */
  readonly port: number;
  /** LAN mode: the HTTPS origins served and the certificate they use (null when off). */
  readonly lan: { readonly origins: readonly OriginPair[]; readonly certificate: LanCertificate } | null;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export interface SiteServerOptions {
  readonly distDir: string;
  /** The lab origin's root; the build writes it beside distDir (src/build/lab-root.ts). */
  readonly labDir?: string;
  readonly config: ServerConfig;
  readonly log?: (line: string) => void;
  /** The local coturn (src/server/coturn.ts), stopped with the server; none: its endpoint says why. */
  readonly turn?: TurnStatus;
  /** Credentials for TURN servers of a deployment instead of the local coturn (shared-turn.ts). */
  readonly credentials?: CredentialSource;
  /** The credential endpoint's per-address rate (the tests, all on 127.0.0.1, need a larger one). */
  readonly turnRate?: TokenBucketOptions;
}

export async function startSiteServer({ distDir, labDir = labRootOf(distDir), config, log = console.log, turn = { running: false, reason: 'disabled' }, credentials, turnRate }: SiteServerOptions): Promise<SiteServer> {
  for (const [dir, file] of [[distDir, '/index.html'], [labDir, LAB_FRAME_DOCUMENT]] as const) {
    if (!existsSync(path.join(dir, file))) {
      throw new Error(`no built site in ${dir}: run \`npm run build\` first (npm start does it for you)`);
    }
  }
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  guardConnections(server, { behindProxy: config.trustProxy });

  // The origins depend on the bound port when PORT=0; they are set again after listen.
  let currentOrigins = config.origins(config.port);
  const broker = createBroker({
    httpServer: server,
    allowedOrigins: () => currentOrigins.allowed,
    limits: config.limits,
    trustProxy: config.trustProxy,
    log,
  });

  app.use(requestGuard(() => currentOrigins));
  app.use(securityHeaders(() => currentOrigins, frameScriptHashes(path.join(labDir, LAB_FRAME_DOCUMENT))));
  app.use(broker.app);
  app.use(labRoutes({ origins: () => currentOrigins, separateOrigins: true, iceServers: config.iceServers }));
  app.use(turnCredentialsRoute({ status: () => credentials ?? turn, trustProxy: config.trustProxy, ...(turnRate ? { rate: turnRate } : {}) }));
  app.use(turnRestartRoute({ status: () => turn, origins: () => currentOrigins, trustProxy: config.trustProxy, log }));
  // Each origin reads its own folder: no spelling of a path on one reaches a file of the other.
  const siteFiles = builtFiles(distDir, { extensions: ['html'] });
  const labFiles = builtFiles(labDir, {});
  app.use((req, res, next) => {
    if (!onLabOrigin(req.headers.host, currentOrigins)) {
      siteFiles(req, res, next);
      return;
    }
    // Never the site's not-found page: that is a site page.
    labFiles(req, res, (error?: unknown) => (error ? next(error) : res.status(404).type('text/plain').send(LAB_ORIGIN_NOT_FOUND)));
  });
  // Starlight builds a not-found page per locale (/ko/404/): a missing Korean page gets the Korean one.
  app.use((req, res) => {
    const locale = /^\/([a-z]{2}(?:-[A-Za-z]+)?)\//.exec(req.path)?.[1];
    const localized = locale ? path.join(distDir, locale, '404', 'index.html') : '';
    res.status(404).sendFile(localized && existsSync(localized) ? localized : path.join(distDir, '404.html'));
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const refusal = refuseRequest(req, currentOrigins);
    if (refusal) {
      const reason = refusal.status === 421 ? 'Misdirected Request' : 'Bad Request';
      socket.end(`HTTP/1.1 ${refusal.status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    if (!broker.handleUpgrade(req, socket, head)) {
      // No other WebSocket endpoint exists in production.
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  };
  server.on('upgrade', onUpgrade);

  await listen(server, config.port, config.host);
  const port = (server.address() as AddressInfo).port;
  currentOrigins = config.origins(port);
  const extra: Server[] = [];
  const serveAlso = async (each: Server, listenPort: number, host: string): Promise<void> => {
    guardConnections(each, { behindProxy: config.trustProxy });
    each.on('upgrade', onUpgrade);
    extra.push(each);
    await listen(each, listenPort, host);
  };
  // A lab origin on another port (an IP-address site has no subdomains) is this same app. Behind
  // a proxy (TRUST_PROXY=1) the public ports are the proxy's, which forwards both origins here.
  const labUrl = new URL(currentOrigins.lab);
  if (!config.trustProxy && labUrl.port && Number(labUrl.port) !== port) await serveAlso(createServer(app), Number(labUrl.port), config.host);

  // LAN mode: the same app over HTTPS on each LAN address, the site on one port and its lab
  // origin on the next, both with the one certificate. Bound to those addresses only, not to
  // 0.0.0.0: the loopback server stays as private as it was.
  let lan: SiteServer['lan'] = null;
  if (config.lan) {
    const certificate = await lanCertificate(config.lan.certDir, config.lan.addresses);
    try {
      for (const pair of currentOrigins.lan) {
        for (const origin of [pair.site, pair.lab]) {
          const url = new URL(origin);
          await serveAlso(createHttpsServer({ key: certificate.key, cert: certificate.cert }, app), Number(url.port), url.hostname);
        }
      }
    } catch (error) {
      await closeAll([server, ...extra], broker, turn);
      throw error;
    }
    lan = { origins: currentOrigins.lan, certificate };
  }

  return {
    server,
    broker,
    port,
    lan,
    close: () => closeAll([server, ...extra], broker, turn),
  };
}

async function closeAll(servers: readonly Server[], broker: Broker, turn: TurnStatus): Promise<void> {
  await broker.close();
  if (turn.running) await turn.turn.close();
  for (const each of servers) {
    each.closeAllConnections();
    await new Promise<void>((resolve) => each.close(() => resolve()));
  }
}
