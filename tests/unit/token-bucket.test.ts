import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTokenBucket } from '../../src/lib/token-bucket.ts';

describe('token bucket', () => {
  it('allows a burst of exactly its capacity, then refuses', () => {
    const bucket = createTokenBucket({ capacity: 5, refillPerSecond: 1 }, 0);
    const results = Array.from({ length: 7 }, () => bucket.take(0));
    expect(results).toEqual([true, true, true, true, true, false, false]);
  });

  it('refills at its rate and never above capacity', () => {
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 2 }, 0);
    for (let i = 0; i < 3; i++) bucket.take(0);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.take(500)).toBe(true); // 0.5 s × 2/s = 1 token
    expect(bucket.take(500)).toBe(false);
    expect(bucket.available(60_000)).toBe(3);
  });

  it('charges a cost, for byte budgets', () => {
    const bucket = createTokenBucket({ capacity: 1000, refillPerSecond: 100 }, 0);
    expect(bucket.take(0, 900)).toBe(true);
    expect(bucket.take(0, 200)).toBe(false);
    expect(bucket.take(1000, 200)).toBe(true);
  });

  it('ignores a clock that steps backwards', () => {
    const bucket = createTokenBucket({ capacity: 2, refillPerSecond: 1 }, 10_000);
    bucket.take(10_000);
    bucket.take(10_000);
    expect(bucket.take(5_000)).toBe(false);
    expect(bucket.take(10_999)).toBe(false);
    expect(bucket.take(11_000)).toBe(true);
  });

  it('rejects nonsense settings', () => {
    expect(() => createTokenBucket({ capacity: 0, refillPerSecond: 1 }, 0)).toThrow(RangeError);
    expect(() => createTokenBucket({ capacity: 1, refillPerSecond: -1 }, 0)).toThrow(RangeError);
  });

  it('never admits more than capacity + rate × elapsed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 300 }),
        (capacity, rate, gaps) => {
          const bucket = createTokenBucket({ capacity, refillPerSecond: rate }, 0);
          let now = 0;
          let admitted = 0;
          for (const gap of gaps) {
            now += gap;
            if (bucket.take(now)) admitted++;
          }
          return admitted <= capacity + (rate * now) / 1000 + 1e-9;
        },
      ),
    );
  });
});
