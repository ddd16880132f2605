/**
 * The Inspector opened in Firefox, on the one-page call: Firefox reports its stats in its own
 * shape (no transport entry, the selected pair marked on the pair), so the timeline, the selected
 * pair, the explained descriptions and the charts are checked here as inspector.test.ts checks
 * them in Chromium. And a dump exported from Chromium (the recorded run) reads in Firefox.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { makeDump } from '../../src/lib/inspector/dump.ts';
import { createInspectorModel } from '../../src/lib/inspector/model.ts';
import { stats } from '../unit/goals/feed-builder.ts';
import { pickPlainBoxInFirefox, useFirefox, watchFirefoxProblems } from '../support/firefox.ts';
import { pageWithLab } from '../support/labs.ts';
import recorded from '../fixtures/feeds/one-page-call.solution.json' with { type: 'json' };
import { patient } from '../support/patience.ts';

const LAB = 'one-page-call';
const browser = useFirefox();

async function click(page: Page, within: ElementHandle<Element>, selector: string, text?: string): Promise<void> {
  await page.waitForFunction(
    (el, css, words) => [...el.querySelectorAll<HTMLElement>(css)].some((b) => (words === null || b.textContent?.trim() === words) && !(b as HTMLButtonElement).disabled),
    { timeout: patient(15_000) },
    within,
    selector,
    text ?? null,
  );
  const target = (await within.evaluateHandle(
    (el, css, words) => [...el.querySelectorAll<HTMLElement>(css)].find((b) => words === null || b.textContent?.trim() === words)!,
    selector,
    text ?? null,
  )) as ElementHandle<HTMLElement>;
  await target.click();
}

/** What the open Inspector shows of one connection, read as a learner reads it. */
function readPc(inspector: ElementHandle<Element>, pc: string) {
  return inspector.evaluate((el, id) => {
    const box = el.querySelector<HTMLElement>(`.inspector-pc[data-pc="${id}"]`);
    return {
      state: box?.dataset['state'] ?? '',
      points: Number(box?.dataset['points'] ?? '0'),
      timeline: [...(box?.querySelectorAll('.inspector-timeline li') ?? [])].map((li) => li.textContent ?? ''),
      candidates: box?.querySelectorAll('.inspector-candidate-table tbody tr').length ?? 0,
      selectedRows: box?.querySelectorAll('tr[data-selected="true"]').length ?? 0,
      selected: box?.querySelector('.inspector-selected')?.textContent ?? '',
      mediaWhy: box?.querySelector('.inspector-sdp[data-side="local"] .sdp-line[data-kind="m="] .sdp-why')?.textContent ?? '',
      charts: box?.querySelectorAll('.uplot').length ?? 0,
      latest: box?.querySelector('.inspector-latest')?.textContent ?? '',
    };
  }, pc);
}

describe('the Inspector in Firefox', () => {
  it('shows the one-page call: states to connected, the selected pair, both SDPs explained, charts that stop with Stop; a Chromium dump reads in', async () => {
    const page = await browser().newPage();
    const problems = watchFirefoxProblems(page);
    await pickPlainBoxInFirefox(page, inject('baseUrl'));
    await page.goto(inject('baseUrl') + pageWithLab(LAB));
    const section = (await page.waitForSelector(`section.lab[data-lab="${LAB}"]`))!;
    await click(page, section, 'button', 'Solution');
    await click(page, section, 'button', 'Run');
    await page.waitForFunction((el) => [...el.querySelectorAll('.lab-goals li')].every((li) => li.getAttribute('data-met') === 'true'), { timeout: patient(30_000) }, section);

    const inspector = (await section.waitForSelector('details.lab-inspector'))!;
    await page.waitForFunction((el) => /pc1: connected · pc2: connected/.test(el.querySelector('summary')?.textContent ?? ''), { timeout: patient(15_000) }, inspector);
    await click(page, inspector, ':scope > summary');
    for (const pc of ['pc1', 'pc2']) {
      // Open both descriptions, as a learner would to read them.
      for (const side of ['local', 'remote']) await click(page, inspector, `.inspector-pc[data-pc="${pc}"] .inspector-sdp[data-side="${side}"] > summary`);
      await page.waitForFunction((el, id) => el.querySelector(`.inspector-pc[data-pc="${id}"] tr[data-selected="true"]`) !== null, { timeout: patient(15_000) }, inspector, pc);
      const shown = await readPc(inspector, pc);
      expect(shown.state).toBe('connected');
      expect(shown.timeline[0]).toMatch(/created/);
      expect(shown.timeline.filter((entry) => /connectionState/.test(entry)).map((entry) => entry.split('→ ')[1]?.trim())).toEqual(['new', 'connecting', 'connected']);
      expect(shown.candidates).toBeGreaterThan(0);
      expect(shown.selectedRows).toBeGreaterThan(0);
      expect(shown.selected).toMatch(/^Selected pair: \S+:\d+ host udp ⇄ \S+:\d+/);
      expect(shown.mediaWhy).toMatch(/video|audio/i);
    }

    // The charts gain points while the call runs, with the figures in words under them.
    const before = (await readPc(inspector, 'pc1')).points;
    await page.waitForFunction((el, n) => Number(el.querySelector<HTMLElement>('.inspector-pc[data-pc="pc1"]')?.dataset['points'] ?? 0) > n + 1, { timeout: patient(10_000) }, inspector, before);
    const running = await readPc(inspector, 'pc1');
    // A measure Firefox does not report is hidden, not drawn empty: at least bitrate, frame rate and loss.
    expect(running.charts).toBeGreaterThanOrEqual(3);
    expect(running.latest).toMatch(/out [1-9][\d,]* kbit\/s/);

    await click(page, section, 'button', 'Stop');
    await page.waitForFunction((el) => el.getAttribute('data-running') === 'false', { timeout: patient(15_000) }, inspector);
    const stopped = (await readPc(inspector, 'pc1')).points;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await readPc(inspector, 'pc1')).points).toBe(stopped);

    // A colleague's dump from Chromium: the recorded run, exported as the Inspector exports.
    const model = createInspectorModel();
    for (const event of recorded as FeedEvent[]) model.add(event.type === 'pc-stats' ? { ...event, stats: stats(event.stats) } : event);
    const dir = mkdtempSync(path.join(tmpdir(), 'inspector-dump-'));
    try {
      const file = path.join(dir, 'dump.json');
      writeFileSync(file, JSON.stringify(makeDump(LAB, model.events(), new Date('2026-12-01T12:00:00Z'), 'Mozilla/5.0 Chrome/156.0.0.0')));
      const input = (await inspector.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(file);
      await page.waitForFunction((el) => el.getAttribute('data-showing') === 'import', { timeout: patient(15_000) }, inspector);
      const banner = await inspector.$eval('.lab-inspector-banner', (el) => el.textContent ?? '');
      expect(banner).toMatch(/imported dump: lab one-page-call, .* from Chrom(e|ium) 156/);
      const imported = await readPc(inspector, 'pc1');
      expect(imported.timeline.filter((entry) => /connectionState/.test(entry)).map((entry) => entry.split('→ ')[1]?.trim())).toEqual(['new', 'connecting', 'connected']);
      expect(imported.points).toBe(model.pcs[0]?.points.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    expect(problems).toEqual([]);
    await page.close();
  });
});
