import { describe, expect, it } from 'vitest';
import { createConnectionCounter } from '../../src/lib/connection-counter.ts';

describe('connection counter', () => {
  it('caps each key separately', () => {
    const counter = createConnectionCounter(2);
    expect(counter.tryAcquire('10.0.0.1')).toBe(true);
    expect(counter.tryAcquire('10.0.0.1')).toBe(true);
    expect(counter.tryAcquire('10.0.0.1')).toBe(false);
    expect(counter.tryAcquire('10.0.0.2')).toBe(true);
    expect(counter.count('10.0.0.1')).toBe(2);
  });

  it('frees a slot on release and forgets empty keys', () => {
    const counter = createConnectionCounter(1);
    counter.tryAcquire('a');
    counter.release('a');
    expect(counter.size).toBe(0);
    expect(counter.tryAcquire('a')).toBe(true);
    counter.release('never-seen');
    expect(counter.count('never-seen')).toBe(0);
  });

  it('rejects a cap that is not a positive integer', () => {
    expect(() => createConnectionCounter(0)).toThrow(RangeError);
    expect(() => createConnectionCounter(1.5)).toThrow(RangeError);
  });
});
