/**
 * The ICE candidates lab (src/labs/ice-candidates, solution) against the local coturn in Chromium,
 * on one page: the decoded priority columns equal the formula applied to each candidate line's
 * priority, relays come over UDP and TCP with a type preference below a host's, relay-only shows
 * only relay rows, and a wrong credential and an expired one (minted with the server's secret and
 * an expiry in the past) each make the lab show the 401 explanation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { FrameLocator } from 'playwright-core';
import { mintTurnCredential } from '../../src/lib/turn-credentials.ts';
import { DEFAULT_TURN_DIR } from '../../src/server/coturn.ts';
import { useChromium } from '../support/chromium.ts';
import { labSection, pageWithLab, pickPlainBox, waitForRunEnd } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const turn = inject('turn');
const LAB = 'ice-candidates';
const browser = useChromium();

interface Row {
  line: string;
  cells: string[];
}

/** Clicks Gather and waits until that gathering completes; returns the table and the error codes. */
async function gather(frame: FrameLocator): Promise<{ rows: Row[]; errors: string[] }> {
  // Cleared first, so the previous run's "complete" is not mistaken for this one's.
  await frame.locator('#gathering').evaluate((el) => {
    (el as HTMLOutputElement).value = '';
  });
  await frame.locator('#gather').click();
  await expect.poll(() => frame.locator('#gathering').textContent(), { timeout: patient(15_000) }).toBe('complete');
  const rows = await frame.locator('#candidates tr').evaluateAll((trs) =>
    trs.map((tr) => ({ line: (tr as HTMLElement).dataset['line'] ?? '', cells: [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? '') })),
  );
  const errors = await frame.locator('#errors li').evaluateAll((lis) => lis.map((li) => li.textContent ?? ''));
  return { rows, errors };
}

/** Column order of the lab's table. */
const COL = { type: 1, via: 3, priority: 6, typePreference: 7, localPreference: 8, component: 9 } as const;

describe.skipIf(!turn.running && process.env['NO_TURN'] === '1')(`lab ${LAB} in Chromium`, () => {
  it('decodes priorities, goes relay-only, and explains a wrong and an expired credential (401)', async () => {
    expect(turn, 'the e2e server found no coturn: bash scripts/install-test-system.sh').toMatchObject({ running: true });
    const page = await browser().newPage();
    await pickPlainBox(page, baseUrl);
    await page.goto(baseUrl + pageWithLab(LAB));
    const section = labSection(page, LAB);
    await section.getByRole('button', { name: 'Solution', exact: true }).click();
    await expect.poll(() => section.getByRole('button', { name: 'My code', exact: true }).count()).toBe(1);
    await section.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForRunEnd(section)).toBe('done');
    const frame = section.frameLocator('.lab-frame-slot iframe');

    await frame.locator('#use-local').click();
    await expect.poll(() => frame.locator('#credential').inputValue()).not.toBe('');
    const all = await gather(frame);
    expect(all.errors).toEqual([]);
    for (const { line, cells } of all.rows) {
      const priority = Number(line.split(' ')[3]);
      expect(cells[COL.priority], line).toBe(String(priority));
      expect(cells.slice(COL.typePreference, COL.component + 1), line).toEqual([priority >>> 24, (priority >>> 8) & 0xffff, 256 - (priority & 0xff)].map(String));
    }
    const typePreferences = (type: string) => all.rows.filter((row) => row.cells[COL.type] === type).map((row) => Number(row.cells[COL.typePreference]));
    expect(Math.max(...typePreferences('relay'))).toBeLessThan(Math.min(...typePreferences('host')));
    // The relay's transport is read from getStats() after gathering: wait for both cells.
    await expect
      .poll(async () => (await frame.locator('#candidates tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLTableRowElement).cells[3]?.textContent ?? ''))).filter((via) => via.startsWith('TURN')).sort())
      .toEqual(['TURN over tcp', 'TURN over udp']);

    await frame.locator('#relay-only').check();
    const relayOnly = await gather(frame);
    expect(relayOnly.rows.length).toBeGreaterThan(0);
    expect(relayOnly.rows.map((row) => row.cells[COL.type])).toEqual(relayOnly.rows.map(() => 'relay'));

    const explanation = ((await frame.locator('[data-why="401"]').textContent()) ?? '').trim();
    expect(explanation).toContain('expired');
    await frame.locator('#credential').fill('wrong');
    const wrong = await gather(frame);
    expect(wrong.rows).toEqual([]);
    expect(wrong.errors.length).toBeGreaterThan(0);
    for (const error of wrong.errors) expect(error).toContain(explanation);

    const secret = readFileSync(path.join(DEFAULT_TURN_DIR, 'secret'), 'utf8').trim();
    const expired = mintTurnCredential({ secret, user: 'expired-test', ttlSeconds: 60, nowMs: Date.now() - 3_600_000 });
    await frame.locator('#username').fill(expired.username);
    await frame.locator('#credential').fill(expired.credential);
    const late = await gather(frame);
    expect(late.rows).toEqual([]);
    expect(late.errors.length).toBeGreaterThan(0);
    for (const error of late.errors) expect(error).toMatch(/ → 401 /);
    for (const error of late.errors) expect(error).toContain(explanation);
    await page.close();
  });
});
