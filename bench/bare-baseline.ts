/**
 * The bench's bare baselines (bench/bare/): a page that only loads Monaco, and a page that only
 * makes a cross-origin iframe running the same compiled lab code. Built with Vite into
 * `_astro/` and precompressed, then served by the site's own static middleware, so they get the
 * same encodings and caching headers as the project's files and a ratio compares like with like.
 */
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { build } from 'vite';
import { monacoCssInline } from '../src/build/monaco-css.ts';
import { precompressDir } from '../src/build/precompress.ts';
import { builtFiles } from '../src/server/built-files.ts';
import { LAB_ENTRY, LAB_GUARD } from '../src/lib/lab-protocol.ts';
import { prepareLabCode } from '../src/lib/transpile.ts';
import { countServedBytes } from './served-bytes.ts';

/** The lab both baselines stand beside, and the code they run. */
export const BARE_LAB = 'datachannel-loopback';
export const BARE_LAB_CODE = "import { log } from 'lab';\nlog('first line');\n";

async function buildBaseline(root: string, outDir: string): Promise<void> {
  await build({
    root: path.join(root, 'bench/bare'),
    logLevel: 'warn',
    plugins: [monacoCssInline()],
    build: {
      outDir,
      emptyOutDir: true,
      // Astro's folder name: the cache policy makes it immutable, as the site's assets are.
      assetsDir: '_astro',
      chunkSizeWarningLimit: 8192,
      rollupOptions: { input: ['monaco.html', 'frame-host.html'].map((f) => path.join(root, 'bench/bare', f)) },
    },
  });
  // The same code the lab runs, compiled by the lab's own pipeline, with a shim for `lab`.
  const prepared = prepareLabCode(BARE_LAB_CODE, { entry: LAB_ENTRY, guard: LAB_GUARD });
  if (!prepared.ok) throw new Error(prepared.error.message);
  const shim = `window.${LAB_ENTRY} = (body) => body((name) => ({ __esModule: true, log: (...a) => parent.postMessage(a.join(' '), '*') }), {}, {}, () => {});`;
  writeFileSync(path.join(outDir, 'bare-frame.html'), `<!doctype html><meta charset="utf-8"><script>${shim}</script><script>${prepared.script}</script>`);
  await precompressDir(outDir);
}

export interface BareBaseline {
  /** `http://localhost:<port>`; the bare frame is on `lab.localhost` at the same port. */
  readonly url: string;
  /** Bytes the baseline's server has written so far. */
  readonly served: () => number;
  close(): Promise<void>;
}

export async function startBareBaseline(root: string): Promise<BareBaseline> {
  const outDir = path.join(root, '.tmp/bench-bare');
  await buildBaseline(root, outDir);
  const app = express().use(builtFiles(outDir));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    served: countServedBytes(server),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
