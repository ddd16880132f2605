/**
 * The Inspector under a lab's output, in Chromium, on the one-page call: its timeline, its
 * candidates with the selected pair, both descriptions explained, charts that grow while the
 * call runs and stop with Stop, and an export that imports back to the same view.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { useChromium, watchForProblems } from '../support/chromium.ts';
import { labSection, pageWithLab, pickPlainBox, waitForAllGoals } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const LAB = 'one-page-call';
const browser = useChromium();

/** The timeline of one connection as the learner reads it, entry by entry. */
const timelineOf = (inspector: Locator, pc: string): Promise<string[]> => inspector.locator(`.inspector-pc[data-pc="${pc}"] .inspector-timeline li`).allInnerTexts();
const pointsOf = async (inspector: Locator, pc: string): Promise<number> => Number((await inspector.locator(`.inspector-pc[data-pc="${pc}"]`).getAttribute('data-points')) ?? '0');

describe('the Inspector', () => {
  it('shows the one-page call: states to connected, candidates, both SDPs, charts that stop with Stop; its export imports back', async () => {
    const page = await browser().newPage({ acceptDownloads: true });
    const problems = watchForProblems(page);
    await pickPlainBox(page, inject('baseUrl'));
    await page.goto(inject('baseUrl') + pageWithLab(LAB));
    const section = labSection(page, LAB);
    await section.getByRole('button', { name: 'Solution', exact: true }).click();
    await section.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForAllGoals(section, patient(30_000));

    const inspector = section.locator('details.lab-inspector');
    const summary = inspector.locator(':scope > summary');
    // Closed, it says how the connections are in its one line.
    await expect.poll(() => summary.innerText()).toMatch(/pc1: connected · pc2: connected/);
    await summary.click();
    for (const pc of ['pc1', 'pc2']) {
      const box = inspector.locator(`.inspector-pc[data-pc="${pc}"]`);
      await expect.poll(() => box.getAttribute('data-state')).toBe('connected');
      const timeline = await timelineOf(inspector, pc);
      expect(timeline[0]).toMatch(/created/);
      expect(timeline.filter((entry) => /connectionState/.test(entry)).map((entry) => entry.split('→ ')[1])).toEqual(['new', 'connecting', 'connected']);
      expect(await box.locator('.inspector-candidate-table tbody tr').count()).toBeGreaterThan(0);
      await expect.poll(() => box.locator('tr[data-selected="true"]').count()).toBeGreaterThan(0);
      expect(await box.locator('.inspector-selected').innerText()).toMatch(/^Selected pair: \S+:\d+ host udp ⇄ \S+:\d+/);
      for (const side of ['local', 'remote']) {
        const sdp = box.locator(`.inspector-sdp[data-side="${side}"]`);
        await sdp.locator('summary').click();
        // Explained as in the lessons: the media line says what it carries.
        expect(await sdp.locator('.sdp-line[data-kind="m="] .sdp-why').first().innerText()).toMatch(/video/i);
      }
    }
    expect(await inspector.locator('.inspector-pc[data-pc="pc1"] .inspector-sdp[data-side="local"] summary').innerText()).toBe('Local description (offer)');
    // Many candidates or a long timeline make these boxes scroll. Squeezed until they do, each is
    // still one a keyboard can reach and scroll (axe's scrollable-region-focusable, among the rest).
    await inspector.evaluate((element) => {
      for (const box of element.querySelectorAll<HTMLElement>('.inspector-candidate-table, .inspector-timeline ol')) box.style.maxHeight = '2rem';
    });
    expect((await axeViolations(page, { without: ['color-contrast'] })).violations).toEqual([]);

    // The charts gain a point a second while the call runs, and the numbers are there in words.
    const before = await pointsOf(inspector, 'pc1');
    await expect.poll(() => pointsOf(inspector, 'pc1'), { timeout: patient(10_000) }).toBeGreaterThan(before + 1);
    await expect.poll(() => inspector.locator('.inspector-pc[data-pc="pc1"] .uplot').count()).toBe(5);
    expect(await inspector.locator('.inspector-pc[data-pc="pc1"] .inspector-latest').innerText()).toMatch(/out [1-9][\d,]* kbit\/s/);

    await section.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => inspector.getAttribute('data-running')).toBe('false');
    const stopped = await pointsOf(inspector, 'pc1');
    await page.waitForTimeout(2500);
    expect(await pointsOf(inspector, 'pc1')).toBe(stopped);
    expect(await summary.innerText()).toMatch(/stopped/);

    // Export, then read the file back in: the same timeline, marked as an import.
    const shown = await timelineOf(inspector, 'pc1');
    const [download] = await Promise.all([page.waitForEvent('download'), inspector.getByRole('button', { name: 'Export as JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^webrtc-lab-one-page-call-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'webrtc-lab-inspector', version: 1, lab: LAB });
    const input = inspector.locator('input[type="file"]');
    await input.setInputFiles({ name: 'dump.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => inspector.getAttribute('data-showing')).toBe('import');
    expect(await inspector.locator('.lab-inspector-banner').innerText()).toMatch(/imported dump: lab one-page-call, .* from Chrom(e|ium) \d+/);
    expect(await timelineOf(inspector, 'pc1')).toEqual(shown);
    expect(await pointsOf(inspector, 'pc1')).toBe(stopped);

    // A file that is not a dump is refused, and nothing shown changes.
    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expect.poll(() => inspector.locator('.lab-inspector-status').innerText()).toMatch(/not an Inspector dump/);
    expect(await timelineOf(inspector, 'pc1')).toEqual(shown);
    await inspector.getByRole('button', { name: 'Back to this run' }).click();
    expect(await inspector.getAttribute('data-showing')).toBeNull();
    expect(await timelineOf(inspector, 'pc1')).toEqual(shown);

    expect(problems).toEqual([]);
    await page.close();
  });
});
