/**
 * Debian's Chromium, driven by playwright-core. Never a downloaded browser.
 * Flags measured in shared/NOTES.md: fake media devices, no background traffic, and
 * loopback ICE (without it, a loopback-only machine gathers no candidates at all).
 */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { thirdParty } from './this-machine.ts';
import { patient } from './patience.ts';

/** The browser a learner runs. What the lessons say Chromium does is checked in it, and the bench measures it. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/**
 * The same Chromium without the browser around it: Debian's `chromium-headless-shell`, built
 * from the same source and version (the renderer, WebRTC and codecs are the same). The suite's
 * other tests run in it: every page rendered and checked took 83 CPU-s in it against 156 in the
 * full browser, on a run that is CPU-bound from start to end.
 */
export const HEADLESS_SHELL_PATH = process.env['CHROMIUM_HEADLESS_SHELL_PATH'] ?? '/usr/lib/chromium/chromium-headless-shell';

/** `browser`: the full Chromium (CHROMIUM_PATH); `shell`: the headless shell (HEADLESS_SHELL_PATH). */
export type ChromiumBuild = 'browser' | 'shell';

/**
 * What the full browser grants every page here (the camera and microphone through its fake UI
 * flag) and the headless shell denies unless its context is told. Without camera permission the
 * shell's WebRTC gathers no local address at all: it gives such a page only the default route's,
 * which a loopback-only namespace has none of.
 */
const FULL_BROWSER_GRANTS = ['camera', 'microphone', 'clipboard-write'];
/**
 * What the full browser does by itself and the shell only when asked: each site in a process of
 * its own, so a lab frame that loops cannot freeze the lesson around it (the loop guard's promise).
 */
const SHELL_ARGS = ['--site-per-process'];

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

export async function launchChromium(build: ChromiumBuild = 'shell'): Promise<Browser> {
  const shell = build === 'shell';
  const browser = await chromium.launch({ executablePath: shell ? HEADLESS_SHELL_PATH : CHROMIUM_PATH, args: shell ? [...CHROMIUM_ARGS, ...SHELL_ARGS] : CHROMIUM_ARGS, headless: true });
  // Every context the tests open (newPage opens one too) waits as long as a slow day needs, and
  // in the shell starts with what the full browser grants.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options = {}) => {
    const context = await newContext(shell ? { ...options, permissions: [...FULL_BROWSER_GRANTS, ...(options.permissions ?? [])] } : options);
    context.setDefaultTimeout(patient(30_000));
    return context;
  };
  return browser;
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

/**
 * Every request and WebSocket a page (and its frames) opens, counted by origin: the figures behind
 * the no-third-party promise, which watchForProblems enforces.
 */
export function countRequests(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (url: string): void => {
    const origin = /^(data|blob):/.test(url) ? url.slice(0, url.indexOf(':') + 1) : new URL(url).origin;
    counts.set(origin, (counts.get(origin) ?? 0) + 1);
  };
  page.on('request', (request) => add(request.url()));
  page.on('websocket', (socket) => add(socket.url()));
  return counts;
}

/** `http://localhost:4321 12, ws://localhost:4321 1`: counts as countRequests keeps them, most first. */
export function describeRequests(counts: ReadonlyMap<string, number>): string {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return `${total} requests (${[...counts].sort((a, b) => b[1] - a[1]).map(([origin, n]) => `${origin} ${n}`).join(', ')})`;
}

/** One Chromium for a test file: launched before its tests, closed after. Call at the top level. */
export function useChromium(build: ChromiumBuild = 'shell'): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(build);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet: use the browser inside a test or hook');
    return browser;
  };
}
