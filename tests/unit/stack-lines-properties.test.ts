/**
 * Properties of finding the learner's line in an error stack (src/lib/stack-lines.ts): no stack
 * or script URL makes it throw or take long (a URL full of regular-expression characters is
 * matched as written), every frame naming the script is found in order whatever surrounds it,
 * and the learner's location is the innermost one that is not the wrapper's 1:1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allLocations, learnerLocation, type CodeLocation } from '../../src/lib/stack-lines.ts';
import { anyText, quick } from '../support/properties.ts';

/** A script URL as the runner names it, with regular-expression characters in it; no digit or colon. */
const scriptUrl = fc.string({ unit: fc.constantFrom(...'abcxyz.*+?^${}()|[]\\/-_ '), minLength: 1, maxLength: 12 }).map((middle) => `lab-main-${middle}.js`);
/** What stands around a frame: no digit, no colon, never the start of a script URL (no `l`). */
const noise = fc.string({ unit: fc.constantFrom(...'abc ()@\n\t.at/_-*?[]{}$^|\\'), maxLength: 16 });
const position = fc.integer({ min: 0, max: 100_000 });
const location: fc.Arbitrary<CodeLocation> = fc.oneof(
  fc.record({ line: position, column: position }),
  fc.constant({ line: 1, column: 1 }),
  fc.record({ line: fc.constant(1), column: position }),
);
/** A frame of another script: where the runner's own code was. */
const otherFrame = fc.tuple(position, position).map(([line, column]) => `    at value (http://lab.localhost:4321/_astro/runner.js:${line}:${column})`);

describe('allLocations and learnerLocation (properties)', () => {
  it('never throw on any stack and script URL, quickly, and find only whole numbers', () => {
    const stack = fc.oneof(anyText, fc.constant(undefined), fc.array(fc.constantFrom('x.js', ':', '1', '12', 'at ', '(', ')', '\n', '@', '.', '*'), { maxLength: 800 }).map((pieces) => pieces.join('')));
    const url = fc.oneof(anyText, fc.constantFrom('x.js', '.*', '(', '[', '\\', '$', '^', '(a+)+', 'x.js:1'));
    fc.assert(
      fc.property(stack, url, (s, u) => {
        const all = quick(() => allLocations(s, u));
        const learner = quick(() => learnerLocation(s, u));
        for (const each of all) {
          expect(Number.isInteger(each.line) && each.line >= 0).toBe(true);
          expect(Number.isInteger(each.column) && each.column >= 0).toBe(true);
        }
        if (s === undefined || u === '') expect(all).toEqual([]);
        else expect(all.length).toBeLessThanOrEqual(s.split(u).length - 1);
        expect(learner).toEqual(all.find((each) => !(each.line === 1 && each.column === 1)) ?? null);
      }),
    );
  });

  it('find every frame of the script, in order, in Chromium’s and Firefox’s forms among other frames', () => {
    const frame = fc.tuple(fc.constantFrom('chromium-named', 'chromium-anonymous', 'firefox'), location, noise);
    fc.assert(
      fc.property(scriptUrl, fc.array(fc.oneof(frame, otherFrame), { maxLength: 10 }), noise, (url, frames, head) => {
        const lines = frames.map((each) => {
          if (typeof each === 'string') return each;
          const [form, at, name] = each;
          const where = `${url}:${at.line}:${at.column}`;
          return form === 'chromium-named' ? `    at ${name} (${where})` : form === 'chromium-anonymous' ? `    at ${where}` : `${name}@${where}`;
        });
        const stack = [head, ...lines].join('\n');
        const expected = frames.flatMap((each) => (typeof each === 'string' ? [] : [each[1]]));
        expect(allLocations(stack, url)).toEqual(expected);
        expect(learnerLocation(stack, url)).toEqual(expected.find((each) => !(each.line === 1 && each.column === 1)) ?? null);
      }),
    );
  });

  it('find nothing of a script whose URL the stack does not name', () => {
    fc.assert(
      fc.property(scriptUrl, scriptUrl, fc.array(location, { maxLength: 5 }), (url, other, ats) => {
        fc.pre(!other.includes(url));
        const stack = ats.map((at) => `    at f (${other}:${at.line}:${at.column})`).join('\n');
        expect(allLocations(stack, url)).toEqual([]);
        expect(learnerLocation(stack, url)).toBeNull();
      }),
    );
  });

  it('stay quick on a long stack that names the script again and again', () => {
    fc.assert(
      fc.property(scriptUrl, fc.integer({ min: 100, max: 2000 }), fc.constantFrom(':', ':1', ':1:', ':12:x', ''), (url, times, tail) => {
        const stack = `${url}${tail}`.repeat(times);
        const all = quick(() => allLocations(stack, url));
        expect(all.length).toBeLessThanOrEqual(times);
      }),
      { numRuns: 50 },
    );
  });
});
