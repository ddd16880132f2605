/**
 * The mesh lab with every seat taken: four pages of one Chromium browser in one room, each
 * running the solution, and every page decoding video from the three others, its frame counts
 * still rising. The lab suites run the same lab with three tabs; this fills the room.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { useChromium, watchForProblems } from '../support/chromium.ts';
import { feedOf, labSection, openPartners, pageWithLab, pickPlainBox, waitForAllGoals } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const LAB = 'mesh';
const SEATS = 4;
const browser = useChromium();
const pages: Page[] = [];

afterAll(async () => {
  for (const page of pages.splice(0)) await page.close().catch(() => undefined);
});

/** Frames counted so far on each remote video of one page (`video#remote-<seat>`), by label. */
function remoteFrames(feed: readonly FeedEvent[]): Map<string, number> {
  const frames = new Map<string, number>();
  for (const event of feed) if (event.type === 'video-frames' && event.element.startsWith('video#remote-')) frames.set(event.element, event.frames);
  return frames;
}

describe('a mesh of four tabs', () => {
  // Four pages encoding and decoding three videos each: on a loaded 2-core machine, beyond the default minute.
  it('every tab decodes video from the three others', { timeout: patient(90_000) }, async () => {
    const host = await browser().newPage();
    pages.push(host);
    const problems = [watchForProblems(host)];
    await pickPlainBox(host, inject('baseUrl'));
    await host.goto(inject('baseUrl') + pageWithLab(LAB));
    const hostLab = labSection(host, LAB);
    await hostLab.getByRole('button', { name: 'Solution', exact: true }).click();
    await hostLab.getByRole('button', { name: 'Run', exact: true }).click();
    const partners = await openPartners(host, LAB, SEATS - 1);
    for (const partner of partners) {
      pages.push(partner.page);
      problems.push(watchForProblems(partner.page));
    }
    const labs: Locator[] = [hostLab, ...partners.map((partner) => partner.section)];

    // Each tab: three remote videos, each past 20 frames, and every count still rising after that.
    const firstCounts: Map<string, number>[] = [];
    for (const lab of labs) {
      await expect
        .poll(async () => [...remoteFrames(await feedOf(lab)).values()].filter((frames) => frames >= 20).length, { timeout: patient(45_000), interval: 300 })
        .toBe(SEATS - 1);
      firstCounts.push(remoteFrames(await feedOf(lab)));
    }
    for (const [index, lab] of labs.entries()) {
      await expect
        .poll(async () => {
          const now = remoteFrames(await feedOf(lab));
          return [...firstCounts[index]!].every(([video, frames]) => (now.get(video) ?? 0) > frames);
        }, { timeout: patient(10_000), interval: 300 })
        .toBe(true);
    }

    // The host sees the room full, its goals met, and one outbound stream per peer in its table.
    const status = hostLab.locator('.lab-pair-status');
    await expect.poll(() => status.getAttribute('data-present')).toBe(String(SEATS));
    expect(await status.innerText()).toContain(`${SEATS} of ${SEATS} tabs`);
    expect(await hostLab.locator('.lab-pair-open').isHidden()).toBe(true);
    await waitForAllGoals(hostLab, patient(10_000));
    const rows = hostLab.frameLocator('.lab-frame-slot iframe').locator('#upload tbody tr');
    await expect.poll(() => rows.count()).toBe(SEATS - 1);
    for (const cells of await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')))) {
      expect(cells[1], cells.join(' | ')).toBe('1');
      expect(Number(cells[2]?.replaceAll(',', ''))).toBeGreaterThan(0);
    }
    expect(problems.flat()).toEqual([]);
  });
});
