/** Browser objects as Node can fake them, for the value inspector's unit tests. */
import { expect } from 'vitest';
import type { Inspected } from '../../src/lib/feed.ts';

/** A browser object as Node can fake one: Object.prototype.toString reads Symbol.toStringTag. */
export function fake<T extends object>(tag: string, props: T): T {
  return Object.assign(Object.create({ [Symbol.toStringTag]: tag }) as object, props) as T;
}

export const fakeTrack = (kind: string, id: string) =>
  fake('MediaStreamTrack', {
    kind,
    label: `${kind} device`,
    id,
    readyState: 'live',
    enabled: true,
    muted: false,
    getSettings: () => ({ width: 640, height: 480, deviceId: 'cam-1' }),
  });

export const fakeStream = () =>
  fake('MediaStream', {
    id: 'stream-1',
    active: true,
    getTracks: () => [fakeTrack('audio', 'a1'), fakeTrack('video', 'v1')],
  });

export const fakePeerConnection = () =>
  fake('RTCPeerConnection', {
    signalingState: 'have-local-offer',
    iceGatheringState: 'gathering',
    iceConnectionState: 'new',
    connectionState: 'new',
    localDescription: fake('RTCSessionDescription', { type: 'offer', sdp: 'v=0\r\n' }),
    remoteDescription: null,
    createOffer: () => Promise.resolve(),
  });

/** A Map-like report, as RTCStatsReport is: not a real Map, but it has forEach. */
export const fakeStatsReport = (stats = new Map<string, object>([
  ['T01', { id: 'T01', type: 'transport', bytesSent: 1200 }],
  ['CP1', { id: 'CP1', type: 'candidate-pair', currentRoundTripTime: 0.012, state: 'succeeded' }],
])) =>
  fake('RTCStatsReport', {
    size: stats.size,
    forEach: (callback: (value: object, key: string) => void) => stats.forEach(callback),
  });

export const fakeElement = (tagName: string, id: string, className: unknown) =>
  fake('HTMLVideoElement', {
    nodeType: 1,
    tagName,
    localName: tagName.toLowerCase(),
    id,
    className,
    getAttribute: (name: string) => (name === 'class' && typeof className === 'string' ? className : null),
  });

export const str = (v: string): Inspected => ({ t: 'string', v });
export const num = (v: string): Inspected => ({ t: 'number', v });
export const bool = (v: boolean): Inspected => ({ t: 'boolean', v });

/** Narrows an Inspected to one variant, failing the test if it is another. */
export function variant<T extends Inspected['t']>(value: Inspected, t: T): Extract<Inspected, { t: T }> {
  expect(value.t).toBe(t);
  return value as Extract<Inspected, { t: T }>;
}

/** Every inspected case must survive the structured clone postMessage applies. */
export function expectCloneable(value: Inspected): void {
  expect(structuredClone(value)).toEqual(value);
}
