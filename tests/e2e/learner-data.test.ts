/**
 * The learner's data in Chromium, as a careless learner and a school meet it: two tabs of one
 * lab, a browser restart, storage that is full or turned off, and the "Your work" page's export,
 * import and forgetting, in both languages. (A changed starter: tests/e2e/lab-runtime.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { draftKey, LABS_DONE_KEY } from '../../src/lib/storage-keys.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, useChromium, watchForProblems } from '../support/chromium.ts';
import { consoleText, filesOf, labSection, pageWithLab, waitForRunEnd } from '../support/labs.ts';

const baseUrl = inject('baseUrl');
const LAB = 'datachannel-loopback';
const browser = useChromium();
const named = (name: string) => ({ name, exact: true });

async function openEditor(page: Page): Promise<Locator> {
  await page.goto(baseUrl + pageWithLab(LAB));
  const section = labSection(page, LAB);
  await section.getByRole('button', named('Edit')).click();
  await section.locator('.monaco-editor').waitFor();
  return section;
}

async function typeAtEnd(page: Page, section: Locator, text: string): Promise<void> {
  await section.locator('.monaco-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await expect.poll(async () => (await filesOf(section))['main.ts']).toContain(text.trim());
}

const stored = (page: Page, key: string): Promise<string | null> => page.evaluate((k) => localStorage.getItem(k), key);

/** Storage that throws as a full disk does (setItem), or as storage turned off does (every call). */
async function brokenStorage(context: BrowserContext, how: 'full' | 'off'): Promise<void> {
  await context.addInitScript((mode) => {
    const fail = (name: string) => () => {
      throw new DOMException('refused by the test', name);
    };
    Storage.prototype.setItem = fail(mode === 'full' ? 'QuotaExceededError' : 'SecurityError');
    if (mode === 'off') {
      Storage.prototype.getItem = fail('SecurityError');
      Storage.prototype.key = fail('SecurityError');
    }
  }, how);
}

describe('two tabs of one lab', () => {
  it('a save in one asks the other which code to keep; neither replaces the other’s code unasked', async () => {
    const context = await browser().newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    const problems = [...watchForProblems(a), ...watchForProblems(b)];
    const [inA, inB] = [await openEditor(a), await openEditor(b)];

    await typeAtEnd(a, inA, '\n// typed in tab A');
    await expect.poll(() => stored(a, draftKey(LAB))).toContain('// typed in tab A');
    const question = inB.getByText('This lab’s code was changed in another tab or window.');
    await question.waitFor();

    // Typing on in B while it is asked writes nothing over A's code.
    await typeAtEnd(b, inB, '\n// typed in tab B');
    await b.waitForTimeout(1500);
    expect(await stored(a, draftKey(LAB))).not.toContain('// typed in tab B');

    // B keeps its own code: now it is saved, and A is asked in turn.
    await inB.getByRole('button', named('Keep this tab’s code')).click();
    await expect.poll(() => stored(b, draftKey(LAB))).toContain('// typed in tab B');
    expect(await stored(b, draftKey(LAB))).not.toContain('// typed in tab A');
    await inA.getByText('This lab’s code was changed in another tab or window.').waitFor();
    await inA.getByRole('button', named('Load the other tab’s code')).click();
    expect((await filesOf(inA))['main.ts']).toContain('// typed in tab B');
    expect(await question.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a browser restart', () => {
  it('keeps the draft and the finished lab: the editor opens with the code, the goals show met', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'webrtc-lab-profile-'));
    const open = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
    try {
      const first = await open();
      const page = first.pages()[0] ?? (await first.newPage());
      const typeScript = page.waitForResponse((response) => response.url().includes('/ts.worker'));
      const section = await openEditor(page);
      await section.getByRole('button', named('Solution')).click();
      await section.getByRole('button', named('Run')).click();
      await waitForRunEnd(section);
      await section.locator('.lab-goals li[data-met="false"]').first().waitFor({ state: 'detached' });
      await section.getByRole('button', named('My code')).click();
      await typeAtEnd(page, section, '\n// before the restart');
      await expect.poll(() => stored(page, draftKey(LAB))).toContain('// before the restart');
      await (await typeScript).finished();
      await first.close();

      const second = await open();
      const again = second.pages()[0] ?? (await second.newPage());
      await again.goto(baseUrl + pageWithLab(LAB));
      const reopened = labSection(again, LAB);
      // Before any lab code loads, the reading page shows the goals met and the saved draft.
      expect(await reopened.locator('.lab-goals li[data-met="false"]').count()).toBe(0);
      await expect.poll(() => reopened.locator('.lab-code pre.lab-draft').innerText()).toContain('// before the restart');
      await second.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('storage the browser refuses', () => {
  it.each(['full', 'off'] as const)('storage %s: the lab says edits last until the page is left, and still runs', async (how) => {
    const context = await browser().newContext();
    await brokenStorage(context, how);
    const page = await context.newPage();
    const section = await openEditor(page);
    await typeAtEnd(page, section, "\nlog('ran without storage');");
    const notice = section.getByText('Your edits cannot be saved in this browser (storage is full or turned off).');
    await notice.waitFor();
    expect(await notice.count()).toBe(1);
    await section.getByRole('button', named('Run')).click();
    expect(await waitForRunEnd(section)).toBe('done');
    expect(await consoleText(section)).toContain('ran without storage');

    await page.goto(`${baseUrl}/start/your-work/`);
    const summary = page.locator('.your-work-summary');
    if (how === 'off') await expect.poll(() => summary.innerText()).toContain('does not let the site use its storage');
    else await expect.poll(() => summary.innerText()).toContain('keeps nothing of yours');
    await context.close();
  });
});

describe('the Your work page', () => {
  it('exports a learner’s drafts and progress to a file that another browser imports, in Korean too', async () => {
    const home = await browser().newContext();
    const page = await home.newPage();
    const problems = watchForProblems(page);
    // The editor's TypeScript worker loads after it can be typed in: leaving before it arrived would abort it.
    const typeScript = page.waitForResponse((response) => response.url().includes('/ts.worker'));
    const section = await openEditor(page);
    await typeAtEnd(page, section, '\n// 집에서 쓴 코드');
    await expect.poll(() => stored(page, draftKey(LAB))).toContain('// 집에서 쓴 코드');
    await (await typeScript).finished();
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify(['camera-to-video'])), LABS_DONE_KEY);

    await page.goto(`${baseUrl}/start/your-work/`);
    expect(await page.locator('.your-work-summary').innerText()).toContain('1 lab drafts, 1 finished labs');
    const rows = page.locator('tr[data-work-lab]:not([hidden])');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-work-lab')))).toEqual(['camera-to-video', LAB]);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', named('Export my work')).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^webrtc-lab-work-\d{4}-\d{2}-\d{2}\.json$/);
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file).toContain('// 집에서 쓴 코드');
    expect(problems).toEqual([]);

    // Another computer, in Korean: import the file, and the lab opens with the code.
    const school = await browser().newContext();
    const other = await school.newPage();
    const otherProblems = watchForProblems(other);
    await other.goto(`${baseUrl}/ko/start/your-work/`);
    await expect.poll(() => other.locator('.your-work-summary').innerText()).toContain('아직');
    const result = other.locator('.your-work-result');
    await other.locator('input[data-work-action="import"]').setInputFiles({ name: 'not-ours.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect.poll(() => result.innerText()).toContain('이 사이트에서 내보낸 작업 파일이 아닙니다');
    await other.locator('input[data-work-action="import"]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => result.innerText()).toContain('가져왔습니다. 실습 1개의 초안, 마친 실습 1개');
    await other.locator('input[data-work-action="import"]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => result.innerText()).toContain('새로운 내용이 없습니다');

    await other.goto(`${baseUrl}/ko${pageWithLab(LAB)}`);
    const imported = labSection(other, LAB);
    const typeScriptThere = other.waitForResponse((response) => response.url().includes('/ts.worker'));
    await imported.getByRole('button', named('편집')).click();
    await imported.locator('.monaco-editor').waitFor();
    expect((await filesOf(imported))['main.ts']).toContain('// 집에서 쓴 코드');
    await (await typeScriptThere).finished();

    // Forgetting asks first, then leaves nothing of the site's in storage.
    await other.goto(`${baseUrl}/ko/start/your-work/`);
    other.once('dialog', (dialog) => void dialog.accept());
    await other.getByRole('button', named('모두 지우기')).click();
    await expect.poll(() => result.innerText()).toContain('지웠습니다');
    expect(await other.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('webrtc-lab:')))).toEqual([]);
    expect(otherProblems).toEqual([]);
    await Promise.all([home.close(), school.close()]);
  });
});
