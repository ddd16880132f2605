/**
 * The chat-and-files lab between two tabs, as two learners use it: chat both ways, a 20 MiB test
 * file whose SHA-256 matches on both sides (and matches the same bytes hashed here), Cancel from
 * either side leaving both tabs in a stated state with the channel still usable, and the same
 * transfer between a Chromium tab and a Firefox tab. One page pair serves every Chromium test.
 */
import { createHash } from 'node:crypto';
import { afterAll, expect, inject, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import type { Frame, Page as FirefoxPage } from 'puppeteer-core';
import { useChromium, watchForProblems } from '../support/chromium.ts';
import { useFirefox } from '../support/firefox.ts';
import { labMeta, labSection, openPartner, pageWithLab, pickPlainBox } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const LAB = 'chat-and-files';
const chromium = useChromium();
const firefox = useFirefox();

/** The lab's test file: xorshift32 words from the same seed, little-endian, as its testFile() makes them. */
function testFileSha256(mebibytes: number): string {
  const words = new Uint32Array(mebibytes * 262144);
  let x = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return createHash('sha256').update(new Uint8Array(words.buffer)).digest('hex');
}

interface Tab {
  readonly page: Page;
  readonly frame: FrameLocator;
}

let pair: { host: Tab; guest: Tab; problems: string[] } | undefined;

/** The host tab running the solution and its partner tab, connected; made once, reused. */
async function connectedPair(): Promise<{ host: Tab; guest: Tab; problems: string[] }> {
  if (pair) return pair;
  const page = await chromium().newPage();
  const problems = watchForProblems(page);
  await pickPlainBox(page, inject('baseUrl'));
  await page.goto(inject('baseUrl') + pageWithLab(LAB));
  const section = labSection(page, LAB);
  await section.getByRole('button', { name: 'Solution', exact: true }).click();
  await section.getByRole('button', { name: 'Run', exact: true }).click();
  const partner = await openPartner(page, LAB);
  problems.push(...watchForProblems(partner.page));
  const host = { page, frame: section.frameLocator('.lab-frame-slot iframe') };
  const guest = { page: partner.page, frame: partner.section.frameLocator('.lab-frame-slot iframe') };
  for (const tab of [host, guest]) await tab.frame.locator('#status[data-state="idle"]').waitFor({ timeout: patient(20_000) });
  pair = { host, guest, problems };
  return pair;
}

afterAll(async () => {
  await pair?.guest.page.close();
  await pair?.host.page.close();
});

/** Waits for the tab's transfer state; a failure says what both tabs showed and logged. */
async function state(tab: Tab, value: string, timeout = patient(20_000)): Promise<void> {
  try {
    await tab.frame.locator(`#status[data-state="${value}"]`).waitFor({ timeout });
  } catch (error) {
    const seen = await Promise.all(
      [tab, ...(pair ? [pair.host, pair.guest].filter((other) => other !== tab) : [])].map(async (each) => {
        const status = await each.frame.locator('#status').innerText().catch(() => '?');
        const log = await labSection(each.page, LAB).locator('[role="log"]').innerText().catch(() => '?');
        return `status "${status}", log:\n${log.slice(-1200)}`;
      }),
    );
    throw new Error(`no "${value}" state within ${timeout} ms; this tab, then the other: ${seen.join('\n---\n')}`, { cause: error });
  }
}
const progressOf = (tab: Tab): Promise<{ value: number; max: number }> =>
  tab.frame.locator('#progress').evaluate((el) => ({ value: (el as HTMLProgressElement).value, max: (el as HTMLProgressElement).max }));

async function sendTestFile(from: Tab, mebibytes: number): Promise<void> {
  await from.frame.locator('#test-size').fill(String(mebibytes));
  await from.frame.locator('#send-test-file').click();
}

it('the lab’s file-verified goal names the SHA-256 of its 8 MiB test file', async () => {
  const meta = await labMeta(LAB);
  const check = meta.goals.find((goal) => goal.id === 'file-verified')?.check;
  expect(check).toEqual({ kind: 'datachannel-message', text: JSON.stringify({ type: 'received', sha256: testFileSha256(8) }) });
});

it('chats both ways, and a 20 MiB file arrives with the SHA-256 it was sent with, both progress bars full', async () => {
  const { host, guest, problems } = await connectedPair();
  await host.frame.locator('#send-text').click();
  await guest.frame.locator('#chat-text').fill('안녕, 잘 받았어요');
  await guest.frame.locator('#send-text').click();
  for (const tab of [host, guest]) {
    await expect.poll(() => tab.frame.locator('#chat li').allInnerTexts()).toEqual(
      tab === host ? ['you: Hello!', 'partner: 안녕, 잘 받았어요'] : ['partner: Hello!', 'you: 안녕, 잘 받았어요'],
    );
  }

  const expected = testFileSha256(20);
  await sendTestFile(host, 20);
  await Promise.all([state(host, 'done'), state(guest, 'done')]);
  for (const tab of [host, guest]) {
    expect(await tab.frame.locator('#announced-hash').innerText()).toBe(expected);
    expect(await tab.frame.locator('#arrived-hash').innerText()).toBe(expected);
    const progress = await progressOf(tab);
    expect(progress.value).toBe(progress.max);
    expect(progress.max).toBe(20 * 1024 * 1024);
  }
  expect(await host.frame.locator('#status').innerText()).toBe('Delivered test-20MiB.bin: the partner’s SHA-256 matches.');
  expect(await guest.frame.locator('#status').innerText()).toBe('Received test-20MiB.bin: the SHA-256 matches.');
  expect(problems).toEqual([]);
});

it('Cancel midway, from the receiver and from the sender, leaves both tabs cancelled with the channel still open', async () => {
  const { host, guest, problems } = await connectedPair();
  for (const [canceller, other] of [
    [guest, host],
    [host, guest],
  ] as const) {
    await sendTestFile(host, 64);
    await state(guest, 'receiving');
    // Midway: some of the file is here, far from all of it.
    await expect.poll(async () => (await progressOf(guest)).value).toBeGreaterThan(0);
    await canceller.frame.locator('#cancel').click();
    await Promise.all([state(canceller, 'cancelled', 5000), state(other, 'cancelled', 5000)]);
    expect(await canceller.frame.locator('#status').innerText()).toMatch(/^Cancelled by you at \d+%\. The channel is still open: send again\.$/);
    expect(await other.frame.locator('#status').innerText()).toMatch(/^Cancelled by your partner at \d+%\. The channel is still open: send again\.$/);
    const stoppedAt = (await progressOf(guest)).value;
    expect(stoppedAt).toBeLessThan(64 * 1024 * 1024);
  }
  // Still usable: chunks still on their way when it was cancelled do not spill into the next file.
  await sendTestFile(host, 1);
  await Promise.all([state(host, 'done'), state(guest, 'done')]);
  expect(await guest.frame.locator('#arrived-hash').innerText()).toBe(testFileSha256(1));
  expect(problems).toEqual([]);
});

/** The lab's output frame in a Firefox page (puppeteer). */
async function firefoxLabFrame(page: FirefoxPage): Promise<Frame> {
  const iframe = await page.waitForSelector(`section.lab[data-lab="${LAB}"] .lab-frame-slot iframe`);
  const frame = await iframe?.contentFrame();
  if (!frame) throw new Error('no lab output frame in the Firefox page');
  return frame;
}

it('sends the file from a Chromium tab to a Firefox tab, and the hash matches on both', async () => {
  const page = await chromium().newPage();
  await pickPlainBox(page, inject('baseUrl'));
  await page.goto(inject('baseUrl') + pageWithLab(LAB));
  const section = labSection(page, LAB);
  await section.getByRole('button', { name: 'Solution', exact: true }).click();
  await section.getByRole('button', { name: 'Run', exact: true }).click();
  const url = await section.locator('.lab-pair-open').getAttribute('href');
  expect(url).toBeTruthy();
  const host = { page, frame: section.frameLocator('.lab-frame-slot iframe') };

  const partner = await firefox().newPage({ type: 'window' });
  await partner.goto(url!);
  const run = await partner.waitForSelector(`section.lab[data-lab="${LAB}"] [data-action="run"]`);
  await partner.waitForSelector(`section.lab[data-lab="${LAB}"] .lab-pair-status[data-broker="connected"]`);
  await run?.click();
  await state(host, 'idle');

  const expected = testFileSha256(20);
  await sendTestFile(host, 20);
  await state(host, 'done', patient(30_000));
  const frame = await firefoxLabFrame(partner);
  const seen = await frame.evaluate(() => ({
    state: document.querySelector<HTMLElement>('#status')?.dataset['state'],
    arrived: document.querySelector('#arrived-hash')?.textContent,
    progress: document.querySelector<HTMLProgressElement>('#progress')?.value,
  }));
  expect(seen).toEqual({ state: 'done', arrived: expected, progress: 20 * 1024 * 1024 });
  expect(await host.frame.locator('#arrived-hash').innerText()).toBe(expected);
  await partner.close();
  await page.close();
});
