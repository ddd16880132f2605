/**
 * The same promise as lab-runtime.test.ts makes for Chromium, checked in Firefox: code the loop
 * guard cannot see (an eval'd loop, a new Function loop, a catastrophic regex) hangs only the
 * lab frame. The lesson page keeps answering, and Stop removes the frame without its help.
 */
import { describe, expect, inject, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchFirefoxSiteIsolated, pickPlainBoxInFirefox } from '../support/firefox.ts';
import { pageWithLab } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const LAB = 'datachannel-loopback';
/**
 * Firefox as learners run it: puppeteer puts all web content in one process
 * (`fission.webContentIsolationStrategy` 0, for its own mouse events); Firefox's default, 1,
 * gives every site its own, which is what keeps the page alive here.
 */
let running: Awaited<ReturnType<typeof launchFirefoxSiteIsolated>> | undefined;
beforeAll(async () => {
  running = await launchFirefoxSiteIsolated();
});
afterAll(() => running?.close());
const browser = (): Browser => {
  if (!running) throw new Error('Firefox is not running yet');
  return running.browser;
};

const UNGUARDED: Readonly<Record<string, string>> = {
  'an eval’d loop': "(0, eval)('while (true) {}');",
  'a new Function loop': "new Function('while (true) {}')();",
  'a catastrophic regex': "/^(a+)+$/.test('a'.repeat(64) + '!');",
};

async function click(section: ElementHandle<Element>, name: string): Promise<void> {
  const button = await section.waitForSelector(`::-p-xpath(.//button[normalize-space(.)="${name}" and not(@disabled)])`);
  await button?.click();
}

/** What the lab shows, or that the page no longer answers (a lab frame in the page's own process would hang it). */
async function stateOf(section: ElementHandle<Element>): Promise<string> {
  const shown = section.evaluate((el) => {
    const lab = el as HTMLElement;
    return `run=${lab.dataset['run']} active=${lab.dataset['active']} frames=${lab.querySelectorAll('iframe').length} notices="${lab.querySelector('.lab-notices')?.textContent ?? ''}" console="${lab.querySelector('[role="log"]')?.textContent?.slice(0, 200) ?? ''}"`;
  });
  const silent = new Promise<string>((resolve) => setTimeout(() => resolve('the page did not answer in 5 s'), 5_000));
  return Promise.race([shown, silent]);
}

async function beatsDuring(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (span) =>
      new Promise<number[]>((resolve) => {
        const beats: number[] = [];
        const timer = setInterval(() => beats.push(Date.now()), 50);
        setTimeout(() => {
          clearInterval(timer);
          resolve(beats);
        }, span);
      }),
    ms,
  );
}

describe('code the loop guard cannot see, in Firefox', () => {
  for (const [what, line] of Object.entries(UNGUARDED)) {
    it(`keeps the page answering through ${what}, and Stop removes the frame`, async () => {
      // A context of its own: Firefox keys content processes by site and context, so this lab
      // frame cannot land in the previous test's hung process, which Firefox ends only seconds
      // after its frame is gone (a regex test once waited 37 s for its first line behind it).
      const context = await browser().createBrowserContext();
      const page = await context.newPage();
      const code = `console.log('hanging now');\n${line}`;
      await pickPlainBoxInFirefox(page, baseUrl);
      await page.goto(`${baseUrl}${pageWithLab(LAB)}${shareHash(LAB, await encodeShare({ lab: LAB, files: { 'main.ts': code } }))}`);
      const section = await page.waitForSelector(`section.lab[data-lab="${LAB}"]`);
      if (!section) throw new Error('no lab section');
      await section.waitForSelector('.lab-code > textarea');
      await click(section, 'Run');
      // Generous: the previous test's hung content process goes on spinning on one of the two
      // cores for some seconds after its frame is removed (seen with ps), until Firefox ends it.
      await page.waitForFunction((el) => el.querySelector('[role="log"]')?.textContent?.includes('hanging now'), { timeout: patient(30_000) }, section).catch(async (error: unknown) => {
        throw new Error(`no first line: ${await stateOf(section)}`, { cause: error });
      });

      const marks = await beatsDuring(page, 3_000);
      const gaps = marks.slice(1).map((mark, i) => mark - marks[i]!);
      // A hung page takes no turn at all in the window (60 are due), and the evaluate above
      // would not even return. A busy machine starves the page without hanging it: in CI, with
      // the hung frame spinning on one of two cores beside other test files, the page took only
      // 6 turns once, and its longest gap was 1,794 ms another time. So the bounds are the
      // ones a hung page cannot meet: a few turns, and no gap as long as the window.
      expect(marks.length, 'the page took no turns while the frame hung').toBeGreaterThanOrEqual(3);
      expect(Math.max(...gaps), 'the lesson page stalled while the frame hung').toBeLessThan(3_000);
      const text = await section.evaluate((el) => el.querySelector('[role="log"]')?.textContent ?? '');
      expect(await section.evaluate((el) => (el as HTMLElement).dataset['run']), text).toBe('running');

      const stopped = Date.now();
      await click(section, 'Stop');
      // Stop waits a second for the hung frame's goodbye, then removes it.
      await page.waitForFunction((el) => el.querySelector('iframe') === null, { timeout: 7_000 }, section);
      expect(Date.now() - stopped).toBeLessThan(6_000);
      await context.close();
    });
  }
});
