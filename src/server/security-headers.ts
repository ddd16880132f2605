/**
 * Security headers on every production response, by origin: the site's policy (and
 * X-Frame-Options for browsers that predate frame-ancestors) on the site origin, the lab
 * frame's on the lab origin. `astro dev` does not use this: Vite's client and HMR need inline
 * scripts, and dev is for authors, not for links from strangers.
 */
import type { NextFunction, Request, Response } from 'express';
import { labFramePolicy, serializePolicy, sitePolicy } from '../lib/content-policy.ts';
import { isLabHost, pairForHost, type SiteOrigins } from '../lib/site-origins.ts';
import { labConfigBody } from './lab-routes.ts';

/** `frameScripts`: the hash sources of the frame's inline runner (frame-script-hashes.ts). */
export function securityHeaders(origins: () => SiteOrigins, frameScripts: () => readonly string[] = () => []) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const current = origins();
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    const host = req.headers.host;
    if (isLabHost(current, host)) {
      const { labOrigin, siteOrigins } = labConfigBody(current, host);
      res.setHeader('Content-Security-Policy', serializePolicy(labFramePolicy(labOrigin, siteOrigins, frameScripts())));
    } else {
      res.setHeader('Content-Security-Policy', serializePolicy(sitePolicy(pairForHost(current, host).lab)));
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    }
    next();
  };
}
