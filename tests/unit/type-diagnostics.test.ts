import { describe, expect, it } from 'vitest';
import { flattenMessage, typeProblems } from '../../src/lib/type-diagnostics.ts';

describe('type diagnostics for the console', () => {
  it('flattens a message chain as TypeScript prints it', () => {
    const chain = { messageText: "Type 'string' is not assignable to type 'number'.", next: [{ messageText: 'Deeper reason.' }] };
    expect(flattenMessage(chain)).toBe("Type 'string' is not assignable to type 'number'.\n  Deeper reason.");
  });

  it('keeps errors only, in source order, on the learner’s lines', () => {
    const source = 'const a: number = "x";\nconst b = a.nope;\n';
    const locate = (offset: number) => {
      const before = source.slice(0, offset).split('\n');
      return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
    };
    const problems = typeProblems(
      [
        { category: 1, code: 2339, start: source.indexOf('nope'), messageText: "Property 'nope' does not exist on type 'number'." },
        { category: 2, code: 80001, start: 0, messageText: 'A suggestion.' },
        { category: 1, code: 2322, start: 6, messageText: "Type 'string' is not assignable to type 'number'." },
      ],
      locate,
    );
    expect(problems).toEqual([
      { line: 1, column: 7, message: "TS2322: Type 'string' is not assignable to type 'number'." },
      { line: 2, column: 13, message: "TS2339: Property 'nope' does not exist on type 'number'." },
    ]);
  });
});
