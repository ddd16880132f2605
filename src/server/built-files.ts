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
    // A copy sent for a file (`x.js.br` for `x.js`) is cached as that file.
    const copy = PRECOMPRESSED.find(({ encoding }) => encoding === res.getHeader('Content-Encoding'));
    res.setHeader('Cache-Control', cacheControlFor(copy && served.endsWith(copy.suffix) ? served.slice(0, -copy.suffix.length) : served));
  };
  return expressStaticGzip(root, {
    customCompressions: PRECOMPRESSED.map(({ encoding, suffix }) => ({ encodingName: encoding, fileExtension: suffix.slice(1) })),
    orderPreference: PRECOMPRESSED.map(({ encoding }) => encoding),
    serveStatic: { ...options, setHeaders },
  });
}
