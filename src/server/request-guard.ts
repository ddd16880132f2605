/**
 * The production server's first check on every request and upgrade: a Host that names the site
 * or the lab origin (421 otherwise: a DNS-rebinding page gets nothing), and a path a static file
 * server cannot read differently from the allow-lists (400 otherwise).
 */
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { allowedHosts, hostAllowed, refusePath } from '../lib/request-target.ts';
import type { SiteOrigins } from '../lib/site-origins.ts';

/** The raw path of a request target, as sent: no decoding, no normalization. */
function rawPath(url: string | undefined): string {
  return (url ?? '/').split('?')[0] ?? '/';
}

export type Refusal = { readonly status: 400 | 421; readonly message: string } | null;

/** The hosts of each allow-list, worked out once: this runs on every request and every broker handshake. */
const hostsOf = new WeakMap<ReadonlySet<string>, Set<string>>();

export function refuseRequest(req: IncomingMessage, origins: SiteOrigins): Refusal {
  let hosts = hostsOf.get(origins.allowed);
  if (!hosts) {
    hosts = allowedHosts(origins.allowed);
    hostsOf.set(origins.allowed, hosts);
  }
  if (!hostAllowed(req.headers.host, hosts)) {
    return { status: 421, message: 'This server answers only for its own site and lab origins.' };
  }
  const reason = refusePath(rawPath(req.url));
  return reason ? { status: 400, message: `Refused request path (${reason}).` } : null;
}

export function requestGuard(origins: () => SiteOrigins) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refusal = refuseRequest(req, origins());
    if (refusal) {
      res.status(refusal.status).type('text/plain').send(refusal.message);
      return;
    }
    next();
  };
}
