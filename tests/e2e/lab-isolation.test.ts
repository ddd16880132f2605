/**
 * Issue 10 §4 and §5, performed as attacks from lab code, in Chromium: code that tries to
 * forge its own feed, to reach another lab on the same page, or to carry its frame off to
 * another page. Code arrives through share links, as it would from a stranger.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { useChromium } from '../support/chromium.ts';
import { consoleText, feedOf, labSection, metGoalIds, pageWithLab, pickPlainBox, waitForRunEnd } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const CHANNEL = 'datachannel-loopback';
const CAMERA = 'camera-to-video';
const browser = useChromium();

async function runShared(page: Page, lab: string, code: string): Promise<void> {
  const hash = shareHash(lab, await encodeShare({ lab, files: { 'main.ts': code } }));
  await pickPlainBox(page, baseUrl);
  await page.goto(`${baseUrl}${pageWithLab(lab)}${hash}`);
  const section = labSection(page, lab);
  await section.locator('.lab-code > textarea').waitFor();
  await section.getByRole('button', { name: 'Run', exact: true }).click();
}

/**
 * Every way we know for lab code to claim the data-channel goals (an open channel, 'hello,
 * peer' received) without a connection. Before this defence the first (a nonce read from the
 * performance entries) met both goals.
 */
const FORGERIES = [
  "import { log } from 'lab';",
  "const forged = (type: string, extra: object) => ({ kind: 'feed', event: { type, at: 1, ...extra } });",
  "const events = [forged('dc-state', { dc: 'dc1', value: 'open', id: 0 }), forged('dc-message', { dc: 'dc1', direction: 'in', texts: ['hello, peer'], textsDropped: 0 })];",
  // 1. Any secret in the URL, the history or the performance entries, used on the window.
  'const secrets = [location.href, document.referrer, ...performance.getEntries().map((e) => e.name)].join(" ").match(/[0-9a-f]{32}/g) ?? [];',
  "log('secrets found:', secrets.length);",
  "for (const nonce of [...secrets, undefined]) for (const e of events) parent.postMessage({ ...e, nonce }, '*');",
  // 2. Catch the runner's port as it posts, and post on it.
  'let caught: MessagePort | null = null;',
  'const realPost = MessagePort.prototype.postMessage;',
  'MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) { caught = this; return Reflect.apply(realPost, this, args); };',
  "const realApply = Reflect.apply;",
  "Reflect.apply = function (fn: Function, self: unknown, args: unknown[]) { if (self instanceof MessagePort) caught = self; return realApply(fn, self, args); } as typeof Reflect.apply;",
  "log('console call, through the runner');",
  'await new Promise((r) => setTimeout(r, 100));',
  "log('port caught:', caught !== null);",
  'for (const e of events) (caught as MessagePort | null)?.postMessage(e);',
  // 3. A channel that never opens, made to look open, and a message that never came.
  'const pc = new RTCPeerConnection();',
  "const dc = pc.createDataChannel('chat');",
  "Object.defineProperty(RTCDataChannel.prototype, 'readyState', { get: () => 'open' });",
  "Object.defineProperty(RTCPeerConnection.prototype, 'connectionState', { get: () => 'connected' });",
  "dc.dispatchEvent(new Event('open'));",
  "dc.dispatchEvent(new MessageEvent('message', { data: 'hello, peer' }));",
  "pc.dispatchEvent(new Event('connectionstatechange'));",
  "log('forgeries sent');",
].join('\n');

describe('a run’s feed comes only from its own channel', () => {
  it('meets no goal with forged events, stolen ports or synthetic events', async () => {
    const page = await browser().newPage();
    await runShared(page, CHANNEL, FORGERIES);
    const section = labSection(page, CHANNEL);
    expect(await waitForRunEnd(section)).toBe('done');
    // Give any forged event time to land and the goal board a tick.
    await page.waitForTimeout(1_000);
    const text = await consoleText(section);
    expect(text).toContain('secrets found: 0');
    expect(text).toContain('port caught: false');
    expect(text).toContain('forgeries sent');
    expect(await metGoalIds(section)).toEqual([]);
    const feed = await feedOf(section);
    expect(feed.filter((e) => e.type === 'dc-state' && e.value === 'open')).toEqual([]);
    expect(feed.filter((e) => e.type === 'dc-message')).toEqual([]);
    expect(feed.filter((e) => e.type === 'pc-state' && e.value === 'connected')).toEqual([]);
    await page.close();
  });
});

describe('one live lab per page', () => {
  it('stops the first lab before the second one’s frame exists, so neither reaches the other', async () => {
    const page = await browser().newPage();
    // Lab A keeps looking for a sibling frame on its page and writes into any it can reach.
    const reacher = [
      "import { log } from 'lab';",
      'setInterval(() => {',
      '  for (let i = 0; i < parent.frames.length; i++) {',
      '    const other = parent.frames[i];',
      '    if (other === window) continue;',
      "    try { other.document.body.dataset['reached'] = 'yes'; log('reached a sibling'); } catch (error) { log('sibling:', (error as Error).name); }",
      '  }',
      '}, 20);',
      "log('A running');",
    ].join('\n');
    await runShared(page, CHANNEL, reacher);
    const a = labSection(page, CHANNEL);
    await a.locator('[role="log"]').getByText('A running').waitFor();

    // Lab B, on the same page: the camera lab's solution.
    const b = labSection(page, CAMERA);
    await b.getByRole('button', { name: 'Solution', exact: true }).click();
    await b.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => a.locator('.lab-notices').innerText()).toContain('another lab on this page started');
    expect(await a.locator('iframe').count()).toBe(0);
    expect(await a.getAttribute('data-run')).toBe('stopped');
    await waitForRunEnd(b);
    await expect.poll(async () => (await feedOf(b)).some((e) => e.type === 'video-frames' && e.frames >= 10), { timeout: patient(15_000) }).toBe(true);
    expect(await page.locator('iframe').count()).toBe(1);
    const bFrame = page.frames().find((f) => f.url().includes('/lab-frame/'));
    expect(await bFrame?.evaluate(() => document.body.dataset['reached'] ?? 'no')).toBe('no');
    expect(await consoleText(a)).not.toContain('reached a sibling');

    // And back: running A again stops B and releases its camera.
    await a.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => b.locator('.lab-notices').innerText()).toContain('another lab on this page started');
    expect(await page.locator('iframe').count()).toBe(1);
    expect((await feedOf(b)).some((e) => e.type === 'track-ended')).toBe(true);
    await page.close();
  });
});

describe('the frame made on Run’s approach, or at the click', () => {
  it('loads hidden while the pointer rests on Run, is the frame the run uses, and exists only while no lab runs', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}${pageWithLab(CHANNEL)}`);
    const a = labSection(page, CHANNEL);
    const b = labSection(page, CAMERA);
    await a.getByRole('button', { name: 'Run', exact: true }).hover();
    const standby = a.locator('.lab-frame-slot iframe');
    await standby.waitFor({ state: 'attached' });
    expect(await standby.isHidden()).toBe(true);
    // Its document and runner load before the click.
    await expect.poll(() => page.frames().some((f) => f.url().includes('/lab-frame/'))).toBe(true);

    // Another lab's Run approached: one frame waits, that lab's.
    await b.getByRole('button', { name: 'Run', exact: true }).hover();
    await b.locator('.lab-frame-slot iframe').waitFor({ state: 'attached' });
    await expect.poll(() => a.locator('iframe').count()).toBe(0);
    expect(await page.locator('iframe').count()).toBe(1);

    // Back to the first: its Run adopts the frame made for it, shown, and no other is made.
    await a.getByRole('button', { name: 'Run', exact: true }).hover();
    await standby.waitFor({ state: 'attached' });
    const made = await standby.elementHandle();
    await a.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRunEnd(a);
    expect(await consoleText(a)).toContain('Signaling done');
    expect(await made?.evaluate((frame) => frame.isConnected && !(frame as HTMLIFrameElement).hidden)).toBe(true);
    expect(await page.locator('iframe').count()).toBe(1);

    // While a lab runs, approaching another's Run makes nothing (two frames on the lab origin could reach into each other).
    await b.getByRole('button', { name: 'Run', exact: true }).hover();
    await page.waitForTimeout(300);
    expect(await page.locator('iframe').count()).toBe(1);
    await page.close();
  });

  it('is made at the click itself when nothing approached Run (a tap), before the controller has loaded', async () => {
    const page = await browser().newPage();
    // The controller's code is held back until the frame has been seen: the loader alone makes it.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/lab-controller.*', async (route) => {
      await held;
      await route.continue();
    });
    const config = page.waitForResponse((response) => response.url().endsWith('/lab-config.json'));
    await page.goto(`${baseUrl}${pageWithLab(CHANNEL)}`);
    await config;
    const section = labSection(page, CHANNEL);
    // element.click(): a click with no pointer moving over the button and no focus, as a tap can come.
    await section.getByRole('button', { name: 'Run', exact: true }).evaluate((button: HTMLElement) => button.click());
    const frame = section.locator('.lab-frame-slot iframe');
    await frame.waitFor({ state: 'attached' });
    await expect.poll(() => page.frames().some((f) => f.url().includes('/lab-frame/'))).toBe(true);
    expect(await section.getAttribute('data-active'), 'the controller has not loaded yet').toBe('loading');
    const made = await frame.elementHandle();
    release();
    await waitForRunEnd(section);
    expect(await consoleText(section)).toContain('Signaling done');
    expect(await made?.evaluate((element) => element.isConnected && !(element as HTMLIFrameElement).hidden), 'the run adopted the frame the click made').toBe(true);
    expect(await page.locator('iframe').count()).toBe(1);
    await page.close();
  });
});

describe('a frame that navigates is removed', () => {
  it('removes the output once lab code sends it to another page, and says why', async () => {
    const page = await browser().newPage();
    const port = new URL(baseUrl).port;
    // A page of the lab origin's own (the frame document itself), as a stand-in for a foreign
    // "Session expired" page: no traffic may leave the namespace.
    await runShared(page, CHANNEL, `setTimeout(() => { location.href = 'http://lab.localhost:${port}/lab-frame/?elsewhere'; }, 200);`);
    const section = labSection(page, CHANNEL);
    await expect.poll(() => section.getAttribute('data-run'), { timeout: patient(10_000) }).toBe('navigated');
    expect(await section.locator('iframe').count()).toBe(0);
    expect(await section.locator('.lab-notices').innerText()).toContain('sent its output frame to another page');
    await page.close();
  });
});
