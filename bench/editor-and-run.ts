/**
 * Lab figures for `npm run bench`, each against a bare baseline in the same run:
 * click → editor ready, against a page that only loads Monaco; and Run → first console
 * line, against a bare cross-origin iframe running the same code, already compiled.
 * Medians of warm runs (assets cached, as on every run after a learner's first); cold runs and
 * slow links are bench/cold-links.ts. The baselines are built and served as the site is.
 */
import type { Browser, Page } from 'playwright-core';
import { encodeShare, shareHash } from '../src/lib/share-code.ts';
import { percentile } from './broker-load.ts';
import { BARE_LAB, BARE_LAB_CODE } from './bare-baseline.ts';

export interface LabTimings {
  readonly editorReadyMs: number;
  readonly bareMonacoMs: number;
  readonly firstLineMs: number;
  readonly bareFrameMs: number;
  readonly samples: number;
}

const LAB = BARE_LAB;
const CODE = BARE_LAB_CODE;

/** Milliseconds from the click to `ready()` becoming true, measured inside the page. */
export async function timeClick(page: Page, selector: string, ready: string): Promise<number> {
  await page.evaluate(() => {
    addEventListener('click', () => ((window as unknown as { t0: number }).t0 = performance.now()), { capture: true, once: true });
  });
  // Playwright's first waitForFunction in a page compiles its injected script there (15-20 ms
  // of the page's main thread, seen in a trace): done before the click, it is not timed.
  await page.waitForFunction(() => true);
  await page.click(selector);
  try {
    const handle = await page.waitForFunction(`(${ready})() ? performance.now() - window.t0 : 0`, undefined, { polling: 'raf', timeout: 30_000 });
    return Number(await handle.jsonValue());
  } catch (error) {
    const state = await page.evaluate(() => [(window as unknown as { t0?: number }).t0, [...document.querySelectorAll<HTMLElement>('.lab')].map((s) => `${s.dataset['lab']} active=${s.dataset['active']} notices=${s.querySelector('.lab-notices')?.textContent} lines=${s.querySelector('.view-lines')?.textContent?.slice(0, 300)} h=${s.querySelector('.monaco-editor')?.getBoundingClientRect().height}`)]);
    throw new Error(`${page.url()}: ${selector} never became ready (${JSON.stringify(state)})`, { cause: error });
  }
}

export const EDITOR_READY = `() => !!document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('RTCPeerConnection')`;
export const FIRST_LINE = `() => !!document.querySelector('[role="log"] .entry')`;

export async function measureLab(options: { browser: Browser; siteUrl: string; bareUrl: string; runs: number }): Promise<LabTimings> {
  const { bareUrl } = options;
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
  }
  return {
    editorReadyMs: percentile(samples.editor, 50),
    bareMonacoMs: percentile(samples.monaco, 50),
    firstLineMs: percentile(samples.line, 50),
    bareFrameMs: percentile(samples.frame, 50),
    samples: options.runs,
  };
}
