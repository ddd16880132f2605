import { describe, expect, it } from 'vitest';
import type { Inspected } from '../../src/lib/feed.ts';
import { inspect } from '../../src/lib/inspect/capture.ts';
import { formatConsoleArgs, formatInspected } from '../../src/lib/inspect/format.ts';
import { fakePeerConnection, fakeStatsReport, fakeStream } from '../support/inspect-fakes.ts';

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
