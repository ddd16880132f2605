/**
 * What a learner on a real link meets, for `npm run bench`: every figure with an empty cache
 * (a new browser context per run), on emulated links (bench/link-emulation.ts), beside the
 * bare baselines served with the same encodings and caching (bench/bare-baseline.ts).
 *
 * - bytes of a first visit to reading pages, as served (encoded bodies, idle loads included);
 * - click Edit → editor ready, and the bytes that click has the server send (headers and
 *   workers included), per link;
 * - Run from a reading page (the editor never opened) → first console line, cold on loopback:
 *   clicked the moment the pointer arrives, and after it rested on Run for APPROACH_MS.
 */
import type { Browser, Page } from 'playwright-core';
import { percentile } from './broker-load.ts';
import { addRoundTrip, LINKS, onLink, type Link } from './link-emulation.ts';
import { settled } from './served-bytes.ts';
import { BARE_FRAMES, BARE_LAB } from './bare-baseline.ts';
import { EDITOR_READY, FIRST_LINE, timeClick } from './editor-and-run.ts';

export interface EditOnLink {
  readonly link: Link;
  readonly editorMs: number;
  readonly bareMonacoMs: number;
  readonly editorBytes: number;
  readonly bareMonacoBytes: number;
}

export interface ColdFigures {
  readonly runs: number;
  /** Runs of each Run row: more than `runs`, being short and far noisier for their size. */
  readonly runRuns: number;
  readonly firstVisit: ReadonlyArray<{ readonly page: string; readonly bytes: number; readonly responses: number }>;
  readonly edit: readonly EditOnLink[];
  readonly runFromReading: RunFromReading;
  /** The same, with the pointer resting on Run for APPROACH_MS before the click, as a hand does. */
  readonly runAfterApproach: RunFromReading & { readonly approachMs: number };
}

/**
 * Run on a reading page runs the lab's starter, which logs its first line after an offer and an
 * answer: the baseline is a bare frame running that same code. A bare frame logging at once is
 * measured beside it, for reference (the figure before 2026-12-03 was against that one).
 */
export interface RunFromReading {
  readonly firstLineMs: number;
  readonly bareFrameMs: number;
  readonly bareLineMs: number;
  /** Every run, in order: one build's cold runs differ by tens of ms, which a median alone hides. */
  readonly samples: { readonly firstLine: readonly number[]; readonly bareFrame: readonly number[] };
}

/**
 * How long the pointer rests on Run before the click in the "approach" figures: well under a
 * person's time from reaching a button to pressing it. The site uses it to load the lab's code
 * and its frame; the bare page has nothing to do with it.
 */
export const APPROACH_MS = 150;

/** Encoded body bytes of every response the page finishes while `counting()` is true. */
function countBytes(page: Page, counting: () => boolean): { readonly total: () => number; readonly responses: () => number } {
  let bytes = 0;
  let responses = 0;
  const pending: Array<Promise<void>> = [];
  page.on('requestfinished', (request) => {
    if (!counting()) return;
    pending.push(
      request.sizes().then((sizes) => {
        bytes += sizes.responseBodySize;
        responses += 1;
      }),
    );
  });
  return { total: () => bytes, responses: () => responses };
}

/** A new, empty context with one page on the link's round trip, handed to `work`, then closed. */
async function cold<T>(browser: Browser, work: (page: Page) => Promise<T>, link: Link = LINKS[0]!): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await addRoundTrip(context, page, link);
    return await work(page);
  } finally {
    await context.close();
  }
}

const LESSON = '/start/how-labs-work/';
const EDIT = `section.lab[data-lab="${BARE_LAB}"] [data-action="edit"]`;
const RUN = `section.lab[data-lab="${BARE_LAB}"] [data-action="run"]`;

/** A served site: its address and the bytes its server has written so far. */
export interface Served {
  readonly url: string;
  readonly served: () => number;
}

async function timedWithBytes(page: Page, url: string, served: () => number, selector: string, ready: string): Promise<{ ms: number; bytes: number }> {
  await page.goto(url, { waitUntil: 'networkidle' });
  const before = await settled(served);
  const ms = await timeClick(page, selector, ready);
  // Whatever the click started and is still arriving (the workers) counts toward its bytes.
  return { ms, bytes: (await settled(served)) - before };
}

export async function measureColdLinks(options: { browser: Browser; site: Served; bare: Served; isolated: boolean; runs: number; runRuns: number; pages: readonly string[] }): Promise<ColdFigures> {
  const { browser, site, bare, runs, runRuns } = options;
  const siteUrl = site.url;
  const bareUrl = bare.url;
  const firstVisit = [];
  for (const page of options.pages) {
    firstVisit.push(
      await cold(browser, async (tab) => {
        const bytes = countBytes(tab, () => true);
        await tab.goto(siteUrl + page, { waitUntil: 'networkidle' });
        await tab.waitForTimeout(2000); // idle callbacks
        return { page, bytes: bytes.total(), responses: bytes.responses() };
      }),
    );
  }
  const edit: EditOnLink[] = [];
  for (const link of LINKS) {
    const ours: Array<{ ms: number; bytes: number }> = [];
    const base: Array<{ ms: number; bytes: number }> = [];
    await onLink(link, options.isolated, async () => {
      // Alternating, so drift in the machine's load falls on both alike.
      for (let i = 0; i < runs; i++) {
        ours.push(await cold(browser, (page) => timedWithBytes(page, siteUrl + LESSON, site.served, EDIT, EDITOR_READY), link));
        base.push(await cold(browser, (page) => timedWithBytes(page, `${bareUrl}/monaco.html`, bare.served, '#edit', EDITOR_READY), link));
      }
    });
    edit.push({
      link,
      editorMs: percentile(ours.map((r) => r.ms), 50),
      bareMonacoMs: percentile(base.map((r) => r.ms), 50),
      editorBytes: percentile(ours.map((r) => r.bytes), 50),
      bareMonacoBytes: percentile(base.map((r) => r.bytes), 50),
    });
  }
  const runFrom = async (approachMs: number) => {
    const line: number[] = [];
    const frame: number[] = [];
    const bareLine: number[] = [];
    const click = async (page: Page, url: string, selector: string): Promise<number> => {
      await page.goto(url, { waitUntil: 'networkidle' });
      if (approachMs > 0) {
        await page.hover(selector);
        await page.waitForTimeout(approachMs);
      }
      return timeClick(page, selector, FIRST_LINE);
    };
    for (let i = 0; i < runRuns; i++) {
      line.push(await cold(browser, (page) => click(page, siteUrl + LESSON, RUN)));
      frame.push(await cold(browser, (page) => click(page, `${bareUrl}/frame-host.html?frame=${BARE_FRAMES.starter}`, '#run')));
      bareLine.push(await cold(browser, (page) => click(page, `${bareUrl}/frame-host.html?frame=${BARE_FRAMES.line}`, '#run')));
    }
    return { firstLineMs: percentile(line, 50), bareFrameMs: percentile(frame, 50), bareLineMs: percentile(bareLine, 50), samples: { firstLine: line, bareFrame: frame } };
  };
  const runFromReading = await runFrom(0);
  const runAfterApproach = { ...(await runFrom(APPROACH_MS)), approachMs: APPROACH_MS };
  return { runs, runRuns, firstVisit, edit, runFromReading, runAfterApproach };
}
