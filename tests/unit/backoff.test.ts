import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffDelay } from '../../src/lib/pairing/backoff.ts';

describe('reconnect backoff', () => {
  it('doubles from half a second to eight, and stays there', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
  it('shortens a wait by at most a quarter', () => {
    expect(backoffDelay(0, 0.999)).toBeGreaterThanOrEqual(BACKOFF.firstMs * 0.75);
    expect(backoffDelay(4, 0.5)).toBe(7000);
  });
});
