/**
 * Lab code that floods the console, run as a learner would run it (from a share link, with
 * real clicks), while the test measures the lesson page from inside it: how long a click
 * waits before its handler runs and before the next frame after it, how long the page's
 * timers go without a turn, and how long Stop takes from the click to the frame being gone.
 *
 * The frame runs in its own process (another site), so the page's main thread carries the
 * feed, not the learner's loop. Each message the frame posts still costs the page a task
 * before any of its code runs; Chromium runs input ahead of those tasks, timers behind them.
 * So the page's answer to a click is held to a median of 100 ms, while its timers are only reported:
 * 10,000 bare messages to an empty listener already held timers back for about a third of a
 * second on the test machine.
 *
 * The loop of 10,000 lines is the one a learner writes; the loop guard ends it after a second,
 * by which the frame has sent what it could (about 2,000 to 2,700 lines on two busy cores).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { GATE_LIMITS } from '../../src/lib/feed-gate.ts';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { useChromium } from '../support/chromium.ts';
import { patient } from '../support/patience.ts';
import { consoleText, feedOf, labSection, pageWithLab, pickPlainBox } from '../support/labs.ts';

const baseUrl = inject('baseUrl');
const LAB = 'datachannel-loopback';
const browser = useChromium();

/** Figures go to the test output: the note quotes them. */
const report = (what: string, figures: object): void => console.log(`[flood] ${what}: ${JSON.stringify(figures)}`);

/** What the page records about itself, on its own clock (performance.now()). */
interface Probe {
  /** A 50 ms interval's turns: gaps between them are stretches with no turn for timers. */
  beats: number[];
  /** For each probe click: from the input's creation (event.timeStamp) to its handler running… */
  delays: number[];
  /** …and to the next animation frame after it, when what the handler did can be on screen. */
  paints: number[];
  firstEntryAt: number | null;
  stopClickAt: number | null;
  /** The run's state when Stop was clicked: 'running' means the flood was still coming. */
  runAtStop: string | null;
  frameGoneAt: number | null;
  sawFrame: boolean;
}

async function openShared(page: Page, code: string, locale: 'en' | 'ko' = 'en'): Promise<Locator> {
  const hash = shareHash(LAB, await encodeShare({ lab: LAB, files: { 'main.ts': code } }));
  await pickPlainBox(page, baseUrl);
  await page.goto(`${baseUrl}${locale === 'ko' ? '/ko' : ''}${pageWithLab(LAB)}${hash}`);
  const section = labSection(page, LAB);
  await section.locator('.lab-code > textarea').waitFor();
  return section;
}

/**
 * Puts the measuring instruments into the page: a heartbeat, a probe button pinned to the
 * top-left corner (clicked by the test through real input events), and watchers on the
 * console, the Stop button and the frame slot.
 */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate((lab) => {
    const probe: Probe = { beats: [], delays: [], paints: [], firstEntryAt: null, stopClickAt: null, runAtStop: null, frameGoneAt: null, sawFrame: false };
    (window as unknown as { probe: Probe }).probe = probe;
    setInterval(() => probe.beats.push(performance.now()), 50);
    const button = document.createElement('button');
    button.textContent = 'probe';
    Object.assign(button.style, { position: 'fixed', top: '0', left: '0', width: '80px', height: '30px', zIndex: '2147483647' });
    button.addEventListener('click', (event) => {
      probe.delays.push(performance.now() - event.timeStamp);
      requestAnimationFrame(() => probe.paints.push(performance.now() - event.timeStamp));
    });
    document.body.append(button);
    const section = document.querySelector(`section.lab[data-lab="${lab}"]`)!;
    section.querySelector('[data-action="stop"]')!.addEventListener(
      'click',
      (event) => {
        probe.stopClickAt ??= event.timeStamp;
        probe.runAtStop ??= (section as HTMLElement).dataset['run'] ?? null;
      },
      { capture: true },
    );
    const slot = section.querySelector('.lab-frame-slot')!;
    new MutationObserver(() => {
      if (slot.querySelector('iframe')) probe.sawFrame = true;
      else if (probe.sawFrame) probe.frameGoneAt ??= performance.now();
    }).observe(slot, { childList: true });
    const log = section.querySelector('.lab-console')!;
    new MutationObserver(() => (probe.firstEntryAt ??= performance.now())).observe(log, { childList: true });
  }, LAB);
}

const readProbe = (page: Page): Promise<Probe> => page.evaluate(() => (window as unknown as { probe: Probe }).probe);
const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Resolves 'timeout' after `ms`, so a frozen page gives a figure ("more than …") instead of a hung test. */
function within<T>(ms: number, work: Promise<T>): Promise<T | 'timeout'> {
  return Promise.race([work, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);
}

/**
 * Clicks the probe every `everyMs` for `forMs` through the browser's input pipeline, and every
 * fifth time also asks the page for a value. Returns, as the test saw them, how long each
 * click took to be acknowledged and each page.evaluate round trip: these include the browser
 * process and the test's own, which share the machine with the flood, so they are reported,
 * not held to a bound.
 */
async function probeClicks(page: Page, forMs: number, everyMs = 50): Promise<{ acks: number[]; evaluations: number[] }> {
  const acks: number[] = [];
  const evaluations: number[] = [];
  const timed = async (into: number[], work: () => Promise<unknown>): Promise<void> => {
    const sent = Date.now();
    const outcome = await within(30_000, work());
    into.push(outcome === 'timeout' ? Infinity : Date.now() - sent);
  };
  const end = Date.now() + forMs;
  for (let i = 0; Date.now() < end; i++) {
    await timed(acks, () => page.mouse.click(40, 15));
    if (i % 5 === 4) await timed(evaluations, () => page.evaluate(() => 0));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return { acks, evaluations };
}

/**
 * The page answered: half the clicks within `ms`, nine in ten (when ten or more reached it)
 * within two and a half times that, and every one within a second. The outliers are for the
 * machine, not the page: in CI two cores carry this browser, the frame's process, a second
 * test file's browser and the test runners, and any page misses a turn then (159 ms seen once
 * with a median of 14; two of 18 clicks over 100 ms once, with a median of 6; 590 ms once in
 * five clicks, with a median of 32). A page the flood blocks misses every turn, so its median
 * is as slow as its worst. The slowest is held to a second on a quiet day, two on a slow one.
 */
function expectAnswered(what: string, values: readonly number[], ms: number, minClicks: number): void {
  const sorted = [...values].sort((a, b) => a - b);
  expect(sorted.length, `${what}: clicks that reached the page`).toBeGreaterThanOrEqual(minClicks);
  const at = (rank: number): number => sorted[Math.ceil(sorted.length * rank) - 1] ?? 0;
  expect(at(0.5), `${what}: the median (${sorted.join(', ')})`).toBeLessThan(ms);
  if (sorted.length >= 10) expect(at(0.9), `${what}: nine in ten (${sorted.join(', ')})`).toBeLessThan(ms * 2.5);
  // Scaled for a slow day (tests/support/patience.ts): the slowest click to next frame was 1,185 ms once.
  expect(sorted.at(-1), `${what}: the slowest`).toBeLessThan(patient(1000));
}

/** The longest stretch between `from` and `to` in which the page's heartbeat took no turn. */
function longestStall(beats: readonly number[], from: number, to: number): number {
  const marks = [from, ...beats.filter((beat) => beat > from && beat < to), to];
  return Math.max(...marks.slice(1).map((mark, i) => mark - marks[i]!));
}

const max = (values: readonly number[]): number => (values.length ? Math.round(Math.max(...values)) : NaN);

/** Until the page says so, on its own clock: `what` is read from the probe. */
async function waitForProbe(page: Page, what: 'frameGoneAt' | 'firstEntryAt', ms: number): Promise<boolean> {
  const outcome = await within(
    ms,
    page.waitForFunction((key) => (window as unknown as { probe: Probe }).probe[key] !== null, what, { polling: 50, timeout: 0 }),
  );
  return outcome !== 'timeout';
}

const TEN_THOUSAND = "for (let i = 0; i < 10_000; i++) console.log('line', i);";
/**
 * The same 10,000 lines, letting the browser take a turn every 25, so the loop guard lets all
 * of them out and the flood is still coming when Stop is clicked.
 */
// Slices of 25: at ~4 ms a line on a loaded CI machine, a slice of 1,000 outlasted the loop
// guard's second and the run ended in its error before Stop was clicked; once, a slice of 100 did.
// A 40 ms rest between slices keeps the rate (at most 625 lines a second) under the page's flood
// rate: at full speed (about 6,000 a second) the page itself removed the frame as flooding after
// 3 s, and twice in CI that came before the test's click, which then found Stop disabled.
const TEN_THOUSAND_IN_SLICES =
  "for (let i = 0; i < 10_000; i++) {\n  console.log('line', i);\n  if (i % 25 === 24) await new Promise((resolve) => setTimeout(resolve, 40));\n}";
/** About 20,000 lines a second, until something stops it. */
const SUSTAINED = "setInterval(() => { for (let i = 0; i < 200; i++) console.log('tick', i); }, 10);";

describe('a console flood', () => {
  it('leaves the page answering clicks, typically within 100 ms, while a loop logs 10,000 lines, and says how many it dropped', async () => {
    const page = await browser().newPage();
    const section = await openShared(page, TEN_THOUSAND);
    await installProbe(page);
    const runAt = await pageNow(page);
    await section.locator('[data-action="run"]').click();
    // Probe from the moment the flood reaches the console (Run's own start-up, which transpiles
    // the code, is not the flood's doing), for longer than the flood lasts.
    expect(await waitForProbe(page, 'firstEntryAt', 60_000)).toBe(true);
    const { acks, evaluations } = await probeClicks(page, 2500);
    // The run is over for the page once it has handled the frame's last message ('done').
    const ended = await within(
      60_000,
      page.waitForFunction((lab) => ['done', 'error'].includes(document.querySelector<HTMLElement>(`section.lab[data-lab="${lab}"]`)?.dataset['run'] ?? ''), LAB, {
        polling: 50,
        timeout: 0,
      }),
    );
    const endAt = await pageNow(page);
    const probe = await readProbe(page);
    const figures = {
      inputDelayMaxMs: max(probe.delays),
      inputToFrameMaxMs: max(probe.paints),
      clickAckMaxMs: max(acks),
      evaluateMaxMs: max(evaluations),
      timerStallMaxMs: Math.round(longestStall(probe.beats, runAt, endAt)),
      runToEndMs: ended === 'timeout' ? '>60000' : Math.round(endAt - runAt),
      clicks: probe.delays.length,
      medianInputToFrameMs: Math.round([...probe.paints].sort((a, b) => a - b)[Math.floor(probe.paints.length / 2)] ?? NaN),
    };
    report('10,000 lines: the page answering', figures);
    expectAnswered('click to handler', probe.delays, 100, 5);
    // The next frame also waits for the compositor, which shares the two cores with everything the
    // suite runs at once (114 ms seen in CI): the page answering is the handler's figure above.
    expectAnswered('click to next frame', probe.paints, 250, 5);
    expect(ended).not.toBe('timeout');

    const feed = await feedOf(section);
    const text = await consoleText(section);
    const dropped = [...text.matchAll(/([\d,]+) messages dropped/g)].reduce((sum, [, count]) => sum + Number(count!.replaceAll(',', '')), 0);
    const admitted = feed.filter((event) => event.type === 'console').length;
    // The loop guard ends the loop after a second, so how many lines the frame sent depends on
    // the machine: about 2,000 on two busy cores, and once in CI so few that none had to be
    // dropped. Whatever came, the burst passes whole, and past what the gate allows lines are
    // dropped and counted, not shown.
    const { burst, perSecond } = GATE_LIMITS.caps.console;
    // The most the gate can let through in the run: the burst, and its refill while the run lasted.
    const allowance = burst + (perSecond * (endAt - runAt)) / 1000;
    report('10,000 lines: what reached the page', { admitted, dropped, sent: admitted + dropped, allowance: Math.round(allowance), end: feed.at(-1) });
    expect(admitted).toBeLessThanOrEqual(allowance);
    if (admitted + dropped > allowance) expect(dropped).toBeGreaterThan(0);
    if (dropped > 0) expect(admitted, 'the burst passes whole before any line is dropped').toBeGreaterThanOrEqual(burst);
    // The end of the run (done, or the loop guard's error) is never dropped with the lines.
    expect(['done', 'error']).toContain(feed.at(-1)?.type);
    await page.close();
  });

  it('lets Stop end the run within 1 s while 10,000 lines arrive', async () => {
    const page = await browser().newPage();
    const section = await openShared(page, TEN_THOUSAND_IN_SLICES);
    await installProbe(page);
    await section.locator('[data-action="run"]').click();
    // Stop as soon as the flood reaches the console, clicked the way a learner clicks it.
    await waitForProbe(page, 'firstEntryAt', 60_000);
    const clicked = await within(60_000, section.locator('[data-action="stop"]').click());
    const gone = await waitForProbe(page, 'frameGoneAt', 60_000);
    const probe = await readProbe(page);
    const figures = {
      stopMs: gone && probe.stopClickAt !== null ? Math.round(probe.frameGoneAt! - probe.stopClickAt) : '>60000',
      clicked: clicked !== 'timeout',
      runAtStop: probe.runAtStop,
      linesBeforeStop: (await feedOf(section)).filter((event) => event.type === 'console').length,
    };
    report('10,000 lines: Stop', figures);
    expect(figures.runAtStop, 'Stop came after the flood').toBe('running');
    expect(figures.stopMs).toBeLessThan(1000);
    await expect.poll(() => section.getAttribute('data-run')).toBe('stopped');
    await page.close();
  });

  it('gets a frame that keeps flooding removed by the page, with a notice in the learner’s language', async () => {
    const page = await browser().newPage();
    const section = await openShared(page, SUSTAINED, 'ko');
    await installProbe(page);
    const runAt = await pageNow(page);
    await section.locator('[data-action="run"]').click();
    expect(await waitForProbe(page, 'firstEntryAt', 60_000)).toBe(true);
    const { acks, evaluations } = await probeClicks(page, 2000);
    const gone = await waitForProbe(page, 'frameGoneAt', 30_000);
    const probe = await readProbe(page);
    const figures = {
      inputDelayMaxMs: max(probe.delays),
      inputToFrameMaxMs: max(probe.paints),
      clickAckMaxMs: max(acks),
      evaluateMaxMs: max(evaluations),
      timerStallMaxMs: Math.round(longestStall(probe.beats, runAt, probe.frameGoneAt ?? (await pageNow(page)))),
      firstLineAfterMs: probe.firstEntryAt === null ? null : Math.round(probe.firstEntryAt - runAt),
      frameRemovedAfterMs: gone ? Math.round(probe.frameGoneAt! - runAt) : '>30000 (not removed)',
    };
    report('sustained flood', figures);
    // Looser than the 10,000 lines' 100 ms: for seconds the frame's process keeps one of the
    // machine's two cores busy, so the page (and the browser process that delivers the test's
    // clicks, sometimes only two of them before the frame goes) runs on what is left.
    expectAnswered('click to handler', probe.delays, 500, 1);
    // The next frame also waits for the compositor, on what the frame's core leaves (a median of
    // 598 ms seen with four test files running): every frame within the second is the bound.
    expectAnswered('click to next frame', probe.paints, 1000, 1);
    expect(gone).toBe(true);
    // Three seconds over the flood rate, counted as the page receives (a starved machine receives less, later).
    expect(probe.frameGoneAt! - runAt).toBeGreaterThanOrEqual(3000);
    expect(probe.frameGoneAt! - probe.firstEntryAt!).toBeLessThan(20_000);
    expect(await section.locator('iframe').count()).toBe(0);
    await expect.poll(() => section.locator('.lab-notices').innerText()).toContain('출력 프레임을 제거했습니다');
    await expect.poll(() => consoleText(section)).toMatch(/메시지 [\d,]+개를 건너뛰었습니다/);
    await expect.poll(() => section.getAttribute('data-run')).toBe('stopped');
    await page.close();
  });
});
