/**
 * axe-core (WCAG 2.1 A and AA), in both languages, on the parts of a lesson that only appear when
 * used: a lab opened in the editor and run to the end with the Inspector open and its
 * descriptions unfolded, and a pairing lab with its pair panel shown and a partner in the room,
 * each with the lab's own page in its frame checked as well. English in the light theme, Korean in
 * the dark one: the editor, the Inspector, the pair panel and the frame each have both. Every page
 * as loaded is checked in tests/e2e/pages.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { useChromium, watchForProblems } from '../support/chromium.ts';
import { labFrame, labSection, openPartner, pageWithLab, pickPlainBox, waitForAllGoals } from '../support/labs.ts';
import { axeViolations } from '../support/axe.ts';
import { patient } from '../support/patience.ts';

const browser = useChromium();

const LOCALES = [
  { prefix: '', run: 'Run', solution: 'Solution', edit: 'Edit', broker: 'Broker: connected', colorScheme: 'light' },
  { prefix: '/ko', run: '실행', solution: '정답 보기', edit: '편집', broker: '브로커: 연결됨', colorScheme: 'dark' },
] as const;

describe.each(LOCALES)('accessibility of a lab in use ($prefix, $colorScheme theme)', ({ prefix, run, solution, edit, broker, colorScheme }) => {
  it('has no violations with the editor open, the run finished and the Inspector unfolded', async () => {
    const page = await browser().newPage({ colorScheme });
    const problems = watchForProblems(page);
    await page.goto(inject('baseUrl') + prefix + pageWithLab('one-page-call'));
    const section = labSection(page, 'one-page-call');
    await section.getByRole('button', { name: edit, exact: true }).click();
    await section.locator('.monaco-editor').waitFor({ timeout: patient(30_000) });
    await section.getByRole('button', { name: solution, exact: true }).click();
    await section.getByRole('button', { name: run, exact: true }).click();
    await waitForAllGoals(section, patient(30_000));
    const inspector = section.locator('details.lab-inspector');
    await inspector.locator(':scope > summary').click();
    await inspector.locator('.inspector-pc').first().waitFor();
    // Unfold every description (the SDPs), one at a time: each opened one leaves the list.
    const folded = inspector.locator('details:not([open]) > summary:visible');
    for (let left = 20; left > 0 && (await folded.count()) > 0; left--) await folded.first().click();
    expect(await folded.count()).toBe(0);
    expect((await axeViolations(page)).violations).toEqual([]);
    // The lab's own page, in its frame on the lab origin: the starter and solution HTML are ours too.
    const frameVerdict = await axeViolations(labFrame(page));
    expect(frameVerdict).toMatchObject({ violations: [] });
    expect(frameVerdict.passed, 'axe checked the frame').toBeGreaterThan(5);
    // The frame takes the page's theme, whatever the system says (the runner sets it)…
    const frameTheme = () => labFrame(page).evaluate(() => document.documentElement.dataset['theme']);
    expect(await frameTheme()).toBe(colorScheme);
    // …and follows the reader's pick in Starlight's theme menu while the lab runs; the page's
    // colours and the frame's pass in that theme too.
    const other = colorScheme === 'light' ? 'dark' : 'light';
    await page.locator('starlight-theme-select select:visible').selectOption(other);
    await expect.poll(frameTheme).toBe(other);
    expect((await axeViolations(page, { only: ['color-contrast'] })).violations, `the ${other} theme`).toEqual([]);
    expect((await axeViolations(labFrame(page), { only: ['color-contrast'] })).violations, `the frame in the ${other} theme`).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  // The code in the plain box here (a learner's pick, PLAIN_EDITOR_PICK): axe checks it too.
  it('has no violations with the pair panel shown, the partner in the room and the code in the plain box', async () => {
    const page = await browser().newPage({ colorScheme });
    const problems = watchForProblems(page);
    await pickPlainBox(page, inject('baseUrl'));
    await page.goto(inject('baseUrl') + prefix + pageWithLab('video-call'));
    const section = labSection(page, 'video-call');
    await section.getByRole('button', { name: solution, exact: true }).click();
    await section.getByRole('button', { name: run, exact: true }).click();
    const partner = await openPartner(page, 'video-call', [], run);
    await expect.poll(() => section.locator('.lab-pair-status').getAttribute('data-partner'), { timeout: patient(20_000) }).toBe('here');
    await waitForAllGoals(section, patient(30_000));
    expect(await section.locator('.lab-code > textarea').count()).toBe(1);
    // The broker's state is a live region: a screen reader hears it change, in the page's language.
    const status = section.locator('.lab-pair-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.innerText()).toContain(broker);
    expect((await axeViolations(page)).violations).toEqual([]);
    expect((await axeViolations(partner.page)).violations).toEqual([]);
    const frameVerdict = await axeViolations(labFrame(page));
    expect(frameVerdict).toMatchObject({ violations: [] });
    expect(frameVerdict.passed, 'axe checked the frame').toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await partner.page.close();
    await page.close();
  });
});
