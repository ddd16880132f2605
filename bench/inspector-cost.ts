/**
 * What the Inspector costs a call, for `npm run bench`: the one-page call run with the
 * Inspector open (timeline, candidates, SDP and five live charts per connection, redrawn as
 * stats arrive) against the same call with it closed (a one-line summary). Two figures per
 * side: Run → the remote video's first frame, and the whole browser's CPU time (every
 * process: the page, the lab frame, the GPU and network services) over a window of the call.
 * Each round opens a page, runs once so the Inspector exists, sets it open or closed, then
 * runs again and measures; the sides alternate so drift affects both alike.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { percentile } from './broker-load.ts';
import { runToFirstRemoteFrame } from './call-setup.ts';

export interface InspectorCost {
  readonly firstFrameOpenMs: number;
  readonly firstFrameClosedMs: number;
  /** CPU milliseconds per second of call, all the browser's processes together. */
  readonly cpuOpenMsPerS: number;
  readonly cpuClosedMsPerS: number;
  readonly windowMs: number;
  readonly samples: number;
}

const LAB = 'one-page-call';
const WINDOW_MS = 8000;

async function browserCpuSeconds(session: CDPSession): Promise<number> {
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ cpuTime: number }> };
  return processInfo.reduce((sum, process) => sum + process.cpuTime, 0);
}

async function round(browser: Browser, session: CDPSession, url: string, open: boolean): Promise<{ firstFrameMs: number; cpuMsPerS: number }> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(url);
    const lab = page.locator(`section.lab[data-lab="${LAB}"]`);
    await lab.getByRole('button', { name: 'Solution', exact: true }).click();
    await lab.getByRole('button', { name: 'My code', exact: true }).waitFor();
    await runToFirstRemoteFrame(page, LAB);
    const inspector = lab.locator('details.lab-inspector');
    await inspector.waitFor({ state: 'attached', timeout: 15_000 });
    await inspector.evaluate((details, wanted) => ((details as HTMLDetailsElement).open = wanted), open);
    // Stopped first, so the next frame found is the new run's, not the old one on its way out.
    await lab.getByRole('button', { name: 'Stop', exact: true }).click();
    await lab.locator('.lab-frame-slot iframe').waitFor({ state: 'detached' });
    const firstFrameMs = await runToFirstRemoteFrame(page, LAB);
    if (open) await inspector.locator('.uplot').first().waitFor({ timeout: 15_000 });
    const before = await browserCpuSeconds(session);
    const start = performance.now();
    await page.waitForTimeout(WINDOW_MS);
    const cpuMsPerS = ((await browserCpuSeconds(session)) - before) * 1000 / ((performance.now() - start) / 1000);
    return { firstFrameMs, cpuMsPerS };
  } finally {
    await page.close();
  }
}

export async function measureInspectorCost(options: { browser: Browser; siteUrl: string; pagePath: string; runs: number }): Promise<InspectorCost> {
  const session = await options.browser.newBrowserCDPSession();
  const url = options.siteUrl + options.pagePath;
  const samples = { open: [] as Array<{ firstFrameMs: number; cpuMsPerS: number }>, closed: [] as Array<{ firstFrameMs: number; cpuMsPerS: number }> };
  try {
    // One warm-up of each, then alternate which goes first.
    for (let i = -1; i < options.runs; i++) {
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const open of order) {
        const result = await round(options.browser, session, url, open);
        if (i >= 0) samples[open ? 'open' : 'closed'].push(result);
      }
    }
  } finally {
    await session.detach();
  }
  const median = (list: Array<{ firstFrameMs: number; cpuMsPerS: number }>, key: 'firstFrameMs' | 'cpuMsPerS') => percentile(list.map((r) => r[key]), 50);
  return {
    firstFrameOpenMs: median(samples.open, 'firstFrameMs'),
    firstFrameClosedMs: median(samples.closed, 'firstFrameMs'),
    cpuOpenMsPerS: median(samples.open, 'cpuMsPerS'),
    cpuClosedMsPerS: median(samples.closed, 'cpuMsPerS'),
    windowMs: WINDOW_MS,
    samples: options.runs,
  };
}
