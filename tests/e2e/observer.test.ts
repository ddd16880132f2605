/**
 * The lab observer (src/sandbox/observer.ts) in real Chromium: it must report what the
 * learner's WebRTC objects do, and change nothing about how they behave.
 *
 * The observer is bundled here with esbuild and injected into a page of the site, the way the
 * lab frame runs it before the learner's code. The code the tests run in the page is written
 * the way a learner would write it (on* handlers, unawaited addIceCandidate).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { FeedEvent } from '../../src/lib/feed.ts';
import type { installObserver, Observer } from '../../src/sandbox/observer.ts';
import { launchChromium, watchForProblems } from '../support/chromium.ts';

const baseUrl = inject('baseUrl');
const OBSERVER = fileURLToPath(new URL('../../src/sandbox/observer.ts', import.meta.url));
const STATS_MS = 250;
const VIDEO_MS = 250;

type Of<T extends FeedEvent['type']> = Extract<FeedEvent, { type: T }>;

/** What the tests keep on the page's window (cast, so the project's Window type stays clean). */
interface LabWindow {
  __observer: { installObserver: typeof installObserver };
  __run: Observer;
  __feed: FeedEvent[];
  /** performance.now() of each feed event, same index. */
  __times: number[];
  __native: {
    RTCPeerConnection: typeof RTCPeerConnection;
    hadWebkit: boolean;
    methods: Record<string, { name: string; length: number }>;
  };
  __nativeReason: unknown;
  __errors: string[];
  __lab: Lab;
}

/** The learner-style helpers defined by LEARNER below. */
interface Lab {
  pair(): [RTCPeerConnection, RTCPeerConnection];
  negotiate(a: RTCPeerConnection, b: RTCPeerConnection): Promise<void>;
  call(): Promise<{ a: RTCPeerConnection; b: RTCPeerConnection; stream: MediaStream; video: HTMLVideoElement }>;
  channels(a: RTCPeerConnection, b: RTCPeerConnection): Promise<{ dcA: RTCDataChannel; dcB: RTCDataChannel; received: unknown[] }>;
  state: Record<string, unknown>;
}

/** Runs before the observer: remembers the natives the transparency checks compare against. */
const BEFORE = `
  window.__native = {
    RTCPeerConnection: window.RTCPeerConnection,
    hadWebkit: 'webkitRTCPeerConnection' in window,
    methods: {},
  };
  for (const [owner, keys] of [
    [RTCPeerConnection.prototype, ['setLocalDescription', 'setRemoteDescription', 'addIceCandidate', 'createDataChannel', 'close']],
    [RTCDataChannel.prototype, ['send']],
    [MediaDevices.prototype, ['getUserMedia', 'getDisplayMedia']],
    [MediaStreamTrack.prototype, ['stop']],
  ]) {
    for (const key of keys) window.__native.methods[key] = { name: owner[key].name, length: owner[key].length };
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
      a.onicecandidate = (e) => { b.addIceCandidate(e.candidate).catch(fail); };
      b.onicecandidate = (e) => { a.addIceCandidate(e.candidate).catch(fail); };
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
    async channels(a, b) {
      const dcA = a.createDataChannel('chat');
      const remote = new Promise((resolve) => { b.ondatachannel = (e) => resolve(e.channel); });
      await this.negotiate(a, b);
      const dcB = await remote;
      const received = [];
      dcB.onmessage = (e) => received.push(e.data);
      const open = (dc) => dc.readyState === 'open' ? null : new Promise((resolve) => dc.addEventListener('open', resolve, { once: true }));
      await open(dcA);
      await open(dcB);
      Object.assign(this.state, { a, b, dcA, dcB, received });
      return { dcA, dcB, received };
    },
  };
`;

let browser: Browser;
let observerBundle: string;

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

/** A page of the site with the observer installed, as the lab frame has it before the learner's code. */
async function openLab(options: { spyOnGetUserMedia?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
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
}

function feedOf(page: Page): Promise<FeedEvent[]> {
  return page.evaluate(() => (window as unknown as LabWindow).__feed);
}

function ofType<T extends FeedEvent['type']>(feed: readonly FeedEvent[], type: T): Of<T>[] {
  return feed.filter((event): event is Of<T> => event.type === type);
}

/** Polls the feed until `done` holds; fails with `what` and the feed's event counts otherwise. */
async function until(page: Page, what: string, done: (feed: FeedEvent[]) => boolean, timeoutMs = 15_000): Promise<FeedEvent[]> {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the lab observer', () => {
  it('reports a loopback call: peers, states, descriptions, candidates, tracks, stats and video frames', async () => {
    const { page, problems } = await openLab();
    await page.evaluate(async () => {
      await (window as unknown as LabWindow).__lab.call();
    });
    const feed = await until(
      page,
      'decoded frames in stats and on the <video>',
      (f) =>
        ofType(f, 'pc-stats').some((e) => e.pc === 'pc2' && e.stats.framesDecoded > 0 && e.stats.localCandidateType !== null) &&
        ofType(f, 'video-frames').some((e) => e.element === 'video#remote' && e.frames > 5) &&
        ['pc1', 'pc2'].every((pc) => ofType(f, 'pc-candidate').some((e) => e.pc === pc && e.side === 'local' && e.candidate === null)),
    );

    expect(ofType(feed, 'media-request')).toEqual([{ type: 'media-request', api: 'getUserMedia', constraints: { t: 'string', v: '[object Object]' } }]);
    const tracks = ofType(feed, 'track');
    expect(tracks.map((e) => [e.track, e.kind, e.source])).toEqual([
      ['track1', 'video', 'getUserMedia'],
      ['track2', 'video', 'remote'],
    ]);
    expect(tracks[0]?.label).not.toBe('');

    expect(ofType(feed, 'pc-created').map((e) => e.pc)).toEqual(['pc1', 'pc2']);
    for (const pc of ['pc1', 'pc2']) {
      const firstOwn = feed.findIndex((e) => 'pc' in e && e.pc === pc);
      expect(feed[firstOwn]?.type).toBe('pc-created');
      const states = ofType(feed, 'pc-state').filter((e) => e.pc === pc);
      const valuesOf = (which: Of<'pc-state'>['which']) => states.filter((e) => e.which === which).map((e) => e.value);
      expect(valuesOf('signalingState')[0]).toBe('stable');
      expect(valuesOf('iceGatheringState')[0]).toBe('new');
      expect(valuesOf('iceConnectionState')[0]).toBe('new');
      expect(valuesOf('connectionState')[0]).toBe('new');
      expect(valuesOf('connectionState').at(-1)).toBe('connected');
      expect(valuesOf('iceGatheringState')).toContain('complete');
      // No value is reported twice in a row.
      for (const which of ['signalingState', 'iceGatheringState', 'iceConnectionState', 'connectionState'] as const) {
        const values = valuesOf(which);
        expect(values.every((value, i) => i === 0 || value !== values[i - 1])).toBe(true);
      }
    }
    expect(
      ofType(feed, 'pc-state')
        .filter((e) => e.which === 'signalingState')
        .map((e) => `${e.pc}:${e.value}`),
    ).toEqual(['pc1:stable', 'pc2:stable', 'pc1:have-local-offer', 'pc2:have-remote-offer', 'pc2:stable', 'pc1:stable']);

    const descriptions = ofType(feed, 'pc-description');
    expect(descriptions.map((e) => `${e.pc} ${e.side} ${e.sdpType}`)).toEqual(['pc1 local offer', 'pc2 remote offer', 'pc2 local answer', 'pc1 remote answer']);
    for (const description of descriptions) expect(description.sdp).toMatch(/^v=0\r\n[\s\S]*m=video /);

    const candidates = ofType(feed, 'pc-candidate');
    for (const [pc, peer] of [['pc1', 'pc2'], ['pc2', 'pc1']] as const) {
      const local = candidates.filter((e) => e.pc === pc && e.side === 'local');
      expect(local.some((e) => e.candidate !== null && / typ host/.test(e.candidate))).toBe(true);
      expect(local.filter((e) => e.candidate === null)).toHaveLength(1);
      // Every local candidate handed to the other side shows up there as a remote one.
      const remoteOnPeer = candidates.filter((e) => e.pc === peer && e.side === 'remote').map((e) => e.candidate);
      expect(remoteOnPeer.filter((c) => c !== null)).toEqual(local.map((e) => e.candidate).filter((c) => c !== null));
    }

    expect(ofType(feed, 'pc-track')).toEqual([{ type: 'pc-track', pc: 'pc2', track: 'track2', kind: 'video' }]);

    const received = ofType(feed, 'pc-stats').filter((e) => e.pc === 'pc2' && e.stats.framesDecoded > 0);
    const last = received.at(-1)!.stats;
    expect(last.localCandidateType).toBe('host');
    expect(last.remoteCandidateType).toBe('host');
    expect(last.bytesReceived).toBeGreaterThan(0);
    expect(last.roundTripTime).toBeTypeOf('number');
    const sent = ofType(feed, 'pc-stats').filter((e) => e.pc === 'pc1').at(-1)!.stats;
    expect(sent.framesSent).toBeGreaterThan(0);
    expect(sent.bytesSent).toBeGreaterThan(0);

    const frames = ofType(feed, 'video-frames').filter((e) => e.element === 'video#remote');
    expect(frames.at(-1)).toMatchObject({ width: 640, height: 480 });
    expect(frames.every((e, i) => i === 0 || e.frames > frames[i - 1]!.frames)).toBe(true);

    // The learner's own handlers still ran: the video plays what ontrack gave it.
    expect(await page.evaluate(() => (window as unknown as LabWindow).__lab.state['video'] instanceof HTMLVideoElement && document.querySelector('video')!.videoWidth)).toBe(640);
    expect(await page.evaluate(() => (window as unknown as LabWindow).__errors)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is transparent: constructor identity, names, statics, return values and unhandled rejections', async () => {
    const { page, problems } = await openLab();
    const result = await page.evaluate(async () => {
      const w = window as unknown as LabWindow;
      const Native = w.__native.RTCPeerConnection;
      const pc = new RTCPeerConnection({ iceServers: [] });
      const certificate = await RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams);
      const methods: Record<string, { name: string; length: number }> = {};
      const owners: Record<string, object> = {
        setLocalDescription: RTCPeerConnection.prototype,
        setRemoteDescription: RTCPeerConnection.prototype,
        addIceCandidate: RTCPeerConnection.prototype,
        createDataChannel: RTCPeerConnection.prototype,
        close: RTCPeerConnection.prototype,
        send: RTCDataChannel.prototype,
        getUserMedia: MediaDevices.prototype,
        getDisplayMedia: MediaDevices.prototype,
        stop: MediaStreamTrack.prototype,
      };
      for (const [key, owner] of Object.entries(owners)) {
        const method = (owner as Record<string, (...args: unknown[]) => unknown>)[key]!;
        methods[key] = { name: method.name, length: method.length };
      }
      const isConstructor = (f: unknown) => {
        try {
          Reflect.construct(String, [], f as new () => unknown);
          return true;
        } catch {
          return false;
        }
      };
      const returned = pc.setLocalDescription({ type: 'offer', sdp: (await pc.createOffer()).sdp } as RTCSessionDescriptionInit);
      const resolvedWith = await returned;

      // A rejection the learner never handles must still reach 'unhandledrejection'.
      const unhandled = new Promise<unknown>((resolve) => {
        window.addEventListener(
          'unhandledrejection',
          (event) => {
            event.preventDefault();
            resolve(event.reason);
          },
          { once: true },
        );
      });
      const bogus: RTCSessionDescriptionInit = { type: 'answer', sdp: 'not sdp' };
      const nativeName = await new Native().setRemoteDescription(bogus).then(
        () => 'resolved',
        (error: Error) => error.name,
      );
      const other = new RTCPeerConnection();
      void other.setRemoteDescription(bogus);
      const reason = await Promise.race([unhandled, new Promise((resolve) => setTimeout(() => resolve('no unhandledrejection'), 2000))]);

      let handledName = '';
      await other.addIceCandidate({ candidate: 'candidate:bogus', sdpMid: '0' }).catch((error: Error) => {
        handledName = error.name;
      });
      let syncError = '';
      try {
        other.close();
        other.createDataChannel('late');
      } catch (error) {
        syncError = (error as Error).name;
      }
      return {
        wrapperIsNew: RTCPeerConnection !== Native,
        instanceOfWrapper: pc instanceof RTCPeerConnection,
        instanceOfNative: pc instanceof Native,
        constructorIs: pc.constructor === RTCPeerConnection,
        name: RTCPeerConnection.name,
        length: RTCPeerConnection.length,
        tag: Object.prototype.toString.call(pc),
        certificate: certificate instanceof RTCCertificate,
        webkit: w.__native.hadWebkit ? (window as unknown as Record<string, unknown>)['webkitRTCPeerConnection'] === RTCPeerConnection : 'absent',
        methods,
        nativeMethods: w.__native.methods,
        methodIsConstructor: isConstructor(RTCPeerConnection.prototype.close),
        returnedIsPromise: returned instanceof Promise,
        resolvedWith: resolvedWith === undefined ? 'undefined' : typeof resolvedWith,
        unhandledReason: reason instanceof DOMException ? reason.name : String(reason),
        nativeName,
        handledName,
        syncError,
      };
    });
    expect(result).toMatchObject({
      wrapperIsNew: true,
      instanceOfWrapper: true,
      instanceOfNative: true,
      constructorIs: true,
      name: 'RTCPeerConnection',
      length: 0,
      tag: '[object RTCPeerConnection]',
      certificate: true,
      methodIsConstructor: false,
      returnedIsPromise: true,
      resolvedWith: 'undefined',
      handledName: 'InvalidStateError',
      syncError: 'InvalidStateError',
    });
    // Chromium rejects unparsable SDP with OperationError; whatever it is, the learner's
    // unhandled promise must report the same.
    expect(result.unhandledReason).toBe(result.nativeName);
    expect(result.nativeName).not.toBe('resolved');
    expect(result.webkit).not.toBe(false);
    expect(result.methods).toEqual(result.nativeMethods);
    const feed = await feedOf(page);
    expect(ofType(feed, 'pc-created').map((e) => e.pc)).toEqual(['pc1', 'pc2']);
    expect(ofType(feed, 'pc-description')).toEqual([expect.objectContaining({ pc: 'pc1', side: 'local', sdpType: 'offer' })]);
    // A rejected call is not reported as done.
    expect(ofType(feed, 'pc-candidate').filter((e) => e.side === 'remote')).toEqual([]);
    expect(ofType(feed, 'pc-closed')).toEqual([{ type: 'pc-closed', pc: 'pc2' }]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports a data channel pair: creation on both sides, open, and messages in and out with byte counts', async () => {
    const { page, problems } = await openLab();
    const learner = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      const { dcA, received } = await lab.channels(a, b);
      dcA.send('héllo 👋');
      dcA.send(new Uint8Array(1000).buffer);
      const deadline = performance.now() + 5000;
      while (received.length < 2 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return received.map((data) => (typeof data === 'string' ? data : (data as ArrayBuffer).byteLength));
    });
    expect(learner).toEqual(['héllo 👋', 1000]);
    const feed = await until(page, 'both messages counted in and out', (f) => {
      const messages = ofType(f, 'dc-message');
      return messages.some((e) => e.direction === 'out' && e.messages === 2) && messages.some((e) => e.direction === 'in' && e.messages === 2);
    });
    expect(ofType(feed, 'dc-created')).toEqual([
      { type: 'dc-created', pc: 'pc1', dc: 'dc1', label: 'chat', ordered: true, remote: false },
      { type: 'dc-created', pc: 'pc2', dc: 'dc2', label: 'chat', ordered: true, remote: true },
    ]);
    expect(ofType(feed, 'dc-state')).toEqual([
      { type: 'dc-state', dc: 'dc1', value: 'open' },
      { type: 'dc-state', dc: 'dc2', value: 'open' },
    ]);
    // 'héllo 👋' is 11 bytes of UTF-8; the first message is reported at once, the second
    // (inside 100 ms) with the totals and the last text seen.
    const out = ofType(feed, 'dc-message').filter((e) => e.direction === 'out');
    expect(out).toEqual([
      { type: 'dc-message', dc: 'dc1', direction: 'out', bytes: 11, text: 'héllo 👋', messages: 1, totalBytes: 11 },
      { type: 'dc-message', dc: 'dc1', direction: 'out', bytes: 1000, text: 'héllo 👋', messages: 2, totalBytes: 1011 },
    ]);
    const incoming = ofType(feed, 'dc-message').filter((e) => e.direction === 'in');
    expect(incoming[0]).toEqual({ type: 'dc-message', dc: 'dc2', direction: 'in', bytes: 11, text: 'héllo 👋', messages: 1, totalBytes: 11 });
    expect(incoming.at(-1)).toEqual({ type: 'dc-message', dc: 'dc2', direction: 'in', bytes: 1000, text: 'héllo 👋', messages: 2, totalBytes: 1011 });

    // Data-only: no RTP, so stats count what the transport carried.
    await until(page, 'pc-stats with bytes on pc1', (f) => ofType(f, 'pc-stats').some((e) => e.pc === 'pc1' && e.stats.bytesSent > 0 && e.stats.localCandidateType === 'host'));

    // The learner closing a connection: pc-closed once, its channel reported closed.
    await page.evaluate(() => {
      const { a } = (window as unknown as LabWindow).__lab.state as { a: RTCPeerConnection };
      a.close();
      a.close();
    });
    const closed = await until(page, 'the far channel closed', (f) => ofType(f, 'dc-state').some((e) => e.dc === 'dc2' && e.value === 'closed'));
    expect(ofType(closed, 'pc-closed')).toEqual([{ type: 'pc-closed', pc: 'pc1' }]);
    // Chromium leaves the channel 'open' until its close events arrive a moment later.
    const dc1 = await until(page, 'the near channel closed', (f) => ofType(f, 'dc-state').some((e) => e.dc === 'dc1' && e.value === 'closed'));
    const dc1States = ofType(dc1, 'dc-state')
      .filter((e) => e.dc === 'dc1')
      .map((e) => e.value);
    expect([dc1States[0], dc1States.at(-1)]).toEqual(['open', 'closed']);
    expect(dc1States.filter((value) => value !== 'closing')).toEqual(['open', 'closed']);
    expect(ofType(closed, 'pc-state').filter((e) => e.pc === 'pc1' && e.which === 'signalingState').at(-1)?.value).toBe('closed');
    await sleep(STATS_MS * 3);
    const after = await feedOf(page);
    const closedAt = after.findIndex((e) => e.type === 'pc-closed' && e.pc === 'pc1');
    expect(after.slice(closedAt).filter((e) => e.type === 'pc-stats' && e.pc === 'pc1')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as LabWindow).__errors)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('coalesces a 2,000-message burst into few dc-message events with exact totals', async () => {
    const { page, problems } = await openLab();
    const expected = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      const { dcA, received } = await lab.channels(a, b);
      let bytes = 0;
      for (let i = 0; i < 2000; i += 1) {
        const message = i === 1999 ? 'the end ✓' : `message ${i}`;
        bytes += new TextEncoder().encode(message).byteLength;
        dcA.send(message);
      }
      const deadline = performance.now() + 10_000;
      while (received.length < 2000 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return { bytes, received: received.length };
    });
    expect(expected.received).toBe(2000);
    const feed = await until(page, 'the final totals in both directions', (f) =>
      ofType(f, 'dc-message').filter((e) => e.messages === 2000).length === 2,
    );
    const times = await page.evaluate(() => (window as unknown as LabWindow).__times);
    for (const direction of ['out', 'in'] as const) {
      const indexes = feed.flatMap((e, i) => (e.type === 'dc-message' && e.direction === direction ? [i] : []));
      const events = indexes.map((i) => feed[i] as Of<'dc-message'>);
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events.length).toBeLessThan(40);
      expect(events[0]).toMatchObject({ messages: 1, totalBytes: 9, text: 'message 0' });
      expect(events.at(-1)).toMatchObject({ messages: 2000, totalBytes: expected.bytes, bytes: 11, text: 'the end ✓' });
      // At most one event per 100 ms (a timer may fire a hair early against performance.now()).
      for (let k = 1; k < indexes.length; k += 1) expect(times[indexes[k]!]! - times[indexes[k - 1]!]!).toBeGreaterThanOrEqual(98);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports a getUserMedia failure and hands the learner the very same rejection', async () => {
    const { page, problems } = await openLab({ spyOnGetUserMedia: true });
    const result = await page.evaluate(async () => {
      const w = window as unknown as LabWindow;
      try {
        await navigator.mediaDevices.getUserMedia({ video: { width: { exact: 99999 } } });
        return { caught: false };
      } catch (error) {
        const e = error as OverconstrainedError;
        return { caught: true, same: e === w.__nativeReason, name: e.name, message: e.message, constraint: e.constraint, isClass: e instanceof OverconstrainedError };
      }
    });
    expect(result).toMatchObject({ caught: true, same: true, name: 'OverconstrainedError', constraint: 'width', isClass: true });
    const feed = await feedOf(page);
    expect(feed).toEqual([
      { type: 'media-request', api: 'getUserMedia', constraints: { t: 'string', v: '[object Object]' } },
      { type: 'media-error', api: 'getUserMedia', name: 'OverconstrainedError', message: result.message },
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports track.stop() as track-ended, once', async () => {
    const { page, problems } = await openLab();
    const result = await page.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      const video = stream.getVideoTracks()[0]!;
      const returned = video.stop();
      video.stop();
      return { returned: returned === undefined, state: video.readyState, audio: stream.getAudioTracks()[0]!.readyState };
    });
    expect(result).toEqual({ returned: true, state: 'ended', audio: 'live' });
    const feed = await feedOf(page);
    const tracks = ofType(feed, 'track');
    expect(tracks.map((e) => [e.kind, e.source]).sort()).toEqual([
      ['audio', 'getUserMedia'],
      ['video', 'getUserMedia'],
    ]);
    const videoId = tracks.find((e) => e.kind === 'video')!.track;
    expect(ofType(feed, 'track-ended')).toEqual([{ type: 'track-ended', track: videoId }]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stopAll() ends every track and closes every connection of the run', async () => {
    const { page, problems } = await openLab();
    await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const { a, b } = await lab.call();
      // A data channel on the same pair, negotiated afterwards as a learner would.
      await lab.channels(a, b);
    });
    await until(page, 'video frames', (f) => ofType(f, 'video-frames').length > 0);
    const inPage = await page.evaluate(() => {
      const w = window as unknown as LabWindow;
      const before = w.__feed.length;
      w.__run.stopAll();
      const { a, b, stream, video } = w.__lab.state as { a: RTCPeerConnection; b: RTCPeerConnection; stream: MediaStream; video: HTMLVideoElement };
      const remote = (video.srcObject as MediaStream).getTracks();
      return {
        stoppedAt: w.__feed.length,
        emitted: w.__feed.slice(before).map((e) => e.type),
        tracks: [...stream.getTracks(), ...remote].map((t) => t.readyState),
        pcs: [a.signalingState, b.signalingState, a.connectionState, b.connectionState],
      };
    });
    expect(inPage.tracks).toEqual(['ended', 'ended']);
    expect(inPage.pcs).toEqual(['closed', 'closed', 'closed', 'closed']);
    expect(inPage.emitted).toContain('track-ended');
    expect(inPage.emitted).toContain('pc-closed');

    // Chromium closes the channels of a closed connection a moment later, with events.
    await until(page, 'both channels closed', (f) => ofType(f, 'dc-state').filter((e) => e.value === 'closed').length === 2);
    await sleep(Math.max(STATS_MS, VIDEO_MS) * 3);
    const feed = await feedOf(page);
    const trackIds = ofType(feed, 'track').map((e) => e.track);
    expect(trackIds).toEqual(['track1', 'track2']);
    expect(ofType(feed, 'track-ended').map((e) => e.track).sort()).toEqual(trackIds);
    expect(ofType(feed, 'pc-closed')).toEqual([
      { type: 'pc-closed', pc: 'pc1' },
      { type: 'pc-closed', pc: 'pc2' },
    ]);
    for (const pc of ['pc1', 'pc2']) {
      const last = (which: string) => ofType(feed, 'pc-state').filter((e) => e.pc === pc && e.which === which).at(-1)?.value;
      expect([last('signalingState'), last('connectionState')]).toEqual(['closed', 'closed']);
    }
    expect(ofType(feed, 'dc-state').filter((e) => e.value === 'closed').map((e) => e.dc).sort()).toEqual(['dc1', 'dc2']);
    // Timers and frame callbacks are gone: nothing periodic after stopAll() returned.
    expect(feed.slice(inPage.stoppedAt).filter((e) => e.type === 'pc-stats' || e.type === 'video-frames')).toEqual([]);

    // Closing again afterwards (the learner's cleanup) reports nothing new.
    const length = feed.length;
    await page.evaluate(() => {
      const { a } = (window as unknown as LabWindow).__lab.state as { a: RTCPeerConnection };
      a.close();
    });
    expect((await feedOf(page)).length).toBe(length);
    expect(await page.evaluate(() => (window as unknown as LabWindow).__errors)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
