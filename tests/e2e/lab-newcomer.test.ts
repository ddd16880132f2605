/**
 * What a newcomer tripped on, each as a scenario: the code box shows what Run runs, the output
 * grows with its content and can be resized, the goal state sits beside the output and is
 * announced, a double Run leaves one frame, the frame follows the theme, and imports are read
 * from the code, not from its comments.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { draftKey, parseDraftRecord, saveDraft, serializeDraftRecord } from '../../src/lib/drafts.ts';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { useChromium } from '../support/chromium.ts';
import { patient } from '../support/patience.ts';
import { consoleText, feedOf, labSection, pageWithLab, pickPlainBox, waitForAllGoals, waitForRunEnd } from '../support/labs.ts';

const baseUrl = inject('baseUrl');
const CHANNEL = 'datachannel-loopback';
const browser = useChromium();
const button = (name: string) => ({ name, exact: true });

async function openShared(page: Page, lab: string, files: Record<string, string>, prefix = ''): Promise<void> {
  const hash = shareHash(lab, await encodeShare({ lab, files }));
  await page.goto(`${baseUrl}${prefix}${pageWithLab(lab)}${hash}`);
  await labSection(page, lab).locator('.monaco-editor').waitFor();
}

describe('the code box shows what Run runs', () => {
  it('shows a saved draft after a reload, not the starter', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    const section = labSection(page, CHANNEL);
    const { starterHash, starter } = JSON.parse((await section.getAttribute('data-lab-json')) ?? '{}') as { starterHash: string; starter: Record<string, string> };
    const draft = { ...starter, 'main.ts': "import { log } from 'lab';\nlog('my own draft');\n" };
    const record = saveDraft(parseDraftRecord(null), starterHash, draft, starter, Date.now());
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [draftKey(CHANNEL), serializeDraftRecord(record)]);
    await page.reload();
    await expect.poll(() => section.locator('.lab-code').innerText()).toContain("log('my own draft');");
    await section.getByRole('button', button('Run')).click();
    expect(await waitForRunEnd(section)).toBe('done');
    expect(await consoleText(section)).toContain('my own draft');
    await page.close();
  });
});

describe('the output', () => {
  it('grows with its content within limits, and the learner can resize it', async () => {
    const page = await browser().newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const tall = "document.body.append(Object.assign(document.createElement('div'), { style: 'height: 640px' }));\n";
    await openShared(page, CHANNEL, { 'main.ts': tall, 'index.html': '<p>top</p>' });
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', button('Run')).click();
    expect(await waitForRunEnd(section)).toBe('done');
    const slot = section.locator('.lab-frame-slot');
    await expect.poll(async () => (await slot.boundingBox())?.height ?? 0).toBeGreaterThan(640);
    expect(await slot.evaluate((el) => getComputedStyle(el).resize)).toBe('vertical');
    await page.close();
  });

  it('shows the goal state beside the output and announces each goal met', async () => {
    const page = await browser().newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await pickPlainBox(page, baseUrl);
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', button('Solution')).click();
    await section.getByRole('button', button('Run')).click();
    await waitForAllGoals(section);
    const status = section.locator('.lab-goal-status');
    await expect.poll(() => status.locator('li[data-met="true"]').count()).toBe(2);
    expect(await status.locator('.lab-goal-count').innerText()).toBe('Goals met: 2 of 2');
    // Beside the frame: in view together with it.
    const [frame, box] = [await section.locator('.lab-frame-slot').boundingBox(), await status.boundingBox()];
    expect(frame && box && box.x > frame.x + frame.width - 1).toBe(true);
    expect(await section.getByRole('status').filter({ hasText: 'Goal met:' }).innerText()).toMatch(/Goal met: The data channel opened\.|Goal met: The message/);
    await page.close();
  });

  it('resets met goals at every Run', async () => {
    const page = await browser().newPage();
    await pickPlainBox(page, baseUrl);
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', button('Solution')).click();
    await section.getByRole('button', button('Run')).click();
    await waitForAllGoals(section);
    await section.getByRole('button', button('My code')).click();
    await section.getByRole('button', button('Run')).click();
    expect(await waitForRunEnd(section)).toBe('done');
    // The starter sends nothing: its message goal is unmet again, whatever the last run did.
    await expect.poll(() => section.locator('.lab-goals li[data-goal="message"]').getAttribute('data-met')).toBe('false');
    await page.close();
  });
});

describe('type errors', () => {
  it('are reported with their lines on Run, and the code runs anyway', async () => {
    const page = await browser().newPage();
    const code = "import { log } from 'lab';\nconst count: number = 'three';\nlog('ran anyway', count);\n";
    await openShared(page, CHANNEL, { 'main.ts': code });
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', button('Run')).click();
    expect(await waitForRunEnd(section)).toBe('done');
    await expect.poll(() => consoleText(section), { timeout: patient(30_000) }).toMatch(/main\.ts:2\s*TS2322: Type 'string' is not assignable to type 'number'/);
    expect(await consoleText(section)).toContain('ran anyway');
    await page.close();
  });
});

describe('actions in flight', () => {
  it('a double Run leaves one frame and one feed', async () => {
    const page = await browser().newPage();
    await openShared(page, CHANNEL, { 'main.ts': "import { log } from 'lab';\nlog('once');\n" });
    const section = labSection(page, CHANNEL);
    const run = section.getByRole('button', button('Run'));
    await run.click();
    await run.click();
    expect(await waitForRunEnd(section)).toBe('done');
    await expect.poll(() => section.locator('iframe').count()).toBe(1);
    await expect.poll(async () => (await feedOf(section)).filter((e) => e.type === 'done').length).toBe(1);
    expect((await consoleText(section)).match(/once/g)).toHaveLength(1);
    await page.close();
  });
});

describe('the frame', () => {
  it('follows the dark theme', async () => {
    const page = await browser().newPage();
    await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
    await openShared(page, CHANNEL, { 'main.ts': '1;\n' });
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', button('Run')).click();
    expect(await waitForRunEnd(section)).toBe('done');
    const frame = section.frameLocator('iframe');
    expect(await frame.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.close();
  });
});

describe('imports', () => {
  it('come from the code, not from comments or strings', async () => {
    const page = await browser().newPage();
    const code = "// const fs = require('fs');\nimport { log } from 'lab';\nlog(\"require('child_process') is just text\");\n";
    await openShared(page, CHANNEL, { 'main.ts': code });
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', button('Run')).click();
    expect(await waitForRunEnd(section)).toBe('done');
    expect(await consoleText(section)).toContain("require('child_process') is just text");
    await page.close();
  });

  it('refuses a module labs cannot use, on its line, in the page’s language', async () => {
    const page = await browser().newPage();
    await openShared(page, CHANNEL, { 'main.ts': "const a = 1;\nimport fs from 'fs';\nfs.readFileSync(String(a));\n" }, '/ko');
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', button('실행')).click();
    expect(await waitForRunEnd(section)).toBe('error');
    expect((await feedOf(section)).filter((e) => e.type === 'error')).toMatchObject([{ line: 2, message: expect.stringContaining('"fs" 모듈은 가져올 수 없습니다') }]);
    await page.close();
  });
});
