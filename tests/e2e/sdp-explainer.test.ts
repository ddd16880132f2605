/**
 * The SDP explainer on a built lesson page, in Chromium: each line's meaning opens on hover and
 * on keyboard focus, is in the accessibility tree as the line's description either way, is in
 * the page's language, and the component fits a phone's width in both themes.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium, watchForProblems } from '../support/chromium.ts';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const PAGE = '/connections/peer-connection/';
const SDP_LINES = readFileSync(new URL('../../src/content/sdp/loopback-call-offer.sdp', import.meta.url), 'utf8').split('\r\n').filter((line) => line !== '');
const HANGUL = /[가-힣]/;

async function open(path: string, options: { width?: number; theme?: 'light' | 'dark' } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser().newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  if (options.theme) await context.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), options.theme);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** The list item of the first line with this text. */
function lineItem(page: Page, text: string): Locator {
  const index = SDP_LINES.indexOf(text);
  if (index < 0) throw new Error(`the recorded offer has no line ${text}`);
  return page.locator('.sdp-explainer .sdp-line').nth(index);
}

/** Height of a line's explanation box: 1 px while hidden (clipped, still read by screen readers). */
async function shownHeight(page: Page, text: string): Promise<number> {
  return (await lineItem(page, text).locator('.sdp-why').boundingBox())?.height ?? 0;
}

/** The accessible description Chromium computed for the element matching `selector`. */
async function accessibleDescription(page: Page, selector: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return String(nodes[0]?.description?.value ?? '');
}

describe('the SDP explainer on a lesson page', () => {
  it('shows every line of the recorded offer, each with an explanation', async () => {
    const { page, problems } = await open(PAGE);
    const codes = page.locator('.sdp-explainer .sdp-line code');
    expect(await codes.allTextContents()).toEqual(SDP_LINES);
    expect(await page.locator('.sdp-explainer .sdp-line.sdp-unknown').count()).toBe(0);
    expect(await page.locator('.sdp-explainer code[tabindex="0"]').count()).toBe(SDP_LINES.length);
    expect(await page.locator('.sdp-explainer script').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens a line’s explanation on hover, and closes it when the pointer leaves', async () => {
    const { page, problems } = await open(PAGE);
    const line = 'a=rtpmap:111 opus/48000/2';
    expect(await shownHeight(page, line)).toBeLessThanOrEqual(1);
    await lineItem(page, line).locator('code').hover();
    expect(await shownHeight(page, line)).toBeGreaterThan(10);
    const why = lineItem(page, line).locator('.sdp-why');
    expect(await why.textContent()).toContain('Payload type 111 is Opus at 48 kHz');
    await page.locator('h1').hover();
    expect(await shownHeight(page, line)).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens it on Tab focus, names it as the line’s description, and can be skipped', async () => {
    const { page, problems } = await open(PAGE);
    await page.locator('.sdp-explainer .sdp-hint').click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('sdp-skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('v=0');
    expect(await shownHeight(page, 'v=0')).toBeGreaterThan(10);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(SDP_LINES[1]);
    expect(await shownHeight(page, 'v=0')).toBeLessThanOrEqual(1);
    expect(await shownHeight(page, SDP_LINES[1] ?? '')).toBeGreaterThan(10);

    // A screen reader hears the explanation as the description, shown or not.
    const setupLine = page.locator('.sdp-explainer code', { hasText: 'a=setup:actpass' }).first();
    const describedBy = await setupLine.getAttribute('aria-describedby');
    expect(await accessibleDescription(page, `code[aria-describedby="${describedBy}"]`)).toContain('this side can be the DTLS client or the server (actpass)');

    // The skip link jumps past every line's tab stop.
    await page.locator('.sdp-explainer .sdp-hint').click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('sdp-end');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('speaks Korean on the Korean page, breaking lines between words', async () => {
    const { page, problems } = await open(`/ko${PAGE}`);
    expect(await page.locator('.sdp-explainer .sdp-hint').textContent()).toMatch(HANGUL);
    const explanations = await page.locator('.sdp-explainer .sdp-why').allTextContents();
    expect(explanations).toHaveLength(SDP_LINES.length);
    expect(explanations.filter((text) => !HANGUL.test(text))).toEqual([]);
    const line = 'a=rtpmap:111 opus/48000/2';
    await lineItem(page, line).locator('code').hover();
    const why = lineItem(page, line).locator('.sdp-why');
    expect(await why.textContent()).toContain('페이로드 타입 111: Opus(RTP 클럭 48 kHz, 채널 2개)');
    expect(await why.evaluate((el) => [getComputedStyle(el).wordBreak, getComputedStyle(el).fontStyle])).toEqual(['keep-all', 'normal']);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`fits a 390 px phone in the ${theme} theme, with readable text`, async () => {
      const { page, problems } = await open(PAGE, { width: 390, theme });
      expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
      const list = page.locator('.sdp-explainer .sdp-lines');
      const widths = await list.evaluate((el) => ({ page: document.documentElement.scrollWidth, view: window.innerWidth, list: el.scrollWidth, listBox: el.clientWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.view);
      expect(widths.list).toBeLessThanOrEqual(widths.listBox);

      const fingerprint = page.locator('.sdp-explainer code', { hasText: 'a=fingerprint:' }).first();
      await fingerprint.focus();
      const contrast = await page.evaluate(() => {
        const rgb = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const luminance = (value: string): number => {
          const [r = 0, g = 0, b = 0] = rgb(value).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (fg: string, bg: string): number => {
          const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
          return (a + 0.05) / (b + 0.05);
        };
        const list = document.querySelector('.sdp-explainer .sdp-lines') as HTMLElement;
        const plain = document.querySelector('.sdp-explainer .sdp-line:not(:focus-within) code') as HTMLElement;
        const focused = document.activeElement as HTMLElement;
        const why = focused.parentElement?.querySelector('.sdp-why') as HTMLElement;
        return {
          line: ratio(getComputedStyle(plain).color, getComputedStyle(list).backgroundColor),
          focusedLine: ratio(getComputedStyle(focused).color, getComputedStyle(focused).backgroundColor),
          explanation: ratio(getComputedStyle(why).color, getComputedStyle(why).backgroundColor),
          explanationWidth: why.getBoundingClientRect().right <= window.innerWidth,
        };
      });
      expect(contrast.line).toBeGreaterThanOrEqual(4.5);
      expect(contrast.focusedLine).toBeGreaterThanOrEqual(4.5);
      expect(contrast.explanation).toBeGreaterThanOrEqual(4.5);
      expect(contrast.explanationWidth).toBe(true);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
