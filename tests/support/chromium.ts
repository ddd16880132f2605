/**
 * Debian's Chromium, driven by playwright-core. Never a downloaded browser.
 * Flags measured in shared/NOTES.md: fake media devices, no background traffic, and
 * loopback ICE (without it, a loopback-only machine gathers no candidates at all).
 */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { thirdParty } from './this-machine.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  // 15 frames a second, not 30: the suite runs a dozen calls at once on two cores, and every
  // frame is encoded and decoded; no lab or fact depends on the camera's rate.
  '--use-fake-device-for-media-stream=fps=15',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--allow-loopback-in-peer-connection',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Collects everything a page reports as wrong: console errors, uncaught exceptions, failed requests. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // The no-third-party promise: every request and socket goes to this machine.
  page.on('request', (request) => {
    const elsewhere = thirdParty(request.url());
    if (elsewhere) problems.push(`third-party request: ${elsewhere}`);
  });
  page.on('websocket', (socket) => {
    const elsewhere = thirdParty(socket.url());
    if (elsewhere) problems.push(`third-party WebSocket: ${elsewhere}`);
  });
  return problems;
}

/** One Chromium for a test file: launched before its tests, closed after. Call at the top level. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet: use the browser inside a test or hook');
    return browser;
  };
}
