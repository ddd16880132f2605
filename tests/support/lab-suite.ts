/**
 * Every lab folder, run in Chromium as a learner would: its starter is valid code that leaves
 * at least one goal unmet, and its solution meets every goal, with the steps the lab lists
 * (clicks in its output) done as a learner does them. axe-core then checks the lab's own page
 * in its frame, and the lesson page with the lab run, its Inspector open and any pair panel.
 * A new lab is covered here without touching this file. With RECORD_FEEDS=1 the feeds are kept
 * as fixtures for the goal tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/build-state.ts';
import type { FeedEvent } from '../../src/lib/feed.ts';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { countRequests, describeRequests, useChromium, watchForProblems } from './chromium.ts';
import { keptPages } from './kept-pages.ts';
import { publicIceUrls } from './this-machine.ts';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import ko from '../../src/content/i18n/ko.json' with { type: 'json' };
import { SHARED_SITE_LAB_IDS, expectInspector, feedOf, inspectedConnections, labFrame, labMeta, labSection, metGoalIds, openPartners, pageWithLab, performSteps, pickPlainBox, suitePartners, waitForAllGoals, waitForRunEnd } from './labs.ts';
import { patient } from './patience.ts';

/** How long a starter is watched after its code (and its partner's) finished: goals met by then show; the recorded feeds are judged whole too. */
const STARTER_WATCH_MS = 1000;

/** `partner`: the feed of a pairing lab's partner tab, kept beside the host's. */
function record(id: string, version: 'starter' | 'solution' | 'starter.partner' | 'solution.partner', feed: readonly FeedEvent[]): void {
  if (process.env['RECORD_FEEDS'] !== '1') return;
  const dir = path.join(ROOT, 'tests/fixtures/feeds');
  mkdirSync(dir, { recursive: true });
  // Console arguments and SDP bodies make fixtures large and say nothing to the goals.
  const slim = feed.map((event) => (event.type === 'console' ? { ...event, args: [] } : event));
  writeFileSync(path.join(dir, `${id}.${version}.json`), `${JSON.stringify(slim, null, 1)}\n`);
}

/** Which labs a suite runs, on which server (by default the suite's, from the global setup), and in which language's lesson pages. */
export interface SuiteOptions {
  readonly ids?: readonly string[];
  readonly baseUrl?: () => string;
  readonly locale?: 'en' | 'ko';
}

/** A suite's language: its lesson pages' path prefix, and the UI strings it clicks and reads. */
export const SUITE_LOCALES = { en: { prefix: '', strings: en }, ko: { prefix: '/ko', strings: ko } } as const;

/**
 * The tests for every `shards`-th lab starting at `shard`: vitest runs files in parallel, so the
 * labs are split over two files to use both cores.
 */
export function labTests(shard: number, shards: number, { ids = SHARED_SITE_LAB_IDS, baseUrl = () => inject('baseUrl'), locale = 'en' }: SuiteOptions = {}): void {
  const browser = useChromium();
  const { prefix, strings: t } = SUITE_LOCALES[locale];
  const button = (name: string) => ({ name, exact: true });
  const keep = keptPages<Page>();
  const openFresh = async (id: string): Promise<{ page: Page; problems: string[] }> => {
    const page = await browser().newPage();
    const problems = watchForProblems(page);
    await pickPlainBox(page, baseUrl());
    await page.goto(baseUrl() + prefix + pageWithLab(id));
    return { page, problems };
  };
  describe.each(ids.filter((_, index) => index % shards === shard))('lab %s', (id) => {
    it('runs its starter, which leaves a goal unmet', async () => {
      const meta = await labMeta(id);
      const { page, problems } = await openFresh(id);
      const section = labSection(page, id);
      await section.getByRole('button', button(t['lab.run'])).click();
      await waitForRunEnd(section);
      // A pairing lab's starter runs with its partner there, so only the learner's part is missing.
      const partners = await openPartners(page, id, suitePartners(meta), t['lab.run']);
      for (const partner of partners) await waitForRunEnd(partner.section);
      const partner = partners[0];
      // Watched for a while, not sampled once: every goal being met late would still be caught.
      const allMet = await waitForAllGoals(section, STARTER_WATCH_MS).then(
        () => true,
        () => false,
      );
      expect(allMet, `the starter met every goal: ${(await metGoalIds(section)).join(', ')}`).toBe(false);
      expect(meta.goals.length).toBeGreaterThan(0);
      const feed = await feedOf(section);
      expect(feed.filter((e) => e.type === 'error' && e.phase === 'syntax')).toEqual([]);
      expect(publicIceUrls(feed)).toEqual([]);
      record(id, 'starter', feed);
      if (partner) record(id, 'starter.partner', await feedOf(partner.section));
      expect(problems).toEqual([]);
      for (const each of partners) await each.page.close();
      if (partners.length === 0) keep.put(id, page, problems);
      else await page.close();
    });

    it('meets every goal with its solution', async () => {
      const meta = await labMeta(id);
      const kept = keep.take(id);
      const { page, problems } = kept ?? (await openFresh(id));
      // Counted from here: the solution's run, in a page loaded for it or kept from the starter.
      const requests = countRequests(page);
      const section = labSection(page, id);
      await section.getByRole('button', button(t['lab.solution'])).click();
      await expect.poll(() => section.getByRole('button', button(t['lab.myCode'])).count()).toBe(1);
      expect(await section.locator('.lab-code > textarea').count(), 'the plain box this suite picked').toBe(1);
      // In a kept page the starter's frame, and its goals met, stay until Run replaces them: wait
      // for it to go, or a step could click in a frame about to close (seen: snapshot's #snap).
      const starterFrame = kept ? await section.locator('.lab-frame-slot iframe').elementHandle({ timeout: 1000 }).catch(() => null) : null;
      await section.getByRole('button', button(t['lab.run'])).click();
      // The new frame is made after the goals were reset, so its arrival means both are done.
      const slot = await section.locator('.lab-frame-slot').elementHandle();
      if (starterFrame) await page.waitForFunction(({ old, slot }) => !old.isConnected && slot?.querySelector('iframe') !== null, { old: starterFrame, slot }, { timeout: patient(15_000) });
      const partners = await openPartners(page, id, suitePartners(meta), t['lab.run']);
      const partner = partners[0];
      // One list per partner, filled as problems happen: flattened only when checked.
      const partnerProblems = partners.map((each) => watchForProblems(each.page));
      await performSteps(section, meta.steps);
      await waitForAllGoals(section, patient(30_000));
      const ended = await waitForRunEnd(section);
      expect(ended, JSON.stringify((await feedOf(section)).filter((e) => e.type === 'error'))).toBe('done');
      const goals = section.getByRole('list', { name: t['lab.goals'] }).getByRole('listitem');
      for (const text of await goals.allInnerTexts()) expect(text.startsWith(`${t['lab.goalMet']}:`), text).toBe(true);
      const feed = await feedOf(section);
      expect(feed.filter((e) => e.type === 'error')).toEqual([]);
      await expectInspector(section, feed);
      // axe-core on the lab's own page in its frame, run to the end: it is different in every lab.
      const frameVerdict = await axeViolations(labFrame(page));
      expect(frameVerdict.violations).toEqual([]);
      expect(frameVerdict.passed, 'axe checked the frame').toBeGreaterThan(0);
      // The lab's colours in the other theme too, switched as the runner switches it (data-theme).
      const theme = await labFrame(page).evaluate(() => document.documentElement.dataset['theme']);
      expect(theme, 'the runner set the theme').toBe('light');
      await labFrame(page).evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
      expect((await axeViolations(labFrame(page), { only: ['color-contrast'] })).violations, 'the dark theme').toEqual([]);
      // …and on the lesson page as the learner has it now: the lab run to the end, its Inspector
      // unfolded when there is a connection to inspect, a pairing lab's pair panel with its
      // partner. Colour contrast is pages.test.ts's and accessibility.test.ts's (the same colours).
      if (inspectedConnections(feed).length > 0) {
        const inspector = section.locator('details.lab-inspector');
        await inspector.locator(':scope > summary').click();
        await inspector.locator('.inspector-pc').first().waitFor();
      }
      const pageVerdict = await axeViolations(page, { without: ['color-contrast'] });
      expect(pageVerdict.violations).toEqual([]);
      expect(pageVerdict.passed, 'axe checked the page').toBeGreaterThan(0);
      // The figures for the notes (watchForProblems fails any request elsewhere).
      console.log(`lab ${id} (${locale}), solution run: ${describeRequests(requests)}; axe: page ${pageVerdict.passed} rules passed, frame ${frameVerdict.passed}, 0 violations`);
      const partnerFeed = partner ? await feedOf(partner.section) : [];
      // No connection of the lab's, nor of its partner's, names a STUN or TURN server elsewhere.
      expect(publicIceUrls([...feed, ...partnerFeed])).toEqual([]);
      record(id, 'solution', feed);
      if (partner) record(id, 'solution.partner', partnerFeed);
      expect(problems).toEqual([]);
      expect(partnerProblems.flat()).toEqual([]);
      for (const each of partners) await each.page.close();
      await page.close();
    });
  });
}
