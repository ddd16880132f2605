import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRing } from '../../src/lib/ring-buffer.ts';

describe('ring buffer', () => {
  it('holds everything until it is full, oldest first', () => {
    const ring = createRing<number>(3);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
    expect(ring.dropped).toBe(0);
  });

  it('keeps the newest `capacity` items and counts the ones it forgot', () => {
    const ring = createRing<number>(3);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
    expect(ring.dropped).toBe(4);
  });

  it('starts over when cleared', () => {
    const ring = createRing<string>(2);
    for (const item of ['a', 'b', 'c']) ring.push(item);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.dropped).toBe(0);
    ring.push('d');
    expect(ring.toArray()).toEqual(['d']);
  });

  it('hands out a copy, not its own storage', () => {
    const ring = createRing<number>(2);
    ring.push(1);
    ring.toArray().push(99);
    expect(ring.toArray()).toEqual([1]);
  });

  it('matches the last `capacity` items of an unbounded list, for any pushes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer(), { maxLength: 100 }), (capacity, pushed) => {
        const ring = createRing<number>(capacity);
        for (const item of pushed) ring.push(item);
        expect(ring.toArray()).toEqual(pushed.slice(-capacity));
        expect(ring.dropped).toBe(Math.max(0, pushed.length - capacity));
      }),
    );
  });

  it('refuses a capacity that is not a whole number of at least 1', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => createRing(capacity)).toThrow(RangeError);
  });
});
