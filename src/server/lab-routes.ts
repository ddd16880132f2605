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
import { embeddersOf, isLabHost, pairForHost, type SiteOrigins } from '../lib/site-origins.ts';
import { LAB_CONFIG_PATH } from '../lib/lab-protocol.ts';

export interface LabConfigBody {
  /** The lab origin for pages on the origin that asked (a LAN site gets its LAN lab). */
  readonly labOrigin: string;
  /** The origins that may embed that lab origin's frame. */
  readonly siteOrigins: readonly string[];
  /** LAN mode: the HTTPS site origin a phone opens (the pair panel's QR code), else null. */
  readonly lanOrigin: string | null;
}

/** What /lab-config.json says to a request with this Host. */
export function labConfigBody(origins: SiteOrigins, host: string | undefined): LabConfigBody {
  const pair = pairForHost(origins, host);
  // A page already on a LAN origin hands out its own address; one on localhost, the first LAN one.
  const lanOrigin = origins.lan.some((each) => each.site === pair.site) ? pair.site : (origins.lan[0]?.site ?? null);
  return { labOrigin: pair.lab, siteOrigins: embeddersOf(origins, pair), lanOrigin };
}

const FRAME_PATH = /^\/lab-frame\/?(?:index\.html)?$/;
const LAB_ORIGIN_PATHS = [FRAME_PATH, /^\/_astro\//, /^\/peerjs(?:\/|$)/, /^\/lab-config\.json$/, /^\/turn-credentials\.json$/, /^\/turn-restart$/];

/** True when a request's Host names a lab origin (compared as the request guard compares hosts). */
export function onLabOrigin(host: string | undefined, origins: SiteOrigins): boolean {
  return isLabHost(origins, host);
}

/** What the lab origin answers for anything but the frame and its files. */
export const LAB_ORIGIN_NOT_FOUND = [
  'The lab origin serves only the lab frame.',
  // In LAN mode a phone opens this origin once to accept its certificate, and lands here.
  'If you opened it to accept its certificate, that is done: go back to the lesson and press Run again.',
  '',
  '실습 출처는 실습 프레임만 제공합니다.',
  '인증서를 허용하려고 열었다면 이미 끝났습니다. 레슨으로 돌아가 Run을 다시 누르세요.',
].join('\n');

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
    if (req.path === LAB_CONFIG_PATH) {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ ...labConfigBody(current, req.headers.host), iceServers });
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
      res.setHeader('Content-Security-Policy', `frame-ancestors ${labConfigBody(current, req.headers.host).siteOrigins.join(' ')}`);
    }
    next();
  };
}
