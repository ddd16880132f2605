import { describe, expect, it } from 'vitest';
import { createAbsentQueue } from '../../src/lib/absent-queue.ts';

describe('the queue for absent ids', () => {
  const limits = { perDestination: 3, total: 5, expireMs: 5000 };

  it('caps each destination and the whole queue', () => {
    const queue = createAbsentQueue(limits);
    expect([1, 2, 3, 4].map(() => queue.tryQueue('a', 0))).toEqual([true, true, true, false]);
    expect([1, 2, 3].map(() => queue.tryQueue('b', 0))).toEqual([true, true, false]);
    expect(queue.size(0)).toBe(5);
  });

  it('frees room as messages expire, or when the destination connects', () => {
    const queue = createAbsentQueue(limits);
    for (let i = 0; i < 3; i += 1) queue.tryQueue('a', i * 1000);
    expect(queue.tryQueue('a', 4000)).toBe(false);
    expect(queue.tryQueue('a', 5000)).toBe(true); // the first expired at 5000
    queue.delivered('a');
    expect(queue.size(5000)).toBe(0);
    expect(queue.tryQueue('a', 5000)).toBe(true);
  });
});
