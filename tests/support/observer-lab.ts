/**
 * A page of the site with the lab observer (src/sandbox/observer.ts) installed, the way the
 * lab frame has it before the learner's code runs, for the observer's browser tests.
 *
 * The observer is bundled with esbuild and injected; the feed it emits is kept on the page's
 * window. The code the tests run in the page is written the way a learner would write it
 * (on* handlers, unawaited addIceCandidate): see LEARNER.
 */
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { FeedEventBody } from '../../src/lib/feed.ts';
import type { installObserver, Observer } from '../../src/sandbox/observer.ts';
import { launchChromium, watchForProblems } from './chromium.ts';

const OBSERVER = fileURLToPath(new URL('../../src/sandbox/observer.ts', import.meta.url));
export const STATS_MS = 250;
export const VIDEO_MS = 250;

export type Body = FeedEventBody;
export type Of<T extends Body['type']> = Extract<Body, { type: T }>;

/** What the tests keep on the page's window (cast, so the project's Window type stays clean). */
export interface LabWindow {
  __observer: { installObserver: typeof installObserver };
  __run: Observer;
  __feed: Body[];
  /** performance.now() of each feed event, same index. */
  __times: number[];
  __native: {
    RTCPeerConnection: typeof RTCPeerConnection;
    MediaRecorder: typeof MediaRecorder;
    hadWebkit: boolean;
    methods: Record<string, { name: string; length: number }>;
  };
  __nativeReason: unknown;
  __errors: string[];
  __lab: Lab;
}

/** The learner-style helpers defined by LEARNER below. */
export interface Lab {
  pair(): [RTCPeerConnection, RTCPeerConnection];
  negotiate(a: RTCPeerConnection, b: RTCPeerConnection): Promise<void>;
  call(): Promise<{ a: RTCPeerConnection; b: RTCPeerConnection; stream: MediaStream; video: HTMLVideoElement }>;
  channels(
    a: RTCPeerConnection,
    b: RTCPeerConnection,
    options?: { label?: string; binaryType?: BinaryType },
  ): Promise<{ dcA: RTCDataChannel; dcB: RTCDataChannel; received: unknown[] }>;
  /** Resolves when `received` holds `count` items (or after 10 s). */
  receive(received: unknown[], count: number): Promise<void>;
  until(condition: () => boolean, timeoutMs?: number): Promise<boolean>;
  state: Record<string, unknown>;
}

/** Every method the observer wraps, by owner, for the transparency checks. */
export const WRAPPED_METHODS = {
  RTCPeerConnection: ['setLocalDescription', 'setRemoteDescription', 'addIceCandidate', 'createDataChannel', 'close', 'restartIce', 'createOffer'],
  RTCDataChannel: ['send'],
  MediaDevices: ['getUserMedia', 'getDisplayMedia'],
  MediaStreamTrack: ['stop'],
  HTMLMediaElement: ['play'],
} as const;

/** Runs before the observer: remembers the natives the transparency checks compare against. */
const BEFORE = `
  window.__native = {
    RTCPeerConnection: window.RTCPeerConnection,
    MediaRecorder: window.MediaRecorder,
    hadWebkit: 'webkitRTCPeerConnection' in window,
    methods: {},
  };
  for (const [owner, keys] of Object.entries(${JSON.stringify(WRAPPED_METHODS)})) {
    for (const key of keys) {
      const method = window[owner].prototype[key];
      window.__native.methods[key] = { name: method.name, length: method.length };
    }
  }
  window.__errors = [];
`;

/** Records the browser's own rejection reason for getUserMedia, underneath the observer. */
const SPY_ON_GET_USER_MEDIA = `
  const original = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = function (...args) {
    const promise = original.apply(this, args);
    promise.then(null, (reason) => { window.__nativeReason = reason; });
    return promise;
  };
`;

/** Learner-style code, shared by the tests. */
const LEARNER = `
  window.__lab = {
    state: {},
    pair() {
      const a = new RTCPeerConnection();
      const b = new RTCPeerConnection();
      const fail = (error) => window.__errors.push(String(error));
      // A test may close one end while the other still gathers: a closed pc takes no candidates.
      a.onicecandidate = (e) => { if (b.signalingState !== 'closed') b.addIceCandidate(e.candidate).catch(fail); };
      b.onicecandidate = (e) => { if (a.signalingState !== 'closed') a.addIceCandidate(e.candidate).catch(fail); };
      return [a, b];
    },
    async negotiate(a, b) {
      await a.setLocalDescription();
      await b.setRemoteDescription(a.localDescription);
      await b.setLocalDescription();
      await a.setRemoteDescription(b.localDescription);
    },
    async call() {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const [a, b] = this.pair();
      for (const track of stream.getTracks()) a.addTrack(track, stream);
      const video = document.createElement('video');
      video.muted = true;
      video.autoplay = true;
      video.style.cssText = 'position:fixed;top:0;left:0;width:320px;height:240px;z-index:99999';
      document.body.append(video);
      video.id = 'remote';
      b.ontrack = (e) => { video.srcObject = e.streams[0]; };
      await this.negotiate(a, b);
      Object.assign(this.state, { a, b, stream, video });
      return { a, b, stream, video };
    },
    async channels(a, b, options = {}) {
      const dcA = a.createDataChannel(options.label ?? 'chat');
      const remote = new Promise((resolve) => { b.ondatachannel = (e) => resolve(e.channel); });
      await this.negotiate(a, b);
      const dcB = await remote;
      if (options.binaryType) dcB.binaryType = options.binaryType;
      const received = [];
      dcB.onmessage = (e) => received.push(e.data);
      const open = (dc) => dc.readyState === 'open' ? null : new Promise((resolve) => dc.addEventListener('open', resolve, { once: true }));
      await open(dcA);
      await open(dcB);
      Object.assign(this.state, { a, b, dcA, dcB, received });
      return { dcA, dcB, received };
    },
    receive(received, count) {
      return this.until(() => received.length >= count);
    },
    async until(condition, timeoutMs = 10000) {
      const deadline = performance.now() + timeoutMs;
      while (!condition()) {
        if (performance.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return true;
    },
  };
`;

/** One Chromium and one observer bundle for a test file. Call at the top level. */
export function useObserverLab(): (options?: { spyOnGetUserMedia?: boolean }) => Promise<{ page: Page; problems: string[] }> {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  let observerBundle = '';

  beforeAll(async () => {
    const [bundled, launched] = await Promise.all([
      build({ entryPoints: [OBSERVER], bundle: true, write: false, format: 'iife', globalName: '__observer', target: 'es2022', platform: 'browser', logLevel: 'silent' }),
      launchChromium(),
    ]);
    browser = launched;
    const output = bundled.outputFiles[0];
    if (!output) throw new Error('esbuild produced no output for the observer');
    observerBundle = output.text;
  });

  afterAll(async () => {
    await browser?.close();
  });

  return async (options = {}) => {
    if (!browser) throw new Error('Chromium is not running yet: open the lab inside a test');
    // The observer's tests run on a site page, whose policy (img-src) would refuse the
    // cross-origin image the tainted-canvas test draws; the policies have their own tests.
    const page = await browser.newPage({ bypassCSP: true });
    const problems = watchForProblems(page);
    await page.goto(`${baseUrl}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await page.addScriptTag({ content: BEFORE });
    if (options.spyOnGetUserMedia) await page.addScriptTag({ content: SPY_ON_GET_USER_MEDIA });
    await page.addScriptTag({ content: observerBundle });
    await page.evaluate(
      ({ statsIntervalMs, videoIntervalMs }) => {
        const w = window as unknown as LabWindow;
        w.__feed = [];
        w.__times = [];
        w.__run = w.__observer.installObserver(
          window,
          (event) => {
            w.__feed.push(event);
            w.__times.push(performance.now());
          },
          (value) => ({ t: 'string', v: String(value) }),
          { statsIntervalMs, videoIntervalMs },
        );
      },
      { statsIntervalMs: STATS_MS, videoIntervalMs: VIDEO_MS },
    );
    await page.addScriptTag({ content: LEARNER });
    return { page, problems };
  };
}

/** The feed so far. Throws when the page has no feed, so "nothing wrong" can never pass by reading nothing. */
export async function feedOf(page: Page): Promise<Body[]> {
  const feed = await page.evaluate(() => (window as unknown as Partial<LabWindow>).__feed);
  if (!Array.isArray(feed)) throw new Error('the page has no observer feed');
  return feed;
}

export function ofType<T extends Body['type']>(feed: readonly Body[], type: T): Of<T>[] {
  return feed.filter((event): event is Of<T> => event.type === type);
}

/** Polls the feed until `done` holds; fails with `what` and the feed's event counts otherwise. */
export async function until(page: Page, what: string, done: (feed: Body[]) => boolean, timeoutMs = 15_000): Promise<Body[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const feed = await feedOf(page);
    if (done(feed)) return feed;
    if (Date.now() > deadline) {
      const counts: Record<string, number> = {};
      for (const event of feed) counts[event.type] = (counts[event.type] ?? 0) + 1;
      throw new Error(`timed out waiting for ${what}; feed has ${JSON.stringify(counts)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until `periods` intervals of `ms` have run on the page's own timers. For checks that
 * nothing more arrives: the observer samples on the page's clock, which a busy machine slows
 * down, so a wait measured in the test process could end before the page had a single turn.
 */
export async function pagePeriods(page: Page, ms: number, periods = 3): Promise<void> {
  await page.evaluate(
    ([interval, count]) =>
      new Promise<void>((resolve) => {
        let ticks = 0;
        const id = setInterval(() => {
          ticks += 1;
          if (ticks < count) return;
          clearInterval(id);
          resolve();
        }, interval);
      }),
    [ms, periods] as const,
  );
}

export async function learnerErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as LabWindow).__errors);
}
