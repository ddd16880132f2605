/**
 * Lab figures for `npm run bench`, each against a bare baseline in the same run:
 * click → editor ready, against a page that only loads Monaco; and Run → first console
 * line, against a bare cross-origin iframe running the same code, already compiled.
 * Medians of warm runs (assets cached, as on every run after a learner's first).
 */
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { monacoCssInline } from '../src/build/monaco-css.ts';
import { encodeShare, shareHash } from '../src/lib/share-code.ts';
import { LAB_ENTRY, LAB_GUARD } from '../src/lib/lab-protocol.ts';
import { prepareLabCode } from '../src/lib/transpile.ts';
import { percentile } from './broker-load.ts';

export interface LabTimings {
  readonly editorReadyMs: number;
  readonly bareMonacoMs: number;
  readonly firstLineMs: number;
  readonly bareFrameMs: number;
  readonly samples: number;
}

const LAB = 'datachannel-loopback';
const CODE = "import { log } from 'lab';\nlog('first line');\n";

async function buildBaseline(root: string, outDir: string): Promise<void> {
  await build({
    root: path.join(root, 'bench/bare'),
    logLevel: 'warn',
    plugins: [monacoCssInline()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 8192, rollupOptions: { input: ['monaco.html', 'frame-host.html'].map((f) => path.join(root, 'bench/bare', f)) } },
  });
  // The same code the lab runs, compiled by the lab's own pipeline, with a shim for `lab`.
  const prepared = prepareLabCode(CODE, { entry: LAB_ENTRY, guard: LAB_GUARD });
  if (!prepared.ok) throw new Error(prepared.error.message);
  const shim = `window.${LAB_ENTRY} = (body) => body((name) => ({ __esModule: true, log: (...a) => parent.postMessage(a.join(' '), '*') }), {}, {}, () => {});`;
  writeFileSync(path.join(outDir, 'bare-frame.html'), `<!doctype html><meta charset="utf-8"><script>${shim}</script><script>${prepared.script}</script>`);
}

function serve(dir: string): Promise<Server> {
  const app = express().use(express.static(dir));
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** Milliseconds from the click to `ready()` becoming true, measured inside the page. */
async function timeClick(page: Page, selector: string, ready: string): Promise<number> {
  await page.evaluate(() => {
    addEventListener('click', () => ((window as unknown as { t0: number }).t0 = performance.now()), { capture: true, once: true });
  });
  await page.click(selector);
  try {
    const handle = await page.waitForFunction(`(${ready})() ? performance.now() - window.t0 : 0`, undefined, { polling: 'raf', timeout: 30_000 });
    return Number(await handle.jsonValue());
  } catch (error) {
    const state = await page.evaluate(() => [(window as unknown as { t0?: number }).t0, [...document.querySelectorAll<HTMLElement>('.lab')].map((s) => `${s.dataset['lab']} active=${s.dataset['active']} notices=${s.querySelector('.lab-notices')?.textContent} lines=${s.querySelector('.view-lines')?.textContent?.slice(0, 300)} h=${s.querySelector('.monaco-editor')?.getBoundingClientRect().height}`)]);
    throw new Error(`${page.url()}: ${selector} never became ready (${JSON.stringify(state)})`, { cause: error });
  }
}

const EDITOR_READY = `() => !!document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('RTCPeerConnection')`;
const FIRST_LINE = `() => !!document.querySelector('[role="log"] .entry')`;

export async function measureLab(options: { root: string; browser: Browser; siteUrl: string; runs: number }): Promise<LabTimings> {
  const outDir = path.join(options.root, '.tmp/bench-bare');
  await buildBaseline(options.root, outDir);
  const bare = await serve(outDir);
  const bareUrl = `http://localhost:${(bare.address() as AddressInfo).port}`;
  const context = await options.browser.newContext();
  const share = shareHash(LAB, await encodeShare({ lab: LAB, files: { 'main.ts': CODE } }));
  const samples = { editor: [] as number[], monaco: [] as number[], line: [] as number[], frame: [] as number[] };
  try {
    // One warm-up of each, then alternate so drift affects both sides alike.
    for (let i = -1; i < options.runs; i++) {
      const ours = await context.newPage();
      await ours.goto(`${options.siteUrl}/start/how-labs-work/`);
      const editor = await timeClick(ours, `section.lab[data-lab="${LAB}"] [data-action="edit"]`, EDITOR_READY);
      await ours.goto(`${options.siteUrl}/start/how-labs-work/${share}`);
      await ours.locator(`section.lab[data-lab="${LAB}"] .monaco-editor`).waitFor();
      const line = await timeClick(ours, `section.lab[data-lab="${LAB}"] [data-action="run"]`, FIRST_LINE);
      await ours.close();

      const monacoPage = await context.newPage();
      await monacoPage.goto(`${bareUrl}/monaco.html`);
      const monaco = await timeClick(monacoPage, '#edit', EDITOR_READY);
      await monacoPage.close();
      const framePage = await context.newPage();
      await framePage.goto(`${bareUrl}/frame-host.html`);
      const frame = await timeClick(framePage, '#run', FIRST_LINE);
      await framePage.close();
      if (i < 0) continue;
      samples.editor.push(editor);
      samples.monaco.push(monaco);
      samples.line.push(line);
      samples.frame.push(frame);
    }
  } finally {
    await context.close();
    bare.close();
  }
  return {
    editorReadyMs: percentile(samples.editor, 50),
    bareMonacoMs: percentile(samples.monaco, 50),
    firstLineMs: percentile(samples.line, 50),
    bareFrameMs: percentile(samples.frame, 50),
    samples: options.runs,
  };
}
