/**
 * The lab console in Chromium, for values that read better as blocks than as one line: a
 * stats report opened entry by entry from the keyboard, SDP shown line by line, and a media
 * error shown once, naming the constraint, when the learner's code did not catch it.
 * Code is handed in through share links, as in lab-runtime.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { useChromium } from '../support/chromium.ts';
import { consoleText, labSection, pageWithLab, pickPlainBox, waitForRunEnd } from '../support/labs.ts';

const baseUrl = inject('baseUrl');
const CAMERA = 'camera-to-video';
const CHANNEL = 'datachannel-loopback';
const browser = useChromium();

/** Opens the lab with `code` from a share link (on the Korean page for 'ko'), runs it, and waits for the end. */
async function runShared(page: Page, lab: string, code: string, locale: 'en' | 'ko' = 'en'): Promise<Locator> {
  const hash = shareHash(lab, await encodeShare({ lab, files: { 'main.ts': code } }));
  await pickPlainBox(page, baseUrl);
  await page.goto(`${baseUrl}${locale === 'ko' ? '/ko' : ''}${pageWithLab(lab)}${hash}`);
  const section = labSection(page, lab);
  await section.locator('.lab-code > textarea').waitFor();
  await section.locator('[data-action="run"]').click();
  await waitForRunEnd(section);
  return section;
}

/** Opens a <details> the way a keyboard user does: focus its summary, press the key. */
async function openByKeyboard(details: Locator, key: 'Enter' | 'Space'): Promise<void> {
  const summary = details.locator(':scope > summary');
  await summary.focus();
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  await details.page().keyboard.press(key);
  await expect.poll(() => details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
}

/** Two connections in one frame, connected, with a data channel: a report with real entries. */
const CONNECTED_PAIR = [
  'const a = new RTCPeerConnection();',
  'const b = new RTCPeerConnection();',
  'a.onicecandidate = (e) => { if (e.candidate) void b.addIceCandidate(e.candidate); };',
  'b.onicecandidate = (e) => { if (e.candidate) void a.addIceCandidate(e.candidate); };',
  "a.createDataChannel('chat');",
  'await a.setLocalDescription();',
  'await b.setRemoteDescription(a.localDescription!);',
  'await b.setLocalDescription();',
  'await a.setRemoteDescription(b.localDescription!);',
  "while (a.connectionState !== 'connected') await new Promise((resolve) => setTimeout(resolve, 50));",
];

describe('the console opens what a learner inspects', () => {
  it('lets a stats report be opened entry by entry with the keyboard, each with its id, type and fields', async () => {
    const page = await browser().newPage();
    const section = await runShared(page, CHANNEL, [...CONNECTED_PAIR, "console.log('report', await a.getStats());"].join('\n'));
    const report = section.locator('.lab-console details.stats');
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.locator(':scope > summary').innerText()).toMatch(/^RTCStatsReport\(\d+\)$/);
    expect(await consoleText(section)).toContain('report');

    await openByKeyboard(report, 'Enter');
    const entries = report.locator(':scope > details.stats-entry');
    const types = await entries.locator('.stats-type').allInnerTexts();
    expect(types).toEqual(expect.arrayContaining(['peer-connection', 'transport', 'candidate-pair', 'local-candidate', 'data-channel']));
    // Every entry names its id and type; none is a bare `{…}`.
    for (const summary of await entries.locator(':scope > summary').allInnerTexts()) {
      expect(summary).toMatch(/^[a-z-]+ \S+$/);
      expect(summary).not.toContain('{…}');
    }

    const transport = entries.filter({ has: page.locator('.stats-type', { hasText: /^transport$/ }) }).first();
    expect(await transport.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await openByKeyboard(transport, 'Space');
    const fields = transport.locator('dl.stats-fields');
    const keys = await fields.locator('dt').allInnerTexts();
    expect(keys).toEqual(expect.arrayContaining(['timestamp', 'bytesSent', 'bytesReceived', 'dtlsState', 'selectedCandidatePairId']));
    expect(await fields.locator('dt', { hasText: /^dtlsState$/ }).locator('xpath=following-sibling::dd[1]').innerText()).toBe('"connected"');
    await page.close();
  });

  it('shows SDP line by line, a long one folded, whether logged as a description or as a string', async () => {
    const page = await browser().newPage();
    const code = [...CONNECTED_PAIR, 'console.log(a.localDescription);', "console.log('sdp', a.localDescription!.sdp);", "log('lines', a.localDescription!.sdp.split('\\r\\n').length - 1);"];
    const section = await runShared(page, CHANNEL, ["import { log } from 'lab';", ...code].join('\n'));
    const blocks = section.locator('.lab-console details.sdp');
    await expect.poll(() => blocks.count()).toBe(2);
    const lineCount = Number(/^lines (\d+)$/m.exec(await consoleText(section))?.[1]);
    expect(lineCount).toBeGreaterThan(8);

    const [description, bare] = [blocks.nth(0), blocks.nth(1)];
    expect(await description.locator(':scope > summary').innerText()).toBe(`RTCSessionDescription {type: "offer"} · SDP, ${lineCount} lines`);
    expect(await bare.locator(':scope > summary').innerText()).toBe(`SDP, ${lineCount} lines`);
    await openByKeyboard(description, 'Enter');
    const lines = description.locator('.sdp-line');
    expect(await lines.count()).toBe(lineCount);
    expect(await lines.first().innerText()).toBe('v=0');
    const texts = await lines.allInnerTexts();
    expect(texts.some((line) => line.startsWith('a=ice-ufrag:'))).toBe(true);
    expect(texts.every((line) => /^[a-z]=/.test(line))).toBe(true);
    // One line a row, in the console's monospace font; never one escaped string.
    const style = await lines.nth(1).evaluate((el) => ({ display: getComputedStyle(el).display, font: getComputedStyle(el).fontFamily }));
    expect(style.display).toBe('block');
    expect(style.font).toMatch(/mono/i);
    expect(await consoleText(section)).not.toContain('\\r\\n');
    await page.close();
  });
});

describe('an OverconstrainedError the code did not catch', () => {
  const code = 'await navigator.mediaDevices.getUserMedia({ video: { width: { exact: 99999 } } });';

  const errorEntries = (section: Locator): Locator => section.locator('.lab-console .entry[data-level="error"]');

  it('is one entry that names the constraint, says it was not caught, and gives the hint', async () => {
    const page = await browser().newPage();
    const section = await runShared(page, CAMERA, code);
    expect(await section.getAttribute('data-run')).toBe('error');
    const entries = errorEntries(section);
    await expect.poll(() => entries.count()).toBe(1);
    const text = await entries.first().innerText();
    expect(text).toContain('getUserMedia: OverconstrainedError: no camera can satisfy the constraint “width”');
    expect(text).toContain('Error not caught by your code');
    expect(await entries.first().locator('.hint').innerText()).toBe('No device can satisfy these constraints. Use ideal values instead of exact ones.');
    expect(await section.locator('.lab-console .entry').count()).toBe(1);
    await page.close();
  });

  it('says the same in Korean on the Korean page', async () => {
    const page = await browser().newPage();
    const section = await runShared(page, CAMERA, code, 'ko');
    const entries = errorEntries(section);
    await expect.poll(() => entries.count()).toBe(1);
    const text = await entries.first().innerText();
    expect(text).toContain('getUserMedia: OverconstrainedError: “width” 제약 조건을 만족하는 카메라가 없습니다');
    expect(text).toContain('코드에서 잡지 않은 오류');
    expect(await entries.first().locator('.hint').innerText()).toBe('이 제약 조건을 만족하는 장치가 없습니다. exact 대신 ideal 값을 써 보세요.');
    await page.close();
  });

  it('stays a plain media error, not an uncaught one, when the code catches it', async () => {
    const page = await browser().newPage();
    const caught = `try {\n  ${code}\n} catch (error) {\n  console.warn('handled', (error as Error).name);\n}`;
    const section = await runShared(page, CAMERA, caught);
    expect(await section.getAttribute('data-run')).toBe('done');
    await expect.poll(() => consoleText(section)).toContain('handled OverconstrainedError');
    const entries = errorEntries(section);
    expect(await entries.count()).toBe(1);
    expect(await entries.first().innerText()).not.toContain('not caught');
    await page.close();
  });
});
