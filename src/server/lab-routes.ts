/**
 * What the server does for the lab frame: tells pages and frames where the lab origin is
 * (one configuration for both), lets only the site embed the frame, and — in production —
 * keeps the two origins apart: the lab origin serves the frame and its assets, nothing else,
 * and the site origin never serves the frame (learner code must not run on the site's origin).
 * In production each origin also has its own root on disk (src/build/lab-root.ts), so these
 * path rules are a second wall, not the only one.
 */
import type { NextFunction, Request, Response } from 'express';
import { firstSegment } from '../lib/request-target.ts';
import type { IceServer } from '../lib/ice-servers.ts';
import type { SiteOrigins } from '../lib/site-origins.ts';

export interface LabConfigBody {
  readonly labOrigin: string;
  readonly siteOrigins: readonly string[];
}

export function labConfigBody(origins: SiteOrigins): LabConfigBody {
  return { labOrigin: origins.lab, siteOrigins: [...origins.allowed].filter((origin) => origin !== origins.lab) };
}

const FRAME_PATH = /^\/lab-frame\/?(?:index\.html)?$/;
const LAB_ORIGIN_PATHS = [FRAME_PATH, /^\/_astro\//, /^\/peerjs(?:\/|$)/, /^\/lab-config\.json$/];

/** True when a request's Host names the lab origin (compared as the request guard compares hosts). */
export function onLabOrigin(host: string | undefined, origins: SiteOrigins): boolean {
  return host !== undefined && host.trim().toLowerCase() === new URL(origins.lab).host.toLowerCase();
}

/** What the lab origin answers for anything but the frame and its files. */
export const LAB_ORIGIN_NOT_FOUND = 'The lab origin serves only the lab frame.';

export interface LabRoutesOptions {
  readonly origins: () => SiteOrigins;
  /** Production: refuse everything else on the lab origin and the frame on the site origin. */
  readonly separateOrigins: boolean;
  /** The ICE servers labs get (ICE_SERVERS; none by default), served in /lab-config.json. */
  readonly iceServers: readonly IceServer[];
}

export function labRoutes({ origins, separateOrigins, iceServers }: LabRoutesOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const current = origins();
    if (req.path === '/lab-config.json') {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ ...labConfigBody(current), iceServers });
      return;
    }
    const isFrame = FRAME_PATH.test(req.path);
    if (separateOrigins) {
      const lab = onLabOrigin(req.headers.host, current);
      // The site origin refuses the whole folder, not only the spellings FRAME_PATH knows:
      // a static server also finds the frame at /lab-frame/index (extensions) and the like.
      const allowed = lab ? LAB_ORIGIN_PATHS.some((pattern) => pattern.test(req.path)) : firstSegment(req.path) !== 'lab-frame';
      if (!allowed) {
        res.status(404).type('text/plain').send(lab ? LAB_ORIGIN_NOT_FOUND : 'Not found');
        return;
      }
    }
    // Production sends the frame's whole policy (security-headers.ts); dev at least keeps
    // other sites from embedding it.
    if (isFrame && !separateOrigins) {
      res.setHeader('Content-Security-Policy', `frame-ancestors ${labConfigBody(current).siteOrigins.join(' ')}`);
    }
    next();
  };
}
