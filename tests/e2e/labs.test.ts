/**
 * Every lab folder, run in Chromium as a learner would: its starter runs cleanly, and its
 * solution meets every goal. A new lab is covered here without touching this file.
 */
import { describe, expect, inject, it } from 'vitest';
import { useChromium, watchForProblems } from '../support/chromium.ts';
import { LAB_IDS, feedOf, labSection, pageWithLab, waitForAllGoals, waitForRunEnd } from '../support/labs.ts';

const baseUrl = inject('baseUrl');
const browser = useChromium();

describe.each(LAB_IDS)('lab %s', (id) => {
  it('runs its starter without errors', async () => {
    const page = await browser().newPage();
    const problems = watchForProblems(page);
    await page.goto(baseUrl + pageWithLab(id));
    const section = labSection(page, id);
    await section.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForRunEnd(section)).toBe('done');
    const errors = (await feedOf(section)).filter((e) => e.type === 'error' || e.type === 'media-error');
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('meets every goal with its solution', async () => {
    const page = await browser().newPage();
    const problems = watchForProblems(page);
    await page.goto(baseUrl + pageWithLab(id));
    const section = labSection(page, id);
    await section.getByRole('button', { name: 'Solution', exact: true }).click();
    await expect.poll(() => section.getByRole('button', { name: 'My code', exact: true }).count()).toBe(1);
    await section.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForAllGoals(section);
    expect(await waitForRunEnd(section)).toBe('done');
    const goals = section.getByRole('list', { name: 'Goals' }).getByRole('listitem');
    for (const text of await goals.allInnerTexts()) expect(text).toMatch(/^met:/);
    expect((await feedOf(section)).filter((e) => e.type === 'error')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
