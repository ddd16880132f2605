/**
 * A built root as static files (the site's, the lab origin's, and the bench's baselines, so
 * they are served alike): each file sent as the precompressed copy the build wrote beside it
 * (src/build/precompress.ts) when the request accepts that encoding, with
 * `Vary: Accept-Encoding`, and cached as src/lib/cache-policy.ts says.
 */
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { PRECOMPRESSED } from '../lib/precompress-policy.ts';
import { cacheControlFor } from '../lib/cache-policy.ts';

export function builtFiles(root: string, options: { extensions?: string[] } = {}): RequestHandler {
  const setHeaders = (res: ServerResponse, filePath: string): void => {
    const served = path.relative(root, filePath).split(path.sep).join('/');
    // The copy's path (`x.js.br`) names the file it stands for (`x.js`).
    const original = PRECOMPRESSED.reduce((name, { suffix }) => (name.endsWith(suffix) && res.getHeader('Content-Encoding') ? name.slice(0, -suffix.length) : name), served);
    res.setHeader('Cache-Control', cacheControlFor(original));
  };
  return expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: PRECOMPRESSED.map(({ encoding }) => encoding),
    serveStatic: { ...options, setHeaders },
  });
}
