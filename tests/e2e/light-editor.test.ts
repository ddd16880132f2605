/**
 * What the editor costs a learner. On a slow link (Chromium under network emulation slow enough
 * to report a 3G-class connection) the code opens in the plain text box without downloading
 * Monaco, with an offer of the full editor; the learner's edits carry over when they take it.
 * In the full editor, the CSS and HTML language workers load only when their files are shown.
 * A learner can pick the plain box under Monaco, and the pick stands on every lab until they take
 * the full editor again.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium, watchForProblems } from '../support/chromium.ts';
import { EDITOR_KEY } from '../../src/lib/storage-keys.ts';
import { consoleText, labSection, pageWithLab, waitForRunEnd } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const LAB = 'datachannel-loopback';
const OTHER_LAB = 'datachannel-echo';

/** Every request for Monaco's chunks the page makes from now on. */
function monacoRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\/_astro\/editor\./.test(request.url())) urls.push(request.url());
  });
  return urls;
}

describe('the editor on a slow link', () => {
  it('opens the text box first, offers the full editor, and keeps the code typed', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(baseUrl + pageWithLab(LAB), { waitUntil: 'networkidle' });
    // 400 ms and 400 kbit/s: what Chromium's Network Information API calls a 3g link.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
    await expect.poll(() => page.evaluate(() => (navigator as Navigator & { connection?: { effectiveType?: string } }).connection?.effectiveType)).toMatch(/^(?:slow-2g|2g|3g)$/);
    const monaco = monacoRequests(page);

    const section = labSection(page, LAB);
    await section.getByRole('button', { name: 'Edit', exact: true }).click();
    // The light box is the one text area outside Monaco (Monaco has its own, for input).
    const box = section.locator('.lab-code textarea:not(.monaco-editor textarea)');
    await box.waitFor();
    expect(await section.locator('.lab-notices').innerText()).toContain('connection is slow');
    expect(monaco).toEqual([]);
    await box.fill("import { log } from 'lab';\nlog('typed in the light box');\n");

    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await section.getByRole('button', { name: 'Load the full editor', exact: true }).click();
    // Monaco draws spaces as no-break spaces.
    await expect.poll(async () => (await section.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' '), { timeout: patient(20_000) }).toContain('typed in the light box');
    expect(monaco.length).toBeGreaterThan(0);
    expect(await box.count()).toBe(0);
    await section.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForRunEnd(section)).toBe('done');
    expect(await consoleText(section)).toContain('typed in the light box');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the full editor', () => {
  it("starts a language's worker when its file is first shown, not on Edit", async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    // In the page, in order: when the editor first shows the code, and each worker it makes.
    await page.addInitScript(() => {
      const order: string[] = [];
      (window as unknown as { order: string[] }).order = order;
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          order.push(`worker ${String(url)}`);
          super(url, options);
        }
      };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.monaco-editor .view-lines')?.textContent?.trim()) return;
        order.push('code shown');
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(baseUrl + pageWithLab(LAB), { waitUntil: 'networkidle' });
    const section = labSection(page, LAB);
    await section.getByRole('button', { name: 'Edit', exact: true }).click();
    await section.locator('.monaco-editor .view-lines').waitFor();
    await expect.poll(() => workers.some((path) => path.includes('/ts.worker'))).toBe(true);
    // The TypeScript worker starts after the code could be read and typed in, not before.
    const order = await page.evaluate(() => (window as unknown as { order: string[] }).order);
    expect(order.indexOf('code shown')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('code shown')).toBeLessThan(order.findIndex((entry) => entry.includes('ts.worker')));
    await page.waitForTimeout(1000);
    expect(workers.filter((path) => /\/(?:css|html)\.worker/.test(path))).toEqual([]);
    await section.getByRole('tab', { name: 'style.css' }).click();
    await expect.poll(() => workers.some((path) => path.includes('/css.worker'))).toBe(true);
    await section.getByRole('tab', { name: 'index.html' }).click();
    await expect.poll(() => workers.some((path) => path.includes('/html.worker'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the plain box, picked', () => {
  it('replaces Monaco with the code as typed, stays picked on another lab and after a reload, and gives way to the full editor again', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const monaco = monacoRequests(page);
    await page.goto(baseUrl + pageWithLab(LAB));
    const section = labSection(page, LAB);
    await section.getByRole('button', { name: 'Edit', exact: true }).click();
    await section.locator('.monaco-editor .view-lines').waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.type("\nlog('typed in Monaco');");
    await section.getByRole('button', { name: 'Use a plain text box instead', exact: true }).click();
    const box = section.locator('.lab-code > textarea');
    await expect.poll(() => box.inputValue()).toContain("log('typed in Monaco');");
    expect(await section.locator('.monaco-editor').count()).toBe(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), EDITOR_KEY)).toBe('plain');

    // Another lab, in a page that never loaded Monaco: the box at once, nothing of Monaco fetched.
    const other = await context.newPage();
    problems.push(...watchForProblems(other));
    const otherRequests = monacoRequests(other);
    await other.goto(baseUrl + pageWithLab(OTHER_LAB));
    const otherSection = labSection(other, OTHER_LAB);
    await otherSection.getByRole('button', { name: 'Edit', exact: true }).hover();
    await otherSection.getByRole('button', { name: 'Edit', exact: true }).click();
    await otherSection.locator('.lab-code > textarea').waitFor();
    await other.waitForTimeout(500);
    expect(otherRequests).toEqual([]);
    await otherSection.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForRunEnd(otherSection)).toBe('done');

    // The full editor again, picked: it stands after a reload.
    await otherSection.getByRole('button', { name: 'Load the full editor', exact: true }).click();
    await otherSection.locator('.monaco-editor .view-lines').waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), EDITOR_KEY)).toBe('full');
    await page.reload();
    await labSection(page, LAB).getByRole('button', { name: 'Edit', exact: true }).click();
    await labSection(page, LAB).locator('.monaco-editor .view-lines').waitFor();
    expect(await labSection(page, LAB).locator('.lab-code > textarea').count()).toBe(0);
    expect(monaco.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
