/**
 * File-transfer throughput for `npm run bench`: the chat-and-files lab's solution between two
 * tabs (through the site's broker, inside the sandboxed lab frames, with the observer hashing
 * every message), against a tuned raw data channel between two plain tabs of the same browser
 * (64 KiB chunks, the same 1 MiB / 256 KiB bufferedamountlow backpressure, bytes from memory).
 * Both are timed from the first chunk handed to send() to the last byte received, with one
 * clock (performance.timeOrigin + now() in each tab). The first transfer of each is a warm-up
 * on a fresh connection and is left out; lab and raw runs alternate so load drift hits both.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { percentile } from './broker-load.ts';

export interface TransferFigures {
  readonly sizeMiB: number;
  readonly runs: number;
  /** Medians of the measured runs, MiB/s. */
  readonly labMiBps: number;
  readonly rawMiBps: number;
  readonly labSamples: readonly number[];
  readonly rawSamples: readonly number[];
}

const LAB = 'chat-and-files';
const PAGE = '/signaling/chat-and-files/';
const TIMEOUT = 120_000;
// Both sides are polled for the end on a timer, not on every animation frame: polling each frame
// keeps a compositor busy, CPU that the transfer being timed would otherwise have.
const POLL_MS = 100;

interface LabPair {
  readonly pages: readonly Page[];
  readonly host: Frame;
  readonly guest: Frame;
}

async function labFrame(page: Page): Promise<Frame> {
  const handle = await page.locator(`section.lab[data-lab="${LAB}"] .lab-frame-slot iframe`).elementHandle({ timeout: TIMEOUT });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no lab output frame');
  await frame.waitForSelector('#status[data-state="idle"]', { timeout: TIMEOUT });
  return frame;
}

async function openLabPair(browser: Browser, siteUrl: string): Promise<LabPair> {
  const hostPage = await browser.newPage();
  await hostPage.goto(siteUrl + PAGE);
  const section = hostPage.locator(`section.lab[data-lab="${LAB}"]`);
  await section.getByRole('button', { name: 'Solution', exact: true }).click();
  await section.getByRole('button', { name: 'Run', exact: true }).click();
  const url = await section.locator('.lab-pair-open').getAttribute('href', { timeout: TIMEOUT });
  if (!url) throw new Error('the pair panel offers no partner link');
  const guestPage = await browser.newPage();
  await guestPage.goto(url);
  await guestPage.locator(`section.lab[data-lab="${LAB}"]`).getByRole('button', { name: 'Run', exact: true }).click();
  return { pages: [hostPage, guestPage], host: await labFrame(hostPage), guest: await labFrame(guestPage) };
}

/** From now on, records in the frame the first moment #status enters each state. */
function watchStates(frame: Frame): Promise<void> {
  return frame.evaluate(() => {
    const status = document.querySelector<HTMLElement>('#status')!;
    const w = window as unknown as { benchStates: Record<string, number>; benchObserver?: MutationObserver };
    w.benchObserver?.disconnect();
    w.benchStates = {};
    w.benchObserver = new MutationObserver(() => {
      const state = status.dataset['state'] ?? '';
      w.benchStates[state] ??= performance.timeOrigin + performance.now();
    });
    w.benchObserver.observe(status, { attributes: true, attributeFilter: ['data-state'] });
  });
}

const enteredAt = (frame: Frame, state: string): Promise<number | undefined> =>
  frame.evaluate((wanted) => (window as unknown as { benchStates: Record<string, number> }).benchStates[wanted], state);

async function labTransfer(pair: LabPair, sizeMiB: number): Promise<number> {
  await watchStates(pair.host);
  await watchStates(pair.guest);
  await pair.host.fill('#test-size', String(sizeMiB));
  await pair.host.click('#send-test-file');
  await pair.host.waitForFunction(() => (window as unknown as { benchStates: Record<string, number> }).benchStates['done'] !== undefined, undefined, { timeout: TIMEOUT, polling: POLL_MS });
  // 'sending' starts after the sender hashed the file; 'verifying' when the last byte is in, before the receiver hashes.
  const sending = await enteredAt(pair.host, 'sending');
  const arrived = await enteredAt(pair.guest, 'verifying');
  if (sending === undefined || arrived === undefined) throw new Error('a transfer state was not seen');
  return sizeMiB / ((arrived - sending) / 1000);
}

/** Two plain tabs joined by one ordered data channel; the test process carries offer and answer. */
async function openRawPair(browser: Browser, siteUrl: string): Promise<readonly [Page, Page]> {
  const sender = await browser.newPage();
  const receiver = await browser.newPage();
  for (const page of [sender, receiver]) await page.goto(siteUrl + '/');
  const gathered = `new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
  })`;
  const offer = await sender.evaluate(`(async () => {
    const pc = (window.pc = new RTCPeerConnection());
    window.dc = pc.createDataChannel('raw');
    await pc.setLocalDescription();
    await ${gathered};
    return pc.localDescription.toJSON();
  })()`);
  const answer = await receiver.evaluate(`(async () => {
    const pc = (window.pc = new RTCPeerConnection());
    window.channel = new Promise((resolve) => pc.addEventListener('datachannel', ({ channel }) => resolve(channel)));
    await pc.setRemoteDescription(${JSON.stringify(offer)});
    await pc.setLocalDescription();
    await ${gathered};
    return pc.localDescription.toJSON();
  })()`);
  await sender.evaluate(`(async () => {
    await pc.setRemoteDescription(${JSON.stringify(answer)});
    if (dc.readyState !== 'open') await new Promise((resolve) => dc.addEventListener('open', resolve, { once: true }));
    dc.bufferedAmountLowThreshold = 256 * 1024;
  })()`);
  await receiver.evaluate(`(async () => {
    const dc = await window.channel;
    dc.binaryType = 'arraybuffer';
    window.received = 0;
    dc.addEventListener('message', ({ data }) => {
      window.received += data.byteLength;
      if (window.received >= window.expected && window.doneAt === undefined) window.doneAt = performance.timeOrigin + performance.now();
    });
  })()`);
  return [sender, receiver];
}

async function rawTransfer([sender, receiver]: readonly [Page, Page], sizeMiB: number): Promise<number> {
  const bytes = sizeMiB * 1024 * 1024;
  await receiver.evaluate(`window.received = 0; window.doneAt = undefined; window.expected = ${bytes};`);
  const startedAt = (await sender.evaluate(`(async () => {
    const file = new Uint8Array(${bytes});
    for (let at = 0; at < file.length; at += 65536) crypto.getRandomValues(file.subarray(at, at + 65536));
    const startedAt = performance.timeOrigin + performance.now();
    for (let at = 0; at < file.length; at += 65536) {
      if (dc.bufferedAmount > 1024 * 1024) await new Promise((resolve) => dc.addEventListener('bufferedamountlow', resolve, { once: true }));
      dc.send(file.subarray(at, at + 65536));
    }
    return startedAt;
  })()`)) as number;
  await receiver.waitForFunction('window.doneAt !== undefined', undefined, { timeout: TIMEOUT, polling: POLL_MS });
  const doneAt = (await receiver.evaluate('window.doneAt')) as number;
  return sizeMiB / ((doneAt - startedAt) / 1000);
}

export async function measureFileTransfer(options: { browser: Browser; siteUrl: string; sizeMiB: number; runs: number }): Promise<TransferFigures> {
  const { browser, siteUrl, sizeMiB, runs } = options;
  const lab = await openLabPair(browser, siteUrl);
  const raw = await openRawPair(browser, siteUrl);
  try {
    // Warm-up: the first transfer on a fresh connection is several times slower (shared/NOTES.md).
    await labTransfer(lab, sizeMiB);
    await rawTransfer(raw, sizeMiB);
    const labSamples: number[] = [];
    const rawSamples: number[] = [];
    for (let run = 0; run < runs; run++) {
      labSamples.push(await labTransfer(lab, sizeMiB));
      rawSamples.push(await rawTransfer(raw, sizeMiB));
    }
    return { sizeMiB, runs, labMiBps: percentile(labSamples, 50), rawMiBps: percentile(rawSamples, 50), labSamples, rawSamples };
  } finally {
    for (const page of [...lab.pages, ...raw]) await page.close();
  }
}
