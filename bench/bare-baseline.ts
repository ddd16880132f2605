/**
 * The bench's bare baselines (bench/bare/): a page that only loads Monaco, and a page that only
 * makes a cross-origin iframe running compiled lab code: one `log` line (what the warm figures
 * run through a share link), or the lab's starter (what Run on a reading page runs). Built with
 * Vite into `_astro/` and precompressed, then served by the site's own static middleware, so
 * they get the same encodings and caching headers as the project's files and a ratio compares
 * like with like.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

/** The bare frames, by what they run: `frame-host.html?frame=<file>` makes one. */
export const BARE_FRAMES = { line: 'bare-frame.html', starter: 'bare-starter-frame.html' } as const;

/** A bare frame document running `code`, compiled by the lab's own pipeline, with a shim for `lab`'s `log`. */
function bareFrame(code: string): string {
  const prepared = prepareLabCode(code, { entry: LAB_ENTRY, guard: LAB_GUARD });
  if (!prepared.ok) throw new Error(prepared.error.message);
  const foreign = prepared.imports.find((entry) => entry.name !== 'lab');
  if (foreign) throw new Error(`the bare frame's shim has no module "${foreign.name}"`);
  const shim = `window.${LAB_ENTRY} = (body) => body((name) => ({ __esModule: true, log: (...a) => parent.postMessage(a.join(' '), '*') }), {}, {}, () => {});`;
  return `<!doctype html><meta charset="utf-8"><script>${shim}</script><script>${prepared.script}</script>`;
}

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
  writeFileSync(path.join(outDir, BARE_FRAMES.line), bareFrame(BARE_LAB_CODE));
  // The reading page's Run runs the starter: a line logged after an offer/answer, not at once.
  writeFileSync(path.join(outDir, BARE_FRAMES.starter), bareFrame(readFileSync(path.join(root, 'src/labs', BARE_LAB, 'main.ts'), 'utf8')));
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
