/**
 * What a first visit to a reading page downloads, as served: every response's encoded body,
 * with a cold cache, until the page has been idle for a while (so whatever loads on idle is
 * counted too). Starlight's own promise is 50 KB; the editor, Pagefind's UI and the lab
 * frame load only when the learner asks for them. The figures are printed for the notes.
 */
import { describe, expect, inject, it } from 'vitest';
import { useChromium, watchForProblems } from '../support/chromium.ts';
import { heaviestLessons } from '../support/site-files.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const browser = useChromium();

/** Starlight's promise, and issue 13's goal. */
const FIRST_VISIT_BUDGET = 50 * 1024;
/** Longer than any idle callback a page schedules after load. */
const IDLE_MS = 2000;

/** The home pages, a lesson with a lab, and the heaviest lesson as served in each language. */
function pagesToWeigh(): Array<{ page: string; budget: number }> {
  const { en, ko } = heaviestLessons();
  return ['/', '/ko/', '/start/how-labs-work/', '/ko/media/camera-and-microphone/', en, ko].map((page) => ({ page, budget: FIRST_VISIT_BUDGET }));
}

describe('a first visit to a reading page', () => {
  it.for(pagesToWeigh())('$page stays within $budget bytes as served, idle loads included', async ({ page, budget }, { expect }) => {
    const context = await browser().newContext();
    const tab = await context.newPage();
    const problems = watchForProblems(tab);
    const loads: Array<{ url: string; bytes: number; encoding: string }> = [];
    tab.on('requestfinished', (request) => {
      void Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
        loads.push({ url: request.url(), bytes: sizes.responseBodySize, encoding: response?.headers()['content-encoding'] ?? 'none' });
      });
    });
    await tab.goto(baseUrl + page, { waitUntil: 'networkidle' });
    await tab.waitForTimeout(IDLE_MS);
    const total = loads.reduce((sum, { bytes }) => sum + bytes, 0);
    const list = loads.map(({ url, bytes, encoding }) => `${new URL(url).pathname} ${bytes} B (${encoding})`).join('\n');
    console.log(`${page}: ${total} B in ${loads.length} responses\n${list}`);
    expect(loads.some(({ url }) => url.includes('/pagefind/')), `Pagefind loads only when search is approached:\n${list}`).toBe(false);
    expect(await tab.locator('#starlight__search').innerHTML(), 'Pagefind’s UI renders only when search is approached').toBe('');
    expect(loads.filter(({ url, bytes }) => bytes > 1024 && /\.(?:html|js|css|svg)$|\/$/.test(new URL(url).pathname)).every(({ encoding }) => encoding === 'br'), list).toBe(true);
    expect(total, list).toBeLessThanOrEqual(budget);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('loads Pagefind when the search button is hovered, and search still finds', async () => {
    const context = await browser().newContext();
    const tab = await context.newPage();
    const problems = watchForProblems(tab);
    const afterIdle: string[] = [];
    let idle = false;
    tab.on('request', (request) => {
      if (idle) afterIdle.push(new URL(request.url()).pathname);
    });
    await tab.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await tab.waitForTimeout(IDLE_MS);
    idle = true;
    const searchForm = tab.locator('#starlight__search .pagefind-ui__search-input');
    expect(await searchForm.count()).toBe(0);
    await tab.hover('button[data-open-modal]');
    // Pagefind's UI (bundled under _astro/) renders its form into the still-closed dialog.
    await expect.poll(() => searchForm.count()).toBe(1);
    expect(afterIdle.some((each) => each.startsWith('/_astro/'))).toBe(true);
    await tab.click('button[data-open-modal]');
    await expect.poll(() => tab.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__search-input'))).toBe(true);
    await tab.keyboard.type('ICE');
    await expect.poll(() => tab.locator('dialog[open] .pagefind-ui__result').count(), { timeout: patient(10_000) }).toBeGreaterThan(0);
    expect(afterIdle).toContain('/pagefind/pagefind.js');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens search with Ctrl+K before anything loaded, and focuses its field once it has', async () => {
    const context = await browser().newContext();
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/ko/`, { waitUntil: 'networkidle' });
    // The shortcut is listened for once the search element's script ran, which enables its button.
    await tab.locator('button[data-open-modal]:enabled').waitFor();
    await tab.keyboard.press('Control+k');
    await tab.locator('site-search dialog[open]').waitFor();
    await expect.poll(() => tab.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__search-input'))).toBe(true);
    await tab.keyboard.type('시그널링');
    await expect.poll(() => tab.locator('dialog[open] .pagefind-ui__result').count(), { timeout: patient(10_000) }).toBeGreaterThan(0);
    await context.close();
  });
});
