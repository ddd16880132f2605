/**
 * Using a lesson without a mouse, without motion, and by ear, in Chromium: a keyboard-only walk
 * through a lab (run, stop, solution, share) and its Inspector with a visible focus at every
 * step; the live region's words for goals met, the run's end and errors, in both languages; and
 * `prefers-reduced-motion` honoured by everything the site and its components animate. The walk
 * and the live region in Firefox, with the plain box: accessible-use-firefox.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useChromium, watchForProblems } from '../support/chromium.ts';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { labSection, pageWithLab, pickPlainBox, waitForAllGoals } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const LAB = 'one-page-call';

interface Focused {
  readonly what: string;
  readonly visible: boolean;
}

/** A keyboard walk: every element focused so far, and whether Ctrl+M already made Tab leave the editor (it toggles). */
interface Walk {
  readonly steps: Focused[];
  tabMovesFocus: boolean;
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, noting each element focused on the way
 * and whether its focus can be seen (an outline or a focus shadow). Elements inside the lab frame
 * are the learner's page, not the site's: the frame itself is noted. In the editor, Tab indents;
 * Ctrl+M makes it move the focus instead, as the lesson tells learners, and the walk does that.
 */
async function tabTo(page: Page, target: Locator, walk: Walk, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 400): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const step = await page.evaluate((goal) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { what: 'body', visible: true, reached: false, inEditor: false };
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none';
      // Monaco's input is a hidden textarea: its focus shows as the editor's cursor and focus border.
      const editor = el.closest('.monaco-editor');
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      const what = `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${label}"`;
      return { what, visible: el.tagName === 'IFRAME' || outline || shadow || editor?.classList.contains('focused') === true, reached: el === goal, inEditor: editor !== null };
    }, handle);
    walk.steps.push({ what: step.what, visible: step.visible });
    if (step.reached) return;
    if (step.inEditor && !walk.tabMovesFocus) {
      await page.keyboard.press('Control+m');
      walk.tabMovesFocus = true;
    }
  }
  throw new Error(`${key} never reached the target; focus went through: ${walk.steps.slice(-10).map((step) => step.what).join(' → ')}`);
}

describe('keyboard only', () => {
  it('walks a lesson’s lab and its Inspector with Tab and Enter, the focus visible at every step', async () => {
    const page = await browser().newPage();
    const problems = watchForProblems(page);
    await page.goto(baseUrl + pageWithLab(LAB));
    const section = labSection(page, LAB);
    const button = (name: string) => section.getByRole('button', { name, exact: true });
    const walked: Walk = { steps: [], tabMovesFocus: false };

    await tabTo(page, button('Solution'), walked);
    await page.keyboard.press('Enter');
    await button('My code').waitFor();
    // The editor opened for the solution; the toolbar keeps the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('My code');
    await tabTo(page, button('Copy link to my code'), walked);
    await page.keyboard.press('Enter');
    await section.locator('.lab-notices').getByText(/link/i).first().waitFor();

    await tabTo(page, button('Run'), walked, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await waitForAllGoals(section, patient(30_000));
    const summary = section.locator('details.lab-inspector > summary');
    await tabTo(page, summary, walked);
    await page.keyboard.press('Enter');
    await section.locator('.inspector-pc').first().waitFor();
    await tabTo(page, section.locator('.inspector-pc ol').first(), walked);

    await tabTo(page, button('Stop'), walked, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getAttribute('data-run')).toBe('stopped');
    const unseen = walked.steps.filter((step) => !step.visible).map((step) => step.what);
    expect(unseen, 'elements focused without a visible focus').toEqual([]);
    expect(walked.steps.length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });
});

const SPEECH = [
  { prefix: '', run: 'Run', goal: 'Goal met:', done: 'Your code ran to its end.', error: 'Error on line 2: ReferenceError: nobody is not defined' },
  { prefix: '/ko', run: '실행', goal: '목표 달성:', done: '코드가 끝까지 실행되었습니다.', error: '2번째 줄에서 오류: ReferenceError: nobody is not defined' },
] as const;

describe.each(SPEECH)('what a screen reader hears ($prefix)', ({ prefix, run, goal, done, error }) => {
  it('goals met and the run’s end, then an error with its line; the console is read, not spoken line by line', async () => {
    const page = await browser().newPage();
    const lab = 'datachannel-loopback';
    const section = labSection(page, lab);
    const spoken: string[] = [];
    await page.exposeFunction('heard', (text: string) => spoken.push(text));
    // The editor is beside the point here (the keyboard walk above is Monaco's).
    await pickPlainBox(page, baseUrl);
    await page.goto(`${baseUrl}${prefix}${pageWithLab(lab)}`);
    await section.locator('.lab-announce').evaluate((region) => {
      new MutationObserver(() => (window as unknown as { heard: (text: string) => void }).heard(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    });
    expect(await section.locator('.lab-announce').getAttribute('aria-live')).toBe('polite');
    expect(await section.locator('[role="log"]').getAttribute('aria-live')).toBe('off');
    await section.locator('[data-action="solution"]').click();
    await section.getByRole('button', { name: run, exact: true }).click();
    await waitForAllGoals(section);
    // Both polled: announcements are batched for 100 ms, and under load the last goal can be met
    // (and shown) after the run's end was said, its words following a moment later.
    await expect.poll(() => spoken.join(' ')).toContain(done);
    await expect.poll(() => spoken.join(' ')).toContain(goal);

    const code = "import { log } from 'lab';\nlog(nobody);\n";
    await page.goto(`${baseUrl}${prefix}${pageWithLab(lab)}${shareHash(lab, await encodeShare({ lab, files: { 'main.ts': code } }))}`);
    await section.getByRole('button', { name: run, exact: true }).click();
    // Polled, not waitForRunEnd: the share link is a hash change in the same document, whose lab
    // still says 'done' from the run above until this Run starts.
    await expect.poll(() => section.getAttribute('data-run')).toBe('error');
    await expect.poll(() => section.locator('.lab-announce').textContent()).toContain(error);
    await page.close();
  });
});

describe('reduced motion', () => {
  /** Every element of the page with a transition or animation longer than a millisecond. */
  const moving = (page: Page): Promise<string[]> =>
    page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) => {
        const style = getComputedStyle(el);
        const longest = (list: string) => Math.max(...list.split(',').map((each) => parseFloat(each) * (each.trim().endsWith('ms') ? 1 : 1000)));
        const ms = Math.max(longest(style.transitionDuration), style.animationName === 'none' ? 0 : longest(style.animationDuration));
        return ms > 1 ? [`${el.tagName.toLowerCase()}.${String(el.className)} ${ms} ms`] : [];
      }),
    );

  it('moves nothing with prefers-reduced-motion: reduce, though the same page animates without it', async () => {
    const url = baseUrl + pageWithLab('datachannel-loopback');
    const normal = await browser().newPage({ reducedMotion: 'no-preference' });
    await normal.goto(url);
    expect((await moving(normal)).length, 'the page has transitions to turn off (the sidebar carets, the copy buttons)').toBeGreaterThan(0);
    await normal.close();

    const reduced = await browser().newPage({ reducedMotion: 'reduce' });
    const problems = watchForProblems(reduced);
    await reduced.goto(url);
    const section = labSection(reduced, 'datachannel-loopback');
    await section.locator('[data-action="solution"]').click();
    await section.locator('[data-action="run"]').click();
    await waitForAllGoals(section);
    expect(await moving(reduced)).toEqual([]);
    expect(problems).toEqual([]);
    await reduced.close();
  });
});
