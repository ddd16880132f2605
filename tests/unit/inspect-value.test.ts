import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Inspected } from '../../src/lib/feed.ts';
import { formatConsoleArgs, formatInspected, inspect } from '../../src/lib/inspect-value.ts';

/** Browser objects as Node can fake them: Object.prototype.toString reads Symbol.toStringTag. */
function fake<T extends object>(tag: string, props: T): T {
  return Object.assign(Object.create({ [Symbol.toStringTag]: tag }) as object, props) as T;
}

const fakeTrack = (kind: string, id: string) =>
  fake('MediaStreamTrack', {
    kind,
    label: `${kind} device`,
    id,
    readyState: 'live',
    enabled: true,
    muted: false,
    getSettings: () => ({ width: 640, height: 480, deviceId: 'cam-1' }),
  });

const fakeStream = () =>
  fake('MediaStream', {
    id: 'stream-1',
    active: true,
    getTracks: () => [fakeTrack('audio', 'a1'), fakeTrack('video', 'v1')],
  });

const fakePeerConnection = () =>
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
const fakeStatsReport = () => {
  const stats = new Map<string, object>([
    ['T01', { id: 'T01', type: 'transport', bytesSent: 1200 }],
    ['CP1', { id: 'CP1', type: 'candidate-pair', currentRoundTripTime: 0.012, state: 'succeeded' }],
  ]);
  return fake('RTCStatsReport', {
    size: stats.size,
    forEach: (callback: (value: object, key: string) => void) => stats.forEach(callback),
  });
};

const fakeElement = (tagName: string, id: string, className: unknown) =>
  fake('HTMLVideoElement', {
    nodeType: 1,
    tagName,
    localName: tagName.toLowerCase(),
    id,
    className,
    getAttribute: (name: string) => (name === 'class' && typeof className === 'string' ? className : null),
  });

const str = (v: string): Inspected => ({ t: 'string', v });
const num = (v: string): Inspected => ({ t: 'number', v });
const bool = (v: boolean): Inspected => ({ t: 'boolean', v });

/** Narrows an Inspected to one variant, failing the test if it is another. */
function variant<T extends Inspected['t']>(value: Inspected, t: T): Extract<Inspected, { t: T }> {
  expect(value.t).toBe(t);
  return value as Extract<Inspected, { t: T }>;
}

/** Every inspected case must survive the structured clone postMessage applies. */
function expectCloneable(value: Inspected): void {
  expect(structuredClone(value)).toEqual(value);
}

describe('inspect: primitives', () => {
  it.each<[string, unknown, Inspected]>([
    ['undefined', undefined, { t: 'undefined' }],
    ['null', null, { t: 'null' }],
    ['true', true, bool(true)],
    ['a number', 1.5, num('1.5')],
    ['NaN', NaN, num('NaN')],
    ['-0', -0, num('-0')],
    ['Infinity', Infinity, num('Infinity')],
    ['-Infinity', -Infinity, num('-Infinity')],
    ['a bigint', 12345678901234567890n, { t: 'bigint', v: '12345678901234567890' }],
    ['a symbol', Symbol('peer'), { t: 'symbol', v: 'Symbol(peer)' }],
    ['a string', '안녕 WebRTC', str('안녕 WebRTC')],
    ['a named function', function connect() {}, { t: 'function', name: 'connect' }],
    ['an arrow in a variable', (() => {
      const onTrack = () => {};
      return onTrack;
    })(), { t: 'function', name: 'onTrack' }],
    ['a class', class Caller {}, { t: 'function', name: 'Caller' }],
  ])('%s', (_, value, expected) => {
    const inspected = inspect(value);
    expect(inspected).toEqual(expected);
    expectCloneable(inspected);
  });

  it('truncates long strings and counts what it dropped', () => {
    const inspected = inspect('x'.repeat(10_005));
    expect(inspected).toEqual({ t: 'string', v: 'x'.repeat(10_000), truncated: 5 });
    expect(inspect('abcdef', { maxString: 4 })).toEqual({ t: 'string', v: 'abcd', truncated: 2 });
  });

  it('does not cut a surrogate pair in half', () => {
    expect(inspect('ab😀c', { maxString: 3 })).toEqual({ t: 'string', v: 'ab', truncated: 3 });
  });
});

describe('inspect: structures', () => {
  it('inspects arrays and plain objects, with key order kept', () => {
    expect(inspect([1, 'a', null])).toEqual({ t: 'array', items: [num('1'), str('a'), { t: 'null' }], more: 0 });
    expect(inspect({ b: 1, a: [true] })).toEqual({
      t: 'object',
      tag: 'Object',
      entries: [
        ['b', num('1')],
        ['a', { t: 'array', items: [bool(true)], more: 0 }],
      ],
      more: 0,
    });
  });

  it('shows at most maxEntries items and counts the rest', () => {
    const array = inspect(Array.from({ length: 60 }, (_, i) => i));
    expect(array).toMatchObject({ t: 'array', more: 10 });
    expect(variant(array, 'array').items).toHaveLength(50);
    const object = inspect(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, i])), { maxEntries: 2 });
    expect(object).toMatchObject({ t: 'object', entries: [['k0', num('0')], ['k1', num('1')]], more: 3 });
  });

  it('names class instances and null-prototype objects', () => {
    class Signaling {
      room = 'lobby';
    }
    expect(inspect(new Signaling())).toEqual({ t: 'object', tag: 'Signaling', entries: [['room', str('lobby')]], more: 0 });
    expect(inspect(Object.assign(Object.create(null) as object, { a: 1 }))).toMatchObject({ t: 'object', tag: 'Object' });
  });

  it('includes enumerable symbol keys', () => {
    expect(inspect({ [Symbol('id')]: 7 })).toMatchObject({ entries: [['[Symbol(id)]', num('7')]] });
  });

  it('marks cycles as circular, but shows an object seen twice without a cycle twice', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a['self'] = a;
    expect(inspect(a)).toEqual({ t: 'object', tag: 'Object', entries: [['name', str('a')], ['self', { t: 'circular' }]], more: 0 });
    const shared = { x: 1 };
    const twice = variant(inspect([shared, shared]), 'array');
    expect(twice.items[0]).toEqual(twice.items[1]);
    expect(twice.items[1]).toMatchObject({ t: 'object' });
  });

  it('elides objects beyond the depth, with their type', () => {
    const deep = { l1: { l2: { l3: { l4: { l5: 1 } } } }, list: [[[[1]]]] };
    const text = JSON.stringify(inspect(deep));
    expect(text).toContain('"l4"'); // the key of an elided value
    expect(text).not.toContain('"l5"');
    expect(text).toContain('{"t":"elided","tag":"Object"}');
    expect(text).toContain('{"t":"elided","tag":"Array"}');
    expect(inspect({ a: { b: 1 } }, { depth: 0 })).toEqual({
      t: 'object',
      tag: 'Object',
      entries: [['a', { t: 'elided', tag: 'Object' }]],
      more: 0,
    });
  });

  it('stays bounded for a wide and deep structure', () => {
    // Shared (not circular) references: cheap to build, yet 50⁴ values to walk naively.
    let wide: unknown = 1;
    for (let level = 0; level < 4; level++) wide = new Array(50).fill(wide);
    const inspected = inspect(wide);
    expect(JSON.stringify(inspected).length).toBeLessThan(500_000);
    expectCloneable(inspected);
  });

  it('inspects Maps and Sets, naming subclasses', () => {
    const map = new Map<unknown, unknown>([['a', 1], [{ k: 1 }, [2]]]);
    expect(inspect(map)).toEqual({
      t: 'map',
      tag: 'Map',
      entries: [
        [str('a'), num('1')],
        [{ t: 'object', tag: 'Object', entries: [['k', num('1')]], more: 0 }, { t: 'array', items: [num('2')], more: 0 }],
      ],
      more: 0,
    });
    class PeerSet extends Set<string> {}
    expect(inspect(new PeerSet(['p1', 'p2']))).toEqual({ t: 'set', tag: 'PeerSet', items: [str('p1'), str('p2')], more: 0 });
    expect(inspect(new Set(Array.from({ length: 55 }, (_, i) => i)))).toMatchObject({ t: 'set', more: 5 });
  });

  it('does not trust a tag alone: a fake Map is inspected as an object', () => {
    expect(inspect(fake('Map', { size: 3 }))).toEqual({ t: 'object', tag: 'Map', entries: [['size', num('3')]], more: 0 });
  });

  it('summarises ArrayBuffers, typed arrays and DataViews with a hex preview', () => {
    const bytes = new Uint8Array([0, 1, 0xab, 0xff]);
    expect(inspect(bytes.buffer)).toEqual({
      t: 'object',
      tag: 'ArrayBuffer',
      entries: [['byteLength', num('4')], ['bytes', str('00 01 ab ff')]],
      more: 0,
    });
    expect(inspect(bytes.subarray(2))).toMatchObject({ tag: 'Uint8Array', entries: [['byteLength', num('2')], ['bytes', str('ab ff')]] });
    expect(inspect(new Float64Array(4))).toMatchObject({ tag: 'Float64Array', entries: [['byteLength', num('32')], ['bytes', str(`${'00 '.repeat(16).trim()} …`)]] });
    expect(inspect(new DataView(bytes.buffer, 1, 2))).toMatchObject({ tag: 'DataView', entries: [['byteLength', num('2')], ['bytes', str('01 ab')]] });
    expect(inspect(new ArrayBuffer(0))).toMatchObject({ entries: [['byteLength', num('0')], ['bytes', str('')]] });
  });

  it('inspects Promises, Dates and RegExps by what they are', () => {
    expect(inspect(Promise.resolve(1))).toEqual({ t: 'object', tag: 'Promise', entries: [], more: 0 });
    expect(inspect(new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))).toEqual({
      t: 'object',
      tag: 'Date',
      entries: [['value', str('2025-01-02T03:04:05.000Z')]],
      more: 0,
    });
    expect(inspect(new Date(NaN))).toMatchObject({ entries: [['value', str('Invalid Date')]] });
    expect(inspect(/stun:(\w+)/giu)).toEqual({ t: 'object', tag: 'RegExp', entries: [['value', str('/stun:(\\w+)/giu')]], more: 0 });
  });
});

describe('inspect: errors and hostile values', () => {
  it('inspects Errors with name, message and stack', () => {
    const inspected = inspect(new TypeError('bad candidate'));
    expect(inspected).toMatchObject({ t: 'error', name: 'TypeError', message: 'bad candidate' });
    expect(variant(inspected, 'error').stack).toContain('bad candidate');
    expect(inspected).not.toHaveProperty('line');
  });

  it('inspects DOMExceptions', () => {
    expect(inspect(new DOMException('Permission denied', 'NotAllowedError'))).toMatchObject({
      t: 'error',
      name: 'NotAllowedError',
      message: 'Permission denied',
    });
    expect(inspect(fake('DOMException', { name: 'NotFoundError', message: 'no camera' }))).toEqual({
      t: 'error',
      name: 'NotFoundError',
      message: 'no camera',
    });
  });

  it('treats any object with string name, message and stack as an error', () => {
    expect(inspect({ name: 'PeerError', message: 'lost', stack: 'PeerError: lost\n at x' })).toEqual({
      t: 'error',
      name: 'PeerError',
      message: 'lost',
      stack: 'PeerError: lost\n at x',
    });
  });

  it('records a throwing getter as an error entry and carries on', () => {
    const value = {
      before: 1,
      get boom(): never {
        throw new RangeError('getter exploded');
      },
      get weird(): never {
        throw 'a string'; // eslint-disable-line no-throw-literal -- learners do this
      },
      after: 2,
    };
    const inspected = inspect(value);
    expect(inspected).toEqual({
      t: 'object',
      tag: 'Object',
      entries: [
        ['before', num('1')],
        ['boom', expect.objectContaining({ t: 'error', name: 'RangeError', message: 'getter exploded' })],
        ['weird', { t: 'error', name: 'Error', message: 'a string' }],
        ['after', num('2')],
      ],
      more: 0,
    });
    expectCloneable(inspected);
  });

  it('survives a proxy whose every trap throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no get');
        },
        ownKeys() {
          throw new Error('no keys');
        },
        getPrototypeOf() {
          throw new Error('no proto');
        },
        getOwnPropertyDescriptor() {
          throw new Error('no descriptor');
        },
      },
    );
    const inspected = inspect({ hostile });
    expect(inspected).toMatchObject({ entries: [['hostile', { t: 'error', message: 'no get' }]] });
    expectCloneable(inspected);
    expect(inspect(Proxy.revocable({}, {}).proxy)).toEqual({ t: 'object', tag: 'Object', entries: [], more: 0 });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(inspect(proxy)).toMatchObject({ t: 'error', name: 'TypeError' });
  });

  it('never throws, and its result always survives structuredClone (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }), (value) => {
        const inspected = inspect(value);
        expectCloneable(inspected);
        expect(typeof formatInspected(inspected)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

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

describe('formatInspected', () => {
  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['-0', -0, '-0'],
    ['NaN', NaN, 'NaN'],
    ['bigint', 5n, '5n'],
    ['a string, quoted', 'hi "you"\n', '"hi \\"you\\"\\n"'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    ['a function', function go() {}, 'ƒ go()'],
    ['an anonymous function', Object.defineProperty(() => {}, 'name', { value: '' }), 'ƒ anonymous()'],
    ['an array', [1, 'a', [2, 3], { b: 1 }, {}, []], '(6) [1, "a", Array(2), {…}, {}, []]'],
    ['a one-item array', [1], '[1]'],
    ['an object', { a: 1, 'b-c': 'x', n: null, m: new Map([[1, 2]]) }, '{a: 1, "b-c": "x", n: null, m: Map(1)}'],
    ['a Map', new Map<unknown, unknown>([['a', { x: 1 }]]), 'Map(1) {"a" => {…}}'],
    ['a Set', new Set([1, 'b']), 'Set(2) {1, "b"}'],
    ['an error', new TypeError('bad'), 'TypeError: bad'],
    ['a Date', new Date(0), '1970-01-01T00:00:00.000Z'],
    ['a RegExp', /a+/g, '/a+/g'],
    ['a Promise', Promise.resolve(), 'Promise {}'],
    ['a nested Promise', { p: Promise.resolve() }, '{p: Promise}'],
  ])('%s', (_, value, expected) => {
    expect(formatInspected(inspect(value))).toBe(expected);
  });

  it('formats a MediaStream like Chrome’s console', () => {
    expect(formatInspected(inspect(fakeStream()))).toBe('MediaStream {id: "stream-1", active: true, tracks: Array(2)}');
  });

  it('formats an RTCPeerConnection and a stats report', () => {
    expect(formatInspected(inspect(fakePeerConnection()))).toBe(
      'RTCPeerConnection {signalingState: "have-local-offer", iceGatheringState: "gathering", iceConnectionState: "new", connectionState: "new", localDescription: "offer", remoteDescription: null}',
    );
    expect(formatInspected(inspect(fakeStatsReport()))).toBe('RTCStatsReport(2) {"T01" => {…}, "CP1" => {…}}');
  });

  it('shows how many entries were left out', () => {
    expect(formatInspected(inspect(Array.from({ length: 4 }, (_, i) => i), { maxEntries: 2 }))).toBe('(4) [0, 1, …2 more]');
    expect(formatInspected(inspect({ a: 1, b: 2, c: 3 }, { maxEntries: 1 }))).toBe('{a: 1, …2 more}');
  });

  it('shows circular, elided and truncated values', () => {
    const a: Record<string, unknown> = {};
    a['me'] = a;
    expect(formatInspected(inspect(a))).toBe('{me: [Circular]}');
    expect(formatInspected({ t: 'array', items: [{ t: 'elided', tag: 'Object' }, { t: 'elided', tag: 'MediaStream' }], more: 0 })).toBe('(2) [{…}, MediaStream]');
    expect(formatInspected(inspect(['abcdef'], { maxString: 3 }))).toBe('["abc"… +3 chars]');
  });

  it('shows an error’s line when it has one', () => {
    expect(formatInspected({ t: 'error', name: 'LoopGuardError', message: 'stopped', line: 4 })).toBe('LoopGuardError: stopped (line 4)');
    expect(formatInspected({ t: 'error', name: 'AbortError', message: '' })).toBe('AbortError');
  });
});

describe('formatConsoleArgs', () => {
  const args = (...values: unknown[]): Inspected[] => values.map((v) => inspect(v));

  it('joins arguments with spaces and leaves top-level strings unquoted', () => {
    expect(formatConsoleArgs(args('state:', 'connected', 3, { a: 'b' }))).toBe('state: connected 3 {a: "b"}');
    expect(formatConsoleArgs([])).toBe('');
  });

  it('applies format specifiers in the first string like the browser', () => {
    expect(formatConsoleArgs(args('%s has %d tracks (%i%%), rtt %f', 'stream', 2.7, 50, 0.01))).toBe('stream has 2 tracks (50%), rtt 0.01');
    expect(formatConsoleArgs(args('%cstyled', 'color: red', 'extra'))).toBe('styled extra');
    expect(formatConsoleArgs(args('%o and %O', [1], { a: 1 }))).toBe('[1] and {a: 1}');
    expect(formatConsoleArgs(args('missing %s'))).toBe('missing %s');
    expect(formatConsoleArgs(args('100% sure', 1))).toBe('100% sure 1');
  });

  it('marks a truncated top-level string', () => {
    expect(formatConsoleArgs(args('x'.repeat(12)).map(() => inspect('x'.repeat(12), { maxString: 10 })))).toBe(`${'x'.repeat(10)}… +2 chars`);
  });
});
