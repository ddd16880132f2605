/**
 * The lab observer (src/sandbox/observer.ts) in real Chromium, connections and channels: it
 * must report what the learner's WebRTC objects do, and change nothing about how they behave.
 * Media capture, recording, playback and sampled elements: observer-media.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { feedOf, learnerErrors, ofType, pagePeriods, STATS_MS, until, useObserverLab, VIDEO_MS, WRAPPED_METHODS, type Body, type LabWindow, type Of } from '../support/observer-lab.ts';
import { TEXT_CHARS_PER_EVENT } from '../../src/lib/channel-flow.ts';
import { binaryChainOracle } from '../support/binary-chain.ts';

const openLab = useObserverLab();

const sha256 = (...parts: Uint8Array[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const EMPTY_SHA256 = sha256();
const joined = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

/** The latest cumulative flow of one channel direction. */
function lastFlow(feed: readonly Body[], dc: string, direction: 'in' | 'out') {
  return ofType(feed, 'dc-message').filter((e) => e.dc === dc && e.direction === direction).at(-1)?.flow;
}

/** Every text of one channel direction, across its events, and how many were only counted. */
function textsOf(feed: readonly Body[], dc: string, direction: 'in' | 'out'): { texts: string[]; dropped: number } {
  const events = ofType(feed, 'dc-message').filter((e) => e.dc === dc && e.direction === direction);
  return { texts: events.flatMap((e) => e.texts), dropped: events.reduce((sum, e) => sum + e.textsDropped, 0) };
}

describe('the lab observer: connections and channels', () => {
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
    expect(last.videoBytesReceived).toBe(last.bytesReceived);
    expect(last.codecs).toEqual({ outboundVideo: null, inboundVideo: 'video/VP8', outboundAudio: null, inboundAudio: null });
    const sent = ofType(feed, 'pc-stats').filter((e) => e.pc === 'pc1').at(-1)!.stats;
    expect(sent.framesSent).toBeGreaterThan(0);
    expect(sent.bytesSent).toBeGreaterThan(0);
    expect(sent.videoBytesSent).toBe(sent.bytesSent);
    expect(sent.codecs.outboundVideo).toBe('video/VP8');
    // The report's own clock, which moves on between two reports.
    const pc1Stats = ofType(feed, 'pc-stats').filter((e) => e.pc === 'pc1');
    expect(pc1Stats.at(-1)!.stats.timestamp).toBeGreaterThan(pc1Stats[0]!.stats.timestamp);

    const frames = ofType(feed, 'video-frames').filter((e) => e.element === 'video#remote');
    expect(frames.at(-1)).toMatchObject({ width: 640, height: 480 });
    expect(frames.every((e, i) => i === 0 || e.frames > frames[i - 1]!.frames)).toBe(true);
    // A live stream is not playback of a recording.
    expect(ofType(feed, 'media-playback')).toEqual([]);

    // The learner's own handlers still ran: the video plays what ontrack gave it.
    expect(await page.evaluate(() => (window as unknown as LabWindow).__lab.state['video'] instanceof HTMLVideoElement && document.querySelector('video')!.videoWidth)).toBe(640);
    expect(await learnerErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is transparent: constructor identity, names, statics, return values and unhandled rejections', async () => {
    const { page, problems } = await openLab();
    const result = await page.evaluate(async (wrapped) => {
      const w = window as unknown as LabWindow;
      const Native = w.__native.RTCPeerConnection;
      const pc = new RTCPeerConnection({ iceServers: [] });
      const certificate = await RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams);
      const methods: Record<string, { name: string; length: number }> = {};
      for (const [owner, keys] of Object.entries(wrapped)) {
        const prototype = (window as unknown as Record<string, { prototype: Record<string, (...args: unknown[]) => unknown> }>)[owner]!.prototype;
        for (const key of keys) methods[key] = { name: prototype[key]!.name, length: prototype[key]!.length };
      }
      const NativeRecorder = w.__native.MediaRecorder;
      const recorder = new MediaRecorder(new MediaStream());
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
        recorder: {
          wrapperIsNew: MediaRecorder !== NativeRecorder,
          instanceOfWrapper: recorder instanceof MediaRecorder,
          instanceOfNative: recorder instanceof NativeRecorder,
          name: MediaRecorder.name,
          length: MediaRecorder.length,
          nativeLength: NativeRecorder.length,
          tag: Object.prototype.toString.call(recorder),
          isTypeSupported: MediaRecorder.isTypeSupported('video/webm'),
          state: recorder.state,
        },
      };
    }, WRAPPED_METHODS);
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
    expect(result.recorder).toEqual({
      wrapperIsNew: true,
      instanceOfWrapper: true,
      instanceOfNative: true,
      name: 'MediaRecorder',
      length: result.recorder.nativeLength,
      nativeLength: 1,
      tag: '[object MediaRecorder]',
      isTypeSupported: true,
      state: 'inactive',
    });
    const feed = await feedOf(page);
    expect(ofType(feed, 'pc-created').map((e) => e.pc)).toEqual(['pc1', 'pc2']);
    expect(ofType(feed, 'pc-description')).toEqual([expect.objectContaining({ pc: 'pc1', side: 'local', sdpType: 'offer' })]);
    // A rejected call is not reported as done.
    expect(ofType(feed, 'pc-candidate').filter((e) => e.side === 'remote')).toEqual([]);
    expect(ofType(feed, 'pc-closed')).toEqual([{ type: 'pc-closed', pc: 'pc2' }]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports a data channel pair: configuration, open, and messages in and out with counts and digests', async () => {
    const { page, problems } = await openLab();
    const learner = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      const { dcA, received } = await lab.channels(a, b);
      dcA.send('héllo 👋');
      dcA.send(new Uint8Array(1000).buffer);
      await lab.receive(received, 2);
      return received.map((data) => (typeof data === 'string' ? data : (data as ArrayBuffer).byteLength));
    });
    expect(learner).toEqual(['héllo 👋', 1000]);
    const feed = await until(page, 'both messages counted in and out', (f) => lastFlow(f, 'dc1', 'out')?.messages === 2 && lastFlow(f, 'dc2', 'in')?.messages === 2);
    const config = { label: 'chat', ordered: true, maxRetransmits: null, maxPacketLifeTime: null, negotiated: false, protocol: '' };
    const created = ofType(feed, 'dc-created');
    expect(created).toEqual([
      { type: 'dc-created', pc: 'pc1', dc: 'dc1', ...config, id: created[0]!.id, remote: false },
      { type: 'dc-created', pc: 'pc2', dc: 'dc2', ...config, id: created[1]!.id, remote: true },
    ]);
    // Created before negotiation, the channel has no stream id yet; the far end's has one.
    expect(created[0]!.id).toBeNull();
    expect(created[1]!.id).toBeTypeOf('number');
    // Opened, the in-band channel has its stream id, the same at both ends.
    expect(ofType(feed, 'dc-state')).toEqual([
      { type: 'dc-state', dc: 'dc1', value: 'open', id: created[1]!.id },
      { type: 'dc-state', dc: 'dc2', value: 'open', id: created[1]!.id },
    ]);
    // 'héllo 👋' is 11 bytes of UTF-8; the first message is reported at once, the second
    // (inside 100 ms) with the cumulative flow and no text.
    const first = { messages: 1, bytes: 11, textMessages: 1, binaryMessages: 0, binaryBytes: 0, textSha256: sha256(utf8('héllo 👋')), binarySha256: EMPTY_SHA256 };
    const both = { ...first, messages: 2, bytes: 1011, binaryMessages: 1, binaryBytes: 1000, binarySha256: binaryChainOracle(new Uint8Array(1000)) };
    expect(ofType(feed, 'dc-message').filter((e) => e.direction === 'out')).toEqual([
      { type: 'dc-message', dc: 'dc1', direction: 'out', texts: ['héllo 👋'], textsDropped: 0, flow: first },
      { type: 'dc-message', dc: 'dc1', direction: 'out', texts: [], textsDropped: 0, flow: both },
    ]);
    const incoming = ofType(feed, 'dc-message').filter((e) => e.direction === 'in');
    expect(incoming[0]).toEqual({ type: 'dc-message', dc: 'dc2', direction: 'in', texts: ['héllo 👋'], textsDropped: 0, flow: first });
    expect(incoming.at(-1)?.flow).toEqual(both);

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
    await pagePeriods(page, STATS_MS);
    const after = await feedOf(page);
    const closedAt = after.findIndex((e) => e.type === 'pc-closed' && e.pc === 'pc1');
    expect(after.slice(closedAt).filter((e) => e.type === 'pc-stats' && e.pc === 'pc1')).toEqual([]);
    expect(await learnerErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports a channel configured as asked: unordered, maxRetransmits 0, negotiated with id 5', async () => {
    const { page, problems } = await openLab();
    const opened = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      const options: RTCDataChannelInit = { ordered: false, maxRetransmits: 0, negotiated: true, id: 5 };
      const dcA = a.createDataChannel('fast', options);
      const dcB = b.createDataChannel('fast', options);
      const timed = a.createDataChannel('timed', { maxPacketLifeTime: 250, protocol: 'json' });
      await lab.negotiate(a, b);
      return lab.until(() => dcA.readyState === 'open' && dcB.readyState === 'open' && timed.readyState === 'open');
    });
    expect(opened).toBe(true);
    const feed = await until(page, 'all three channels open', (f) => ofType(f, 'dc-state').filter((e) => e.value === 'open').length === 4);
    const fast = { label: 'fast', ordered: false, maxRetransmits: 0, maxPacketLifeTime: null, negotiated: true, id: 5, protocol: '', remote: false };
    const created = ofType(feed, 'dc-created');
    expect(created.slice(0, 3)).toEqual([
      { type: 'dc-created', pc: 'pc1', dc: 'dc1', ...fast },
      { type: 'dc-created', pc: 'pc2', dc: 'dc2', ...fast },
      { type: 'dc-created', pc: 'pc1', dc: 'dc3', label: 'timed', ordered: true, maxRetransmits: null, maxPacketLifeTime: 250, negotiated: false, id: null, protocol: 'json', remote: false },
    ]);
    // The in-band channel announces itself on the far end, with the id it was given.
    expect(created[3]).toMatchObject({ pc: 'pc2', dc: 'dc4', label: 'timed', maxPacketLifeTime: 250, protocol: 'json', remote: true });
    expect(created[3]!.id).toBeTypeOf('number');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('coalesces a 2,000-message burst into few events, at most one per 100 ms, with exact totals', async () => {
    const { page, problems } = await openLab();
    const expected = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      const { dcA, received } = await lab.channels(a, b);
      const messages: string[] = [];
      for (let i = 0; i < 2000; i += 1) {
        const message = i === 1999 ? 'the end ✓' : `message ${i}`;
        messages.push(message);
        dcA.send(message);
      }
      await lab.receive(received, 2000);
      return { messages, received: received.length };
    });
    expect(expected.received).toBe(2000);
    const digest = sha256(...expected.messages.map(utf8));
    const bytes = expected.messages.reduce((sum, message) => sum + utf8(message).byteLength, 0);
    const feed = await until(page, 'the final totals in both directions', (f) => lastFlow(f, 'dc1', 'out')?.messages === 2000 && lastFlow(f, 'dc2', 'in')?.messages === 2000);
    const times = await page.evaluate(() => (window as unknown as LabWindow).__times);
    for (const [dc, direction] of [['dc1', 'out'], ['dc2', 'in']] as const) {
      const indexes = feed.flatMap((e, i) => (e.type === 'dc-message' && e.direction === direction ? [i] : []));
      const events = indexes.map((i) => feed[i] as Of<'dc-message'>);
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events.length).toBeLessThan(40);
      expect(events[0]).toMatchObject({ texts: ['message 0'], flow: { messages: 1, bytes: 9 } });
      expect(events.at(-1)!.flow).toEqual({ messages: 2000, bytes, textMessages: 2000, binaryMessages: 0, binaryBytes: 0, textSha256: digest, binarySha256: EMPTY_SHA256 });
      // Short texts fit the per-event budget: every one is carried, in order.
      const { texts, dropped } = textsOf(feed, dc, direction);
      expect(texts.length).toBe(2000);
      expect(dropped).toBe(0);
      expect(events.every((e) => e.texts.join('').length <= TEXT_CHARS_PER_EVENT)).toBe(true);
      const positions = texts.map((text) => expected.messages.indexOf(text));
      expect(positions.every((p, k) => p >= 0 && (k === 0 || p > positions[k - 1]!))).toBe(true);
      // At most one event per 100 ms. A timer may fire a little early against performance.now(),
      // which the browser coarsens; 97.5 ms was seen on a loaded machine, so allow 5 ms.
      for (let k = 1; k < indexes.length; k += 1) expect(times[indexes[k]!]! - times[indexes[k - 1]!]!).toBeGreaterThanOrEqual(95);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('carries every text of a 500-message burst sent over a second, across its events', async () => {
    const { page, problems } = await openLab();
    const messages = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      const { dcA, received } = await lab.channels(a, b);
      const sent: string[] = [];
      // 25 messages every 50 ms: a chat flood, not one synchronous loop.
      for (let batch = 0; batch < 20; batch += 1) {
        for (let i = 0; i < 25; i += 1) {
          const message = `${batch * 25 + i}: ${'é'.repeat(i)}`;
          sent.push(message);
          dcA.send(message);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await lab.receive(received, 500);
      return sent;
    });
    const feed = await until(page, 'all 500 counted', (f) => lastFlow(f, 'dc1', 'out')?.messages === 500 && lastFlow(f, 'dc2', 'in')?.messages === 500);
    expect(textsOf(feed, 'dc1', 'out')).toEqual({ texts: messages, dropped: 0 });
    expect(textsOf(feed, 'dc2', 'in')).toEqual({ texts: messages, dropped: 0 });
    expect(ofType(feed, 'dc-message').length).toBeLessThan(60);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hashes text and binary payloads alike at both ends: strings, ArrayBuffers, views, numbers, objects, whatever lab code does to crypto.subtle', async () => {
    const { page, problems } = await openLab();
    const result = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      const { dcA, received } = await lab.channels(a, b);
      const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
      let toStringCalls = 0;
      const object = {
        toString() {
          toStringCalls += 1;
          return `object ${toStringCalls}`;
        },
      };
      const reused = bytes(64, 1);
      // Lab code that replaces the browser's SHA-256 fakes no digest: the observer took its own first.
      SubtleCrypto.prototype.digest = () => Promise.resolve(new ArrayBuffer(32));
      dcA.send('first');
      dcA.send(reused.buffer);
      reused.fill(0); // send() copied it; so must the observer's hash have
      const big = bytes(4096, 2);
      dcA.send(big.subarray(100, 1100)); // a view into a larger buffer: only its own bytes go
      dcA.send(new DataView(bytes(16, 3).buffer, 4, 8));
      dcA.send(42 as unknown as string);
      dcA.send(object as unknown as string);
      dcA.send('last 👋');
      await lab.receive(received, 7);
      let closedError = '';
      const spare = a.createDataChannel('spare');
      spare.close();
      try {
        spare.send('never sent');
      } catch (error) {
        closedError = (error as Error).name;
      }
      return {
        toStringCalls,
        closedError,
        received: received.map((data) => (typeof data === 'string' ? data : Array.from(new Uint8Array(data as ArrayBuffer)))),
      };
    });
    // Lab code saw exactly what it would have without the observer.
    expect(result.toStringCalls).toBe(1);
    expect(result.closedError).toBe('InvalidStateError');
    const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
    const binary = [bytes(64, 1), bytes(4096, 2).subarray(100, 1100), bytes(16, 3).subarray(4, 12)];
    const texts = ['first', '42', 'object 1', 'last 👋'];
    expect(result.received).toEqual(['first', Array.from(binary[0]!), Array.from(binary[1]!), Array.from(binary[2]!), '42', 'object 1', 'last 👋']);
    const expectedFlow = {
      messages: 7,
      bytes: texts.reduce((sum, text) => sum + utf8(text).byteLength, 0) + 64 + 1000 + 8,
      textMessages: 4,
      binaryMessages: 3,
      binaryBytes: 1072,
      textSha256: sha256(...texts.map(utf8)),
      binarySha256: binaryChainOracle(...binary),
    };
    const feed = await until(page, 'all seven counted at the far end', (f) => lastFlow(f, 'dc2', 'in')?.messages === 7);
    expect(lastFlow(feed, 'dc1', 'out')).toEqual(expectedFlow);
    expect(lastFlow(feed, 'dc2', 'in')).toEqual(expectedFlow);
    expect(textsOf(feed, 'dc2', 'in').texts).toEqual(texts);
    // The closed channel's refused send() was not counted.
    expect(ofType(feed, 'dc-message').filter((e) => e.dc !== 'dc1' && e.dc !== 'dc2')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads Blob payloads (sent, and received with binaryType "blob") in stream order', async () => {
    const { page, problems } = await openLab();
    const result = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      const { dcA, dcB, received } = await lab.channels(a, b, { binaryType: 'blob' });
      const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 7 + seed) & 0xff);
      // A large Blob first: the small buffers after it must still be hashed after it.
      dcA.send(new Blob([bytes(200_000, 1)]));
      dcA.send(bytes(10, 2));
      dcA.send('between');
      dcA.send(new Blob([bytes(3, 3), bytes(4, 4)]));
      dcA.send(new Uint16Array([1, 2, 3]));
      await lab.receive(received, 5);
      const binary = received.filter((data) => typeof data !== 'string');
      const kinds = binary.map((data) => Object.prototype.toString.call(data));
      const sizes = await Promise.all(binary.map(async (data) => (await (data as Blob).arrayBuffer()).byteLength));
      return { binaryType: dcB.binaryType, kinds, sizes, texts: received.filter((data) => typeof data === 'string') };
    });
    // Chromium reads a sent Blob before it goes out, so the text sent after it may overtake
    // it on the wire; binary payloads keep their order. Digests are per kind, so both ends agree.
    expect(result).toEqual({
      binaryType: 'blob',
      kinds: ['[object Blob]', '[object Blob]', '[object Blob]', '[object Blob]'],
      sizes: [200_000, 10, 7, 6],
      texts: ['between'],
    });
    const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 7 + seed) & 0xff);
    const u16 = new Uint8Array(new Uint16Array([1, 2, 3]).buffer);
    // The Blob of two parts is one message.
    const binary = [bytes(200_000, 1), bytes(10, 2), joined(bytes(3, 3), bytes(4, 4)), u16];
    const expectedFlow = {
      messages: 5,
      bytes: 200_000 + 10 + 7 + 7 + 6,
      textMessages: 1,
      binaryMessages: 4,
      binaryBytes: 200_000 + 10 + 7 + 6,
      textSha256: sha256(utf8('between')),
      binarySha256: binaryChainOracle(...binary),
    };
    const feed = await until(page, 'all five counted at both ends', (f) => lastFlow(f, 'dc1', 'out')?.messages === 5 && lastFlow(f, 'dc2', 'in')?.messages === 5);
    expect(lastFlow(feed, 'dc1', 'out')).toEqual(expectedFlow);
    expect(lastFlow(feed, 'dc2', 'in')).toEqual(expectedFlow);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports ICE restarts: restartIce() and createOffer({ iceRestart: true })', async () => {
    const { page, problems } = await openLab();
    const result = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const [a, b] = lab.pair();
      await lab.channels(a, b);
      const returned = a.restartIce();
      await lab.negotiate(a, b);
      const reconnected = await lab.until(() => a.connectionState === 'connected' && b.iceConnectionState === 'connected');
      const offer = await b.createOffer({ iceRestart: true });
      await b.createOffer();
      return { returned: returned === undefined, reconnected, offer: offer.type };
    });
    expect(result).toEqual({ returned: true, reconnected: true, offer: 'offer' });
    const feed = await feedOf(page);
    expect(ofType(feed, 'pc-restart-ice')).toEqual([
      { type: 'pc-restart-ice', pc: 'pc1' },
      { type: 'pc-restart-ice', pc: 'pc2' },
    ]);
    // A real restart: the offer after it carries new ICE credentials.
    const ufrags = ofType(feed, 'pc-description')
      .filter((e) => e.pc === 'pc1' && e.side === 'local')
      .map((e) => /a=ice-ufrag:(\S+)/.exec(e.sdp)?.[1]);
    expect(ufrags).toHaveLength(2);
    expect(ufrags[0]).not.toBe(ufrags[1]);
    const restartAt = feed.findIndex((e) => e.type === 'pc-restart-ice');
    expect(feed.slice(restartAt).some((e) => e.type === 'pc-description' && e.pc === 'pc1' && e.side === 'local')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stopAll() reports what waits, ends every track and closes every connection of the run', async () => {
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
      const { dcA } = w.__lab.state as { dcA: RTCDataChannel };
      // The second message waits for its 100 ms; stopAll() must not lose it.
      dcA.send('one');
      dcA.send('two');
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
    expect(inPage.emitted[0]).toBe('dc-message');

    // Chromium closes the channels of a closed connection a moment later, with events.
    await until(page, 'both channels closed', (f) => ofType(f, 'dc-state').filter((e) => e.value === 'closed').length === 2);
    await pagePeriods(page, Math.max(STATS_MS, VIDEO_MS));
    const feed = await feedOf(page);
    const trackIds = ofType(feed, 'track').map((e) => e.track);
    expect(trackIds).toEqual(['track1', 'track2']);
    expect(ofType(feed, 'track-ended').map((e) => [e.track, e.cause])).toEqual(trackIds.map((track) => [track, 'runner']));
    expect(ofType(feed, 'pc-closed')).toEqual([
      { type: 'pc-closed', pc: 'pc1' },
      { type: 'pc-closed', pc: 'pc2' },
    ]);
    for (const pc of ['pc1', 'pc2']) {
      const last = (which: string) => ofType(feed, 'pc-state').filter((e) => e.pc === pc && e.which === which).at(-1)?.value;
      expect([last('signalingState'), last('connectionState')]).toEqual(['closed', 'closed']);
    }
    expect(ofType(feed, 'dc-state').filter((e) => e.value === 'closed').map((e) => e.dc).sort()).toEqual(['dc1', 'dc2']);
    expect(textsOf(feed, 'dc1', 'out')).toEqual({ texts: ['one', 'two'], dropped: 0 });
    // Timers and frame callbacks are gone: nothing periodic after stopAll() returned.
    expect(feed.slice(inPage.stoppedAt).filter((e) => e.type === 'pc-stats' || e.type === 'video-frames')).toEqual([]);

    // Closing again afterwards (the learner's cleanup) reports nothing new.
    const length = feed.length;
    await page.evaluate(() => {
      const { a } = (window as unknown as LabWindow).__lab.state as { a: RTCPeerConnection };
      a.close();
    });
    expect((await feedOf(page)).length).toBe(length);
    expect(await learnerErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
