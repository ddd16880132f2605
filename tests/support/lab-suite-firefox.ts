/**
 * Every lab folder, run in Firefox ESR as a learner would: the same assertions as lab-suite.ts
 * (Chromium), through puppeteer-core. The starter leaves a goal unmet; the solution meets every
 * goal, with the lab's steps clicked inside its output frame. Its buttons are found by the
 * words of the suite's language (SuiteOptions.locale).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'puppeteer-core';
import type { FeedEvent } from '../../src/lib/feed.ts';
import type { LabMeta } from '../../src/lib/lab-schema.ts';
import { FIREFOX_EXCEPTIONS } from './firefox-exceptions.ts';
import { pickPlainBoxInFirefox, useFirefox, watchFirefoxProblems } from './firefox.ts';
import { clickButton, openSection, waitForAllGoals, type Section } from './firefox-lab.ts';
import { keptPages } from './kept-pages.ts';
import { SUITE_LOCALES, type SuiteOptions } from './lab-suite.ts';
import { SHARED_SITE_LAB_IDS, inspectedConnections, labMeta, pageWithLab, suitePartners } from './labs.ts';
import { publicIceUrls } from './this-machine.ts';
import { patient } from './patience.ts';

/** How long a starter is watched after its code (and its partner's) finished: goals met by then show. */
const STARTER_WATCH_MS = 1000;

async function openLab(page: Page, id: string, baseUrl: () => string, prefix: string): Promise<Section> {
  await pickPlainBoxInFirefox(page, baseUrl());
  await page.goto(baseUrl() + prefix + pageWithLab(id));
  return openSection(page, id);
}

async function waitForRunEnd(page: Page, section: Section, timeout = patient(20_000)): Promise<string> {
  const ended = await page.waitForFunction((el) => ['done', 'error', 'failed'].includes((el as HTMLElement).dataset['run'] ?? ''), { timeout }, section).then(
    () => true,
    () => false,
  );
  const situation = await section.evaluate((el) => ({
    run: (el as HTMLElement).dataset['run'] ?? '',
    notices: el.querySelector('.lab-notices')?.textContent ?? '',
    frames: el.querySelectorAll('.lab-frame-slot iframe').length,
  }));
  if (!ended) throw new Error(`the run did not end within ${timeout} ms: ${JSON.stringify(situation)}`);
  return situation.run;
}

async function waitForGoals(page: Page, section: Section, ids: readonly string[], timeout: number): Promise<void> {
  await page.waitForFunction(
    (el, wanted) => wanted.every((id) => el.querySelector(`.lab-goals li[data-goal="${id}"]`)?.getAttribute('data-met') === 'true'),
    { timeout },
    section,
    [...ids],
  );
}

/** The feed's events a reader needs to see why a goal stayed unmet (no stats, candidates or SDP). */
async function feedSummary(section: Section): Promise<string> {
  const events = (await feedOf(section)).filter((e) => !['pc-stats', 'ice-candidate', 'sdp', 'video-frames'].includes(e.type));
  return JSON.stringify(events.slice(-25)).slice(0, 3000);
}

function metGoalIds(section: Section): Promise<string[]> {
  return section.evaluate((el) => [...el.querySelectorAll('.lab-goals li[data-met="true"]')].map((li) => li.getAttribute('data-goal') ?? ''));
}

/** The feed the lab controller holds; throws when the controller never activated this lab. */
async function feedOf(section: Section): Promise<FeedEvent[]> {
  const feed = await section.evaluate((el) => {
    const state = (el as HTMLElement & { labState?: { feed(): unknown } }).labState;
    return state ? JSON.parse(JSON.stringify(state.feed())) : null;
  });
  if (!feed) throw new Error('no labState on the lab section (the lab controller has not activated it)');
  return feed as FeedEvent[];
}

async function labFrame(section: Section): Promise<Frame> {
  const iframe = await section.waitForSelector('.lab-frame-slot iframe');
  const frame = await iframe?.contentFrame();
  if (!frame) throw new Error('the lab output frame is not there');
  return frame;
}

/** Waits until the lab's Inspector names every connection of the feed in its summary (see expectInspector in labs.ts). */
async function expectInspector(page: Page, section: Section, feed: readonly FeedEvent[]): Promise<void> {
  const pcs = inspectedConnections(feed);
  if (pcs.length === 0) return;
  await page.waitForFunction(
    (el, ids) => {
      const text = el.querySelector('details.lab-inspector > summary')?.textContent ?? '';
      return ids.every((pc) => text.includes(`${pc}: `));
    },
    { timeout: patient(15_000) },
    section,
    pcs,
  );
}

/** The lab's steps: clicks in its output frame, each after its goal if it names one. */
async function performSteps(section: Section, steps: LabMeta['steps'], timeout = patient(20_000)): Promise<void> {
  for (const step of steps) {
    if (step.after !== undefined) {
      await section.waitForSelector(`.lab-goals li[data-goal="${step.after}"][data-met="true"]`, { timeout });
    }
    const frame = await labFrame(section);
    const target = await frame.waitForSelector(step.click, { visible: true, timeout });
    await target?.click();
  }
}

/** For a pairing lab: the partner link the host's pair panel offers, opened in a new page and run. */
async function openPartner(browser: Browser, section: Section, taken: readonly string[], runLabel: string): Promise<{ page: Page; url: string }> {
  const link = await section.waitForSelector('.lab-pair-open');
  // In a mesh the link moves to the next free seat once the host hears the last tab opened.
  const handle = await section.frame.waitForFunction(
    (el, used) => {
      const href = el.querySelector<HTMLAnchorElement>('.lab-pair-open')?.href;
      return href && !used.includes(href) ? href : false;
    },
    { timeout: patient(10_000) },
    section,
    [...taken],
  );
  const url = (await handle.jsonValue()) as string | false;
  if (!link || !url) throw new Error('the pair panel offers no partner link');
  // A window of its own, as a learner puts it beside the first: a background tab draws no
  // video frames, and both tabs' goals count frames drawn.
  const page = await browser.newPage({ type: 'window' });
  await page.goto(url);
  const id = await section.evaluate((el) => (el as HTMLElement).dataset['lab'] ?? '');
  const partner = await openSection(page, id);
  await clickButton(page, partner, runLabel);
  return { page, url };
}

/** The partner tabs the suite opens (suitePartners: one, or two for a mesh), one seat after another. */
async function openPartners(browser: Browser, section: Section, count: number, runLabel: string): Promise<Page[]> {
  const opened: Array<{ page: Page; url: string }> = [];
  for (let index = 0; index < count; index += 1) opened.push(await openPartner(browser, section, opened.map((partner) => partner.url), runLabel));
  return opened.map((partner) => partner.page);
}

/** The tests for every `shards`-th lab starting at `shard`, split so two files use both cores. */
export function firefoxLabTests(shard: number, shards: number, { ids = SHARED_SITE_LAB_IDS, baseUrl = () => inject('baseUrl'), locale = 'en' }: SuiteOptions = {}): void {
  const browser = useFirefox();
  const { prefix, strings: t } = SUITE_LOCALES[locale];
  const keep = keptPages<Page>();
  describe.each(ids.filter((_, index) => index % shards === shard))('lab %s in Firefox', (id) => {
    it('runs its starter, which leaves a goal unmet', async () => {
      const meta = await labMeta(id);
      const page = await browser().newPage();
      const problems = watchFirefoxProblems(page);
      const section = await openLab(page, id, baseUrl, prefix);
      await clickButton(page, section, t['lab.run']);
      await waitForRunEnd(page, section);
      // A pairing lab's starter runs with its partner there, so only the learner's part is missing.
      const partners = await openPartners(browser(), section, suitePartners(meta), t['lab.run']);
      const allMet = await waitForAllGoals(page, section, STARTER_WATCH_MS).then(
        () => true,
        () => false,
      );
      expect(allMet, `the starter met every goal: ${(await metGoalIds(section)).join(', ')}`).toBe(false);
      expect(meta.goals.length).toBeGreaterThan(0);
      const feed = await feedOf(section);
      expect(feed.filter((e) => e.type === 'error' && e.phase === 'syntax')).toEqual([]);
      expect(problems).toEqual([]);
      for (const partner of partners) await partner.close();
      if (partners.length === 0) keep.put(id, page, problems);
      else await page.close();
    });

    const exception = FIREFOX_EXCEPTIONS[id];
    it(exception ? `meets every goal but ${exception.unmet.join(', ')} (a declared Firefox exception)` : 'meets every goal with its solution', async () => {
      const meta = await labMeta(id);
      const unmet = exception?.unmet ?? [];
      const kept = keep.take(id);
      const page = kept?.page ?? (await browser().newPage());
      const problems = kept?.problems ?? watchFirefoxProblems(page);
      const section = kept ? await openSection(page, id) : await openLab(page, id, baseUrl, prefix);
      await clickButton(page, section, t['lab.solution']);
      await page.waitForFunction((el, mine) => [...el.querySelectorAll('button')].some((b) => b.textContent?.trim() === mine), { timeout: patient(15_000) }, section, t['lab.myCode']);
      expect(await section.$('.lab-code > textarea'), 'the plain box this suite picked').not.toBeNull();
      // In a kept page the starter's frame is still there until Run replaces it: wait for it to
      // go, or the steps below could look for their buttons in a frame about to close.
      const starterFrame = kept ? await section.$('.lab-frame-slot iframe') : null;
      await clickButton(page, section, t['lab.run']);
      if (starterFrame) await page.waitForFunction((el) => !el.isConnected, { timeout: patient(15_000) }, starterFrame);
      const partners = await openPartners(browser(), section, suitePartners(meta), t['lab.run']);
      // One list per partner, filled as problems happen: flattened only when checked.
      const partnerProblems = partners.map((partner) => watchFirefoxProblems(partner));
      // A step that waits for a goal the exception leaves unmet is done without waiting for it.
      const steps = meta.steps.map((step) => (step.after !== undefined && unmet.includes(step.after) ? { click: step.click } : step));
      await performSteps(section, steps).catch(async (error: unknown) => {
        throw new Error(`steps failed in Firefox; feed: ${await feedSummary(section)}`, { cause: error });
      });
      const expected = meta.goals.map((g) => g.id).filter((g) => !unmet.includes(g));
      await waitForGoals(page, section, expected, patient(30_000)).catch(async (error: unknown) => {
        const met = await metGoalIds(section);
        throw new Error(`goals unmet in Firefox: ${expected.filter((g) => !met.includes(g)).join(', ')}; feed: ${await feedSummary(section)}`, { cause: error });
      });
      if (exception) {
        // Watched for a while, so a goal met late still shows the exception is out of date.
        const lateMet = await page
          .waitForFunction((el, ids) => ids.some((g) => el.querySelector(`.lab-goals li[data-goal="${g}"][data-met="true"]`)), { timeout: STARTER_WATCH_MS }, section, [...unmet])
          .then(() => true, () => false);
        expect(lateMet, `a goal declared unmet in src/lib/browser-verification.ts is met now (${(await metGoalIds(section)).join(', ')}): remove the exception`).toBe(false);
        expect(exception.evidence(await feedOf(section)), `the feed no longer shows the declared cause: ${exception.reason.en}`).toBe(true);
        await page.close();
        return;
      }
      expect(await waitForRunEnd(page, section)).toBe('done');
      // textContent, not innerText: the state word is visually hidden, and innerText follows layout.
      const states = await section.evaluate((el) => [...el.querySelectorAll('.lab-goals li')].map((li) => `${li.getAttribute('data-met')} ${li.textContent?.trim() ?? ''}`));
      for (const text of states) expect(text.startsWith(`true ${t['lab.goalMet']}:`), text).toBe(true);
      const feed = await feedOf(section);
      expect(feed.filter((e) => e.type === 'error')).toEqual([]);
      // No connection of the lab's names a STUN or TURN server elsewhere.
      expect(publicIceUrls(feed)).toEqual([]);
      await expectInspector(page, section, feed);
      expect(problems).toEqual([]);
      expect(partnerProblems.flat()).toEqual([]);
      for (const partner of partners) await partner.close();
      await page.close();
    });
  });
}
