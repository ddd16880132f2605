/**
 * Call setup for `npm run bench`: a call between two pages through the site's broker against
 * the same kind of call signalled inside one page, each timed from the click on Run to the
 * first frame the remote <video> presents. Both include the frame's start and getUserMedia;
 * the difference is what the broker costs: registering the peer, and the offer, answer and
 * candidates going through it. The partner page runs first and waits, so the host's first
 * call finds it (no retry in the figure).
 */
import type { Browser, Page } from 'playwright-core';
import { newRoomCode } from '../src/lib/pairing/room-code.ts';
import { percentile } from './broker-load.ts';

export interface CallSetupTimings {
  readonly pairedMs: number;
  readonly onePageMs: number;
  readonly samples: number;
}

const PAIRED_LAB = 'video-call';
const ONE_PAGE_LAB = 'one-page-call';
const section = (page: Page, lab: string) => page.locator(`section.lab[data-lab="${lab}"]`);

/** Clicks Run on the lab's solution and returns ms from the click to the remote video's first frame. */
async function runSolutionToFirstRemoteFrame(page: Page, lab: string): Promise<number> {
  const lab$ = section(page, lab);
  await lab$.getByRole('button', { name: 'Solution', exact: true }).click();
  await lab$.getByRole('button', { name: 'My code', exact: true }).waitFor();
  return runToFirstRemoteFrame(page, lab);
}

/** Clicks Run on what the lab holds and returns ms from the click to the remote video's first frame. */
export async function runToFirstRemoteFrame(page: Page, lab: string): Promise<number> {
  const lab$ = section(page, lab);
  await page.evaluate(() => {
    addEventListener('click', () => ((window as unknown as { t0: number }).t0 = performance.timeOrigin + performance.now()), { capture: true, once: true });
  });
  await lab$.getByRole('button', { name: 'Run', exact: true }).click();
  const frame = await (await lab$.locator('.lab-frame-slot iframe').elementHandle({ timeout: 15_000 }))?.contentFrame();
  if (!frame) throw new Error(`${lab}: no lab frame`);
  // Epoch milliseconds on both sides (timeOrigin is high-resolution), so the clocks compare.
  // Null (keep polling) until the frame's document has its video: a promise is truthy to
  // waitForFunction whatever it resolves to, so one resolving 0 ended the wait with a time of 0.
  const firstFrame = await frame.waitForFunction(
    () => {
      const video = document.querySelector<HTMLVideoElement>('video#remote');
      if (!video) return null;
      return new Promise<number>((resolve) => video.requestVideoFrameCallback((_now, meta) => resolve(performance.timeOrigin + meta.presentationTime)));
    },
    undefined,
    { timeout: 30_000 },
  );
  const t0 = await page.evaluate(() => (window as unknown as { t0: number }).t0);
  const elapsed = Number(await firstFrame.jsonValue()) - t0;
  if (!(elapsed > 0 && elapsed < 60_000)) throw new Error(`${lab}: Run → first remote frame measured ${elapsed} ms`);
  return elapsed;
}

async function pairedCall(browser: Browser, siteUrl: string, pagePath: string): Promise<number> {
  const room = newRoomCode((bytes) => crypto.getRandomValues(bytes));
  const url = (role: string) => `${siteUrl}${pagePath}?room=${room}&lab=${PAIRED_LAB}&role=${role}#lab-${PAIRED_LAB}`;
  const guest = await browser.newPage();
  const host = await browser.newPage();
  try {
    await guest.goto(url('guest'));
    await section(guest, PAIRED_LAB).getByRole('button', { name: 'Run', exact: true }).click();
    await section(guest, PAIRED_LAB).locator('[role="log"]').getByText('waiting for a call').waitFor({ timeout: 20_000 });
    await host.goto(url('host'));
    return await runSolutionToFirstRemoteFrame(host, PAIRED_LAB);
  } finally {
    await host.close();
    await guest.close();
  }
}

async function onePageCall(browser: Browser, siteUrl: string, pagePath: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(siteUrl + pagePath);
    return await runSolutionToFirstRemoteFrame(page, ONE_PAGE_LAB);
  } finally {
    await page.close();
  }
}

export async function measureCallSetup(options: { browser: Browser; siteUrl: string; pagePaths: { paired: string; onePage: string }; runs: number }): Promise<CallSetupTimings> {
  const paired: number[] = [];
  const onePage: number[] = [];
  // One warm-up of each (assets cached, the broker's code warm), then alternate so drift affects both alike.
  for (let i = -1; i < options.runs; i++) {
    const a = await pairedCall(options.browser, options.siteUrl, options.pagePaths.paired);
    const b = await onePageCall(options.browser, options.siteUrl, options.pagePaths.onePage);
    if (i < 0) continue;
    paired.push(a);
    onePage.push(b);
  }
  return { pairedMs: percentile(paired, 50), onePageMs: percentile(onePage, 50), samples: options.runs };
}
