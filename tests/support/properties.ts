/**
 * Shared pieces of the property tests (tests/unit/*-properties.test.ts): a time bound that shows a
 * pattern gone slow, and the inputs that find such patterns.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * The bound for one call: far under what a runaway pattern takes (seconds and more on a few KB),
 * far over what a loaded CI machine adds (a 50 ms bound failed there at 99 ms).
 */
const QUICK_MS = 300;

/** Runs `run`, expecting it back within QUICK_MS; one retry, so a descheduled worker is not a hang. */
export function quick<T>(run: () => T): T {
  const start = performance.now();
  const result = run();
  if (performance.now() - start < QUICK_MS) return result;
  const again = performance.now();
  const second = run();
  expect(performance.now() - again).toBeLessThan(QUICK_MS);
  return second;
}

/** Any text: ASCII, any code point, graphemes. */
export const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

/** A few KB of one piece between a start and an end: where a backtracking pattern would slow down. */
export const longRun = (starts: readonly string[], fillers: readonly string[], ends: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...starts), fc.constantFrom(...fillers), fc.integer({ min: 500, max: 4000 }), fc.constantFrom(...ends))
    .map(([start, filler, times, end]) => `${start}${filler.repeat(times)}${end}`.slice(0, 8000));
