/**
 * Using a lesson by keyboard and by ear in Firefox ESR, as accessible-use.test.ts does in Chromium:
 * a keyboard-only walk through a lab (Solution, Run) and its Inspector with a visible focus at
 * every step, here with the code in the plain box (a learner's pick), where Tab leaves the box by
 * itself; and the live region's words for goals met, the run's end and errors, in both languages.
 */
import { describe, expect, inject, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { pickPlainBoxInFirefox, useFirefox, watchFirefoxProblems } from '../support/firefox.ts';
import { openSection, toolbarButton, waitForAllGoals, type Section } from '../support/firefox-lab.ts';
import { pageWithLab } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const browser = useFirefox();

async function openLab(page: Page, url: string, lab: string): Promise<Section> {
  await page.goto(url);
  return openSection(page, lab);
}

interface Focused {
  readonly what: string;
  /** An outline or a focus shadow; the lab frame is the learner's page and counts as seen. */
  readonly visible: boolean;
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; returns every element focused on the way. */
async function tabTo(page: Page, target: ElementHandle<Element>, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 400): Promise<Focused[]> {
  const steps: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    if (key === 'Tab') await page.keyboard.press('Tab');
    else {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    }
    const step = await page.evaluate((goal) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { what: 'body', visible: true, reached: false };
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return { what: `${el.tagName.toLowerCase()} "${label}"`, visible: el.tagName === 'IFRAME' || outline || style.boxShadow !== 'none', reached: el === goal };
    }, target);
    steps.push({ what: step.what, visible: step.visible });
    if (step.reached) return steps;
  }
  throw new Error(`${key} never reached the target`);
}

describe('keyboard only, in Firefox', () => {
  it('walks a lab in the plain box and its Inspector with Tab and Enter, the focus visible at every step', async () => {
    const lab = 'one-page-call';
    const page = await browser().newPage();
    const problems = watchFirefoxProblems(page);
    await pickPlainBoxInFirefox(page, baseUrl);
    const section = await openLab(page, baseUrl + pageWithLab(lab), lab);
    const walked: Focused[] = [];

    walked.push(...(await tabTo(page, await toolbarButton(page, section, 'Solution'))));
    await page.keyboard.press('Enter');
    const myCode = await toolbarButton(page, section, 'My code');
    expect(await myCode.evaluate((button) => button === document.activeElement)).toBe(true);
    // Into the box and out of it with Tab alone: a text box does not keep Tab for indenting.
    const box = (await section.waitForSelector('.lab-code > textarea'))!;
    walked.push(...(await tabTo(page, box)));
    walked.push(...(await tabTo(page, await section.waitForSelector('.lab-other-editor').then((b) => b!))));

    walked.push(...(await tabTo(page, await toolbarButton(page, section, 'Run'), 'Shift+Tab')));
    await page.keyboard.press('Enter');
    await waitForAllGoals(page, section, patient(30_000));
    const summary = (await section.waitForSelector('details.lab-inspector > summary'))!;
    walked.push(...(await tabTo(page, summary)));
    await page.keyboard.press('Enter');
    await section.waitForSelector('.inspector-pc');
    expect(await section.evaluate((el) => el.querySelector('details.lab-inspector')?.hasAttribute('open'))).toBe(true);
    expect(walked.filter((step) => !step.visible).map((step) => step.what), 'elements focused without a visible focus').toEqual([]);
    expect(walked.length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });
});

const SPEECH = [
  { prefix: '', goal: 'Goal met:', done: 'Your code ran to its end.', error: 'Error on line 2: ReferenceError: nobody is not defined' },
  { prefix: '/ko', goal: '목표 달성:', done: '코드가 끝까지 실행되었습니다.', error: '2번째 줄에서 오류: ReferenceError: nobody is not defined' },
] as const;

/** From now on, keeps in the page every text the lab's live region takes (a screen reader's queue). */
function listen(section: Section): Promise<void> {
  return section.evaluate((el) => {
    const region = el.querySelector('.lab-announce')!;
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    new MutationObserver(() => heard.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

/** Waits until the live region has taken `text`, among everything it took since listen(). */
const hears = (page: Page, text: string) => page.waitForFunction((wanted) => (window as unknown as { heard: string[] }).heard.join(' ').includes(wanted), { timeout: patient(15_000) }, text);

describe.each(SPEECH)('what a screen reader hears in Firefox ($prefix)', ({ prefix, goal, done, error }) => {
  it('goals met and the run’s end, then an error with its line', async () => {
    const lab = 'datachannel-loopback';
    const page = await browser().newPage();
    await pickPlainBoxInFirefox(page, baseUrl);
    let section = await openLab(page, `${baseUrl}${prefix}${pageWithLab(lab)}`, lab);
    await listen(section);
    expect(await section.$eval('.lab-announce', (region) => region.getAttribute('aria-live'))).toBe('polite');
    expect(await section.$eval('[role="log"]', (log) => log.getAttribute('aria-live'))).toBe('off');
    await (await section.$('[data-action="solution"]'))!.click();
    await page.waitForFunction((el) => el.querySelector('.lab-code > textarea') !== null, { timeout: patient(15_000) }, section);
    await (await section.$('[data-action="run"]'))!.click();
    await waitForAllGoals(page, section, patient(30_000));
    // Both waited for: announcements are batched for 100 ms, and under load the last goal can be
    // met after the run's end was said, its words following a moment later.
    await hears(page, done);
    await hears(page, goal);

    const code = "import { log } from 'lab';\nlog(nobody);\n";
    section = await openLab(page, `${baseUrl}${prefix}${pageWithLab(lab)}${shareHash(lab, await encodeShare({ lab, files: { 'main.ts': code } }))}`, lab);
    await listen(section);
    await page.waitForFunction((el) => el.querySelector('.lab-code > textarea') !== null, { timeout: patient(15_000) }, section);
    await (await section.$('[data-action="run"]'))!.click();
    await hears(page, error);
    await page.close();
  });
});
