/**
 * Shared pieces of the property tests (tests/unit/*-properties.test.ts): a time bound that shows a
 * pattern gone slow, and the inputs that find such patterns.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Runs `run`, expecting it back within 50 ms; one retry, so a descheduled worker is not a hang. */
export function quick<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  if (performance.now() - start < 50) return result;
  const again = performance.now();
  const second = run();
  expect(performance.now() - again).toBeLessThan(50);
  return second;
}

/** Any text: ASCII, any code point, graphemes. */
export const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

/** A few KB of one piece between a start and an end: where a backtracking pattern would slow down. */
export const longRun = (starts: readonly string[], fillers: readonly string[], ends: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...starts), fc.constantFrom(...fillers), fc.integer({ min: 500, max: 4000 }), fc.constantFrom(...ends))
    .map(([start, filler, times, end]) => `${start}${filler.repeat(times)}${end}`.slice(0, 8000));
