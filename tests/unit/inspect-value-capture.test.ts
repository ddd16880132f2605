import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Inspected } from '../../src/lib/feed.ts';
import { inspect } from '../../src/lib/inspect/capture.ts';
import { formatInspected } from '../../src/lib/inspect/format.ts';
import { bool, expectCloneable, fake, num, str, variant } from '../support/inspect-fakes.ts';

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
