import { describe, expect, it } from 'vitest';
import type { Inspected } from '../../src/lib/feed.ts';
import { inspect } from '../../src/lib/inspect/capture.ts';
import { STATS_MAX_FIELDS, STATS_MAX_REPORTS } from '../../src/lib/inspect/webrtc.ts';
import { bool, expectCloneable, fake, fakeElement, fakePeerConnection, fakeStatsReport, fakeStream, fakeTrack, num, str, variant } from '../support/inspect-fakes.ts';

describe('inspect: browser objects (faked with Symbol.toStringTag)', () => {
  it('summarises a MediaStream with its tracks', () => {
    const inspected = inspect(fakeStream());
    const track = (kind: string, id: string): Inspected => ({
      t: 'object',
      tag: 'MediaStreamTrack',
      entries: [
        ['kind', str(kind)],
        ['label', str(`${kind} device`)],
        ['id', str(id)],
        ['readyState', str('live')],
        ['enabled', bool(true)],
        ['muted', bool(false)],
      ],
      more: 0,
    });
    expect(inspected).toEqual({
      t: 'object',
      tag: 'MediaStream',
      entries: [
        ['id', str('stream-1')],
        ['active', bool(true)],
        ['tracks', { t: 'array', items: [track('audio', 'a1'), track('video', 'v1')], more: 0 }],
      ],
      more: 0,
    });
    expectCloneable(inspected);
  });

  it('summarises a MediaStreamTrack with its settings, and survives getSettings throwing', () => {
    expect(inspect(fakeTrack('video', 'v1'))).toMatchObject({
      tag: 'MediaStreamTrack',
      entries: expect.arrayContaining([
        ['settings', { t: 'object', tag: 'Object', entries: [['width', num('640')], ['height', num('480')], ['deviceId', str('cam-1')]], more: 0 }],
      ]),
    });
    const broken = fake('MediaStreamTrack', {
      kind: 'audio',
      getSettings: () => {
        throw new Error('ended');
      },
    });
    const inspected = inspect(broken);
    expect(inspected).toMatchObject({ entries: expect.arrayContaining([['settings', expect.objectContaining({ t: 'error', message: 'ended' })]]) });
    expectCloneable(inspected);
  });

  it('summarises an RTCPeerConnection with its states and description types', () => {
    const inspected = inspect(fakePeerConnection());
    expect(inspected).toEqual({
      t: 'object',
      tag: 'RTCPeerConnection',
      entries: [
        ['signalingState', str('have-local-offer')],
        ['iceGatheringState', str('gathering')],
        ['iceConnectionState', str('new')],
        ['connectionState', str('new')],
        ['localDescription', str('offer')],
        ['remoteDescription', { t: 'null' }],
      ],
      more: 0,
    });
    expectCloneable(inspected);
  });

  it('summarises RTCDataChannel, RTCSessionDescription and RTCIceCandidate', () => {
    const channel = fake('RTCDataChannel', { label: 'chat', id: 1, readyState: 'open', ordered: true, bufferedAmount: 0, protocol: '', send() {} });
    expect(inspect(channel)).toEqual({
      t: 'object',
      tag: 'RTCDataChannel',
      entries: [
        ['label', str('chat')],
        ['id', num('1')],
        ['readyState', str('open')],
        ['ordered', bool(true)],
        ['bufferedAmount', num('0')],
        ['protocol', str('')],
      ],
      more: 0,
    });
    expect(inspect(fake('RTCSessionDescription', { type: 'answer', sdp: 'v=0', toJSON() {} }))).toEqual({
      t: 'object',
      tag: 'RTCSessionDescription',
      entries: [['type', str('answer')], ['sdp', str('v=0')]],
      more: 0,
    });
    const candidate = fake('RTCIceCandidate', { candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host', sdpMid: '0', sdpMLineIndex: 0, address: '192.0.2.1' });
    expect(inspect(candidate)).toEqual({
      t: 'object',
      tag: 'RTCIceCandidate',
      entries: [['candidate', str(candidate.candidate)], ['sdpMid', str('0')], ['sdpMLineIndex', num('0')]],
      more: 0,
    });
  });

  it('turns an RTCStatsReport into a map of id → stats', () => {
    const inspected = inspect(fakeStatsReport());
    expect(inspected).toEqual({
      t: 'map',
      tag: 'RTCStatsReport',
      entries: [
        [str('T01'), { t: 'object', tag: 'Object', entries: [['id', str('T01')], ['type', str('transport')], ['bytesSent', num('1200')]], more: 0 }],
        [
          str('CP1'),
          {
            t: 'object',
            tag: 'Object',
            entries: [['id', str('CP1')], ['type', str('candidate-pair')], ['currentRoundTripTime', num('0.012')], ['state', str('succeeded')]],
            more: 0,
          },
        ],
      ],
      more: 0,
    });
    expectCloneable(inspected);
  });

  it('shows elements as a selector-like tag', () => {
    expect(inspect(fakeElement('VIDEO', 'remote', ' big  wide '))).toEqual({ t: 'element', v: '<video#remote.big.wide>' });
    expect(inspect(fakeElement('DIV', '', ''))).toEqual({ t: 'element', v: '<div>' });
    // SVG elements: className is an object; the class attribute is what counts.
    const svg = fake('SVGSVGElement', { nodeType: 1, tagName: 'svg', id: '', className: { baseVal: 'icon' }, getAttribute: () => 'icon' });
    expect(inspect(svg)).toEqual({ t: 'element', v: '<svg.icon>' });
    expect(inspect({ nodeType: 1 })).toMatchObject({ t: 'object' }); // not enough to be an element
  });

  it('reads native getters of other host objects, as the browser console does', () => {
    const inspected = inspect(new Intl.Locale('ko-KR'));
    expect(inspected).toMatchObject({ t: 'object', tag: 'Intl.Locale' });
    expect(variant(inspected, 'object').entries).toContainEqual(['language', str('ko')]);
    expect(variant(inspected, 'object').entries).toContainEqual(['region', str('KR')]);
    expectCloneable(inspected);
  });

  it('does not run a learner class’s own getters unasked', () => {
    let runs = 0;
    class Counter {
      get next(): number {
        return ++runs;
      }
      get [Symbol.toStringTag](): string {
        return 'Counter';
      }
    }
    inspect(new Counter());
    expect(runs).toBe(0);
  });

  it('elides browser objects beyond the depth', () => {
    expect(inspect({ a: { b: { c: { stream: fakeStream() } } } }, { depth: 3 })).toMatchObject({
      entries: [['a', { entries: [['b', { entries: [['c', { entries: [['stream', { t: 'elided', tag: 'MediaStream' }]] }]] }]] }]],
    });
    expect(inspect(fakeStream(), { depth: 1 })).toMatchObject({
      entries: expect.arrayContaining([['tracks', { t: 'array', items: [{ t: 'elided', tag: 'MediaStreamTrack' }, { t: 'elided', tag: 'MediaStreamTrack' }], more: 0 }]]),
    });
  });
});

describe('inspect: enough of a stats report to expand it, and no more', () => {
  const report = (count: number, fields: number) =>
    fakeStatsReport(
      new Map(
        Array.from({ length: count }, (_, i) => {
          const id = `S${i}`;
          return [id, { id, type: 'inbound-rtp', ...Object.fromEntries(Array.from({ length: fields }, (_, f) => [`f${f}`, f])) }] as const;
        }),
      ),
    );

  it('keeps more entries and fields than a plain Map would (a video inbound-rtp has ~70 fields)', () => {
    const inspected = variant(inspect(report(60, 70)), 'map');
    expect(inspected.entries).toHaveLength(60);
    expect(inspected.more).toBe(0);
    const first = variant(inspected.entries[0]![1], 'object');
    expect(first.entries).toHaveLength(72);
    expect(first.more).toBe(0);
    expectCloneable(inspected);
  });

  it('caps the fields per stats object and stops at the node budget, counting what it left out', () => {
    const wide = variant(inspect(report(1, 500)), 'map');
    expect(variant(wide.entries[0]![1], 'object')).toMatchObject({ more: 502 - STATS_MAX_FIELDS });
    const huge = variant(inspect(report(400, 40)), 'map');
    expect(huge.entries.length).toBeLessThan(STATS_MAX_REPORTS);
    expect(huge.entries.length + huge.more).toBe(400);
    expect(JSON.stringify(huge).length).toBeLessThan(500_000);
  });

  it('keeps a whole SDP where other strings are cut', () => {
    const sdp = `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n${'a=candidate:1 1 udp 1 192.0.2.1 9 typ host\r\n'.repeat(400)}`;
    expect(sdp.length).toBeGreaterThan(10_000);
    expect(inspect(sdp)).toEqual(str(sdp));
    expect(inspect(fake('RTCSessionDescription', { type: 'offer', sdp }))).toMatchObject({ entries: [['type', str('offer')], ['sdp', str(sdp)]] });
    expect(inspect('x'.repeat(20_000))).toMatchObject({ truncated: 10_000 });
  });
});
