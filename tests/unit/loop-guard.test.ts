import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'acorn';
import { instrumentLoops } from '../../src/lib/loop-guard.ts';
import { frameMessage } from '../../src/lib/frame-messages.ts';
import { createLoopGuard, LoopGuardError, MAX_STRIDE } from '../../src/lib/loop-guard-runtime.ts';

const G = '__guard';

/** Parses as the sandbox would run it: inside an async function. */
const parses = (js: string): void => {
  parse(`(async function (${G}) {${js}\n})`, { ecmaVersion: 'latest', sourceType: 'script' });
};

/** Runs instrumented code synchronously and returns the lines the guard was called with. */
function guardCalls(js: string): number[] {
  const calls: number[] = [];
  new Function(G, instrumentLoops(js, G))((line: number) => calls.push(line));
  return calls;
}

describe('instrumentLoops', () => {
  it('guards every kind of loop, at the top of its body, with the loop keyword’s line', () => {
    const js = [
      'let n = 0;',
      'for (let i = 0; i < 2; i++) { n++; }',
      'for (const k in { a: 1 }) { n++; }',
      'for (const v of [1]) { n++; }',
      'while (n < 5) { n++; }',
      'do { n++; } while (n < 6);',
    ].join('\n');
    expect(instrumentLoops(js, G)).toContain(`for (let i = 0; i < 2; i++) {${G}(2); n++; }`);
    expect(guardCalls(js)).toEqual([2, 2, 3, 4, 5, 6]);
  });

  it('wraps non-block bodies in braces without adding lines', () => {
    const js = 'let i = 0;\nwhile (i < 3) i++;\ndo i--; while (i > 0)\nfor (;;) break;';
    const out = instrumentLoops(js, G);
    expect(out).toBe(`let i = 0;\nwhile (i < 3) { ${G}(2); i++; }\ndo { ${G}(3); i--; } while (i > 0)\nfor (;;) { ${G}(4); break; }`);
    expect(guardCalls(js)).toEqual([2, 2, 2, 3, 3, 3, 4]);
  });

  it('handles nested and labelled loops, and loops inside functions, classes and arrows', () => {
    const js = [
      'outer: for (let i = 0; i < 2; i++)',
      '  for (let j = 0; j < 2; j++) if (j) continue outer;',
      'const f = () => { while (false); };',
      'class C { m() { for (const x of []) x; } static { while (false) {} } }',
      'f();',
    ].join('\n');
    const out = instrumentLoops(js, G);
    expect(out.split('\n')).toHaveLength(5);
    parses(out);
    expect(guardCalls(js)).toEqual([1, 2, 2, 1, 2, 2]);
  });

  it('guards for await loops and loops in async code', () => {
    const js = 'for await (const x of [Promise.resolve(1)]) { console.log(x); }\nasync function g() { while (true) await null; }';
    const out = instrumentLoops(js, G);
    expect(out).toContain(`for await (const x of [Promise.resolve(1)]) {${G}(1);`);
    expect(out).toContain(`while (true) { ${G}(2); await null; }`);
    parses(out);
  });

  it('ignores loop-looking text in strings, comments, templates and regexes', () => {
    const js = "const s = 'while (true) {}'; // for (;;) {}\nconst t = `for (x of y) {}`; const r = /while(1){}/;";
    expect(instrumentLoops(js, G)).toBe(js);
  });

  it('keeps every line and adds no line breaks (property)', () => {
    const statement = fc.constantFrom(
      'x++;',
      'while (x < 1) x++;',
      'for (;;) { break; }',
      'do x--; while (x > 0)',
      'for (const k in o) if (k) continue;',
      'if (x) for (const v of a) x += v; else x = 0;',
      'function f() { return 1; }',
      '{ let y = 0; while (y < 2) { y++; } }',
    );
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 12 }), fc.array(fc.constantFrom(' ', '\n', '\n\n'), { maxLength: 12 }), (statements, gaps) => {
        const js = `let x = 0; const o = {}; const a = [];\n${statements.map((s, i) => s + (gaps[i] ?? '\n')).join('')}`;
        const out = instrumentLoops(js, G);
        expect(out.split('\n').length).toBe(js.split('\n').length);
        parses(out);
        // Removing the inserted calls and braces gives back the original, modulo spacing.
        const stripped = out.replaceAll(new RegExp(`\\{ ${G}\\(\\d+\\); (.*?) \\}`, 'g'), '$1').replaceAll(new RegExp(`${G}\\(\\d+\\);`, 'g'), '');
        expect(stripped.replace(/\s+/g, ' ')).toBe(js.replace(/\s+/g, ' '));
      }),
    );
  });

  it('throws acorn’s SyntaxError untouched', () => {
    let caught: unknown;
    try {
      instrumentLoops('let a = 1;\nlet b = (;', G);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SyntaxError);
    expect((caught as SyntaxError & { loc: { line: number } }).loc.line).toBe(2);
  });

  it('refuses a guard name that is not an identifier', () => {
    expect(() => instrumentLoops('', 'a-b')).toThrow(TypeError);
    expect(() => instrumentLoops('', 'x);alert(1')).toThrow(TypeError);
  });
});

/**
 * A fake event loop: a clock and a queue of turn callbacks that only run when the test
 * says a macrotask turn happened.
 */
function fakeLoop(budgetMs = 1000) {
  let time = 0;
  let pending: Array<() => void> = [];
  const guard = createLoopGuard({
    now: () => time,
    budgetMs,
    scheduleTurn: (callback) => pending.push(callback),
  });
  return {
    guard,
    advance(ms: number) {
      time += ms;
    },
    turn() {
      const run = pending;
      pending = [];
      for (const callback of run) callback();
    },
    get pending() {
      return pending.length;
    },
  };
}

describe('createLoopGuard', () => {
  it('stops `while (true) {}` after about the budget', () => {
    const loop = fakeLoop();
    let iterations = 0;
    const run = (): void => {
      for (;;) {
        loop.guard(7);
        iterations++;
        loop.advance(1); // each iteration takes 1 ms of synchronous time
      }
    };
    expect(run).toThrow(LoopGuardError);
    expect(iterations).toBe(1001);
  });

  it('reads the clock rarely in a tight loop, and still stops it within a few ms of the budget', () => {
    let time = 0;
    let readings = 0;
    const guard = createLoopGuard({
      now: () => {
        readings += 1;
        return time;
      },
      budgetMs: 1000,
      scheduleTurn: () => {},
    });
    let iterations = 0;
    const run = (): void => {
      for (;;) {
        guard(4);
        iterations += 1;
        time += 0.002; // a tight loop: 2 µs an iteration
      }
    };
    expect(run).toThrow(LoopGuardError);
    expect(time).toBeGreaterThan(1000);
    expect(time).toBeLessThan(1001);
    expect(readings).toBeLessThan(iterations / 100);
  });

  it('reports the loop’s line and a message that says what happened', () => {
    const loop = fakeLoop(1000);
    loop.guard(12);
    loop.advance(1001);
    let caught: unknown;
    try {
      loop.guard(12);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LoopGuardError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as LoopGuardError;
    expect(error.name).toBe('LoopGuardError');
    expect(error.line).toBe(12);
    expect(error.message).toBe('Loop on line 12 ran for more than 1 s without giving the browser a turn; stopped it.');
  });

  it('words its message with the function it was given (the learner’s language)', () => {
    let time = 0;
    const guard = createLoopGuard({
      now: () => time,
      budgetMs: 2000,
      scheduleTurn: () => {},
      message: (line, seconds) => frameMessage('ko', 'loopGuard', { line, seconds }),
    });
    guard(5);
    time = 2001;
    expect(() => guard(5)).toThrow('5번째 줄의 반복문이 브라우저에 차례를 넘기지 않은 채 2초 넘게 실행되어 멈췄습니다.');
  });

  it('lets a loop that awaits a timer run forever', () => {
    const loop = fakeLoop();
    // for (;;) { guard(3); …; await new Promise(r => setTimeout(r, 50)) }: the timer is a
    // macrotask, so the turn scheduled at the slice's start always fires first.
    for (let i = 0; i < 10_000; i++) {
      loop.guard(3);
      loop.advance(5);
      loop.turn();
      loop.advance(50);
    }
    expect(loop.pending).toBe(0);
  });

  it('stops `while (true) { await null }`: microtasks never give the browser a turn', async () => {
    const loop = fakeLoop();
    let iterations = 0;
    const run = async (): Promise<void> => {
      for (;;) {
        loop.guard(4);
        iterations++;
        loop.advance(1);
        await null;
      }
    };
    await expect(run()).rejects.toBeInstanceOf(LoopGuardError);
    expect(iterations).toBe(1001);
  });

  it('measures synchronous time, not loop age: a long-lived loop with turns is fine, one long slice is not', () => {
    const loop = fakeLoop();
    loop.guard(1);
    loop.advance(900);
    loop.turn();
    loop.guard(1); // a new slice starts here
    loop.advance(900);
    expect(() => loop.guard(1)).not.toThrow(); // 900 ms into this slice, 1800 ms of loop age
    loop.advance(101);
    expect(() => loop.guard(1)).toThrow(LoopGuardError);
  });

  it('keeps stopping after a throw, so an outer loop that catches is stopped too', () => {
    const loop = fakeLoop();
    loop.guard(2);
    loop.advance(2000);
    expect(() => loop.guard(3)).toThrow(LoopGuardError);
    expect(() => loop.guard(1)).toThrow(/line 1/);
    loop.turn();
    expect(() => loop.guard(1)).not.toThrow();
  });

  it('schedules one turn per slice, not one per call', () => {
    const loop = fakeLoop();
    for (let i = 0; i < 100; i++) loop.guard(1);
    expect(loop.pending).toBe(1);
  });

  it('never throws when a turn happens between calls, whatever the clock does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 200 }), (budget, gaps) => {
        const loop = fakeLoop(budget);
        for (const gap of gaps) {
          loop.guard(1);
          loop.advance(gap);
          loop.turn();
        }
      }),
    );
  });

  it('without turns, a loop whose iterations take a millisecond or more is stopped at the first check past the budget (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 200 }), (budget, gaps) => {
        const loop = fakeLoop(budget);
        let elapsed = 0;
        loop.guard(1);
        for (const gap of gaps) {
          loop.advance(gap);
          elapsed += gap;
          if (elapsed > budget) {
            expect(() => loop.guard(1)).toThrow(LoopGuardError);
            return;
          }
          loop.guard(1);
        }
      }),
    );
  });

  it('without turns, any loop is stopped within MAX_STRIDE checks past the budget, and never before it (property)', () => {
    // Fast iterations read the clock only every few calls (up to MAX_STRIDE), so a loop that
    // turns slow is caught a few iterations late, never early.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.9, noNaN: true }), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 2000 }), (budget, gaps) => {
        const loop = fakeLoop(budget);
        let elapsed = 0;
        let callsPast = 0;
        loop.guard(1);
        for (const gap of [...gaps, ...Array.from({ length: MAX_STRIDE }, () => 1)]) {
          loop.advance(gap);
          elapsed += gap;
          let threw = false;
          try {
            loop.guard(1);
          } catch (error) {
            expect(error).toBeInstanceOf(LoopGuardError);
            threw = true;
          }
          if (elapsed <= budget) {
            expect(threw).toBe(false);
            continue;
          }
          callsPast += 1;
          if (threw) return;
          expect(callsPast).toBeLessThan(MAX_STRIDE);
        }
        expect(elapsed).toBeLessThanOrEqual(budget);
      }),
    );
  });
});
