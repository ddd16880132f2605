import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { prepareLabCode, type PrepareResult } from '../../src/lib/transpile.ts';

const OPTIONS = { entry: '__labRun', guard: '__labGuard' };

function script(source: string): string {
  const result = prepareLabCode(source, OPTIONS);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.script;
}

function failure(source: string): Extract<PrepareResult, { ok: false }>['error'] {
  const result = prepareLabCode(source, OPTIONS);
  if (result.ok) throw new Error('expected a syntax error');
  return result.error;
}

/** Every `mark(N)` in the source must sit on line N of the script. */
function expectMarksOnTheirLines(source: string): void {
  const lines = script(source).split('\n');
  const marks = [...source.matchAll(/mark\((\d+)\)/g)].map((m) => Number(m[1]));
  expect(marks.length).toBeGreaterThan(0);
  for (const line of marks) expect(lines[line - 1], `mark(${line})`).toContain(`mark(${line})`);
}

/**
 * Runs a prepared script the way the sandbox does, in a fresh VM context with a file name,
 * so stack traces show the line numbers a browser would.
 */
async function run(source: string, modules: Record<string, unknown> = {}): Promise<{ calls: unknown[][]; exports: Record<string, unknown> }> {
  const calls: unknown[][] = [];
  const exports: Record<string, unknown> = {};
  let body: ((...args: unknown[]) => Promise<void>) | undefined;
  runInNewContext(script(source), { __labRun: (fn: typeof body) => (body = fn), mark: (...args: unknown[]) => calls.push(args) }, { filename: 'lab.js' });
  const require = (name: string): unknown => {
    if (!(name in modules)) throw new Error(`Cannot import "${name}"`);
    return modules[name];
  };
  await body?.(require, exports, { exports }, () => undefined);
  return { calls, exports };
}

describe('prepareLabCode: line numbers', () => {
  it('wraps the code on line 1 and closes it on a line of its own', () => {
    const out = script('mark(1);\nmark(2);');
    expect(out.startsWith(`__labRun(async function (require, exports, module, __labGuard) {`)).toBe(true);
    expect(out.endsWith('\n});')).toBe(true);
    expect(out.split('\n')).toHaveLength(3);
  });

  it('keeps lines through imports, including multi-line and unused ones', () => {
    expectMarksOnTheirLines(
      [
        "import Peer from 'peerjs';",
        "import { a, b as c } from 'lib';",
        "import * as ns from 'ns';",
        'import {',
        '  d,',
        "} from 'lib2';",
        "import 'side-effect';",
        'mark(8); new Peer(); ns.x(a, c, d);',
      ].join('\n'),
    );
  });

  it('keeps lines through type-only imports and exports', () => {
    expectMarksOnTheirLines(
      [
        "import type { RTCStuff } from './types';",
        "import { type Other, value } from 'lib';",
        'export type Shape = { a: Other };',
        'mark(4); value;',
        'export const x: RTCStuff | null = null; mark(5);',
        'export function f() {}',
        'mark(7);',
      ].join('\n'),
    );
  });

  it('keeps lines through interfaces, type aliases and enums that span lines', () => {
    expectMarksOnTheirLines(
      [
        'interface Peer {',
        '  id: string;',
        '  pc: RTCPeerConnection;',
        '}',
        'mark(5);',
        'type Msg =',
        "  | { kind: 'offer'; sdp: string }",
        "  | { kind: 'answer'; sdp: string };",
        'enum Role {',
        '  Caller,',
        '  Callee = 5,',
        '}',
        'mark(13); Role.Callee;',
        'const enum Flag { A = 1 }',
        'mark(15);',
      ].join('\n'),
    );
  });

  it('keeps lines through classes with parameter properties, generics, casts and non-null assertions', () => {
    expectMarksOnTheirLines(
      [
        'class Caller {',
        '  constructor(private readonly pc: RTCPeerConnection,',
        '    public name = "a") {',
        '    mark(4);',
        '  }',
        '}',
        'const id = <T,>(v: T): T => v!;',
        'const s = (1 as unknown) as string satisfies string; mark(8);',
        'abstract class Base { abstract run(): void }',
        'mark(10);',
      ].join('\n'),
    );
  });

  it('keeps lines with top-level await', () => {
    expectMarksOnTheirLines('const x = await Promise.resolve(1);\nmark(2);\nawait null; mark(3);');
  });

  it('keeps lines for any mix of multi-line TypeScript blocks (property)', () => {
    // Each block takes an index so names never clash between blocks.
    const block = fc.constantFrom<(i: number) => string>(
      (i) => `import Peer${i} from 'peerjs';\nnew Peer${i}();`,
      (i) => `import type { X${i} } from 'x';`,
      (i) => `import {\n  a${i},\n  b${i},\n} from 'lib';\na${i}(b${i});`,
      (i) => `interface I${i} {\n  a: number;\n  b: string;\n}`,
      (i) => `type T${i} =\n  | 1\n  | 2;`,
      (i) => `enum E${i} {\n  A,\n  B,\n}`,
      (i) => `const v${i}: Array<number> = [1, 2]\n  .map((n: number): number => n * 2);`,
      () => 'for (let i = 0; i < 2; i++)\n  i;',
      () => 'while (false) {\n}',
      () => 'await null;',
      () => '/* a\n comment */',
      (i) => `const t${i} = \`a\nb\`;`,
      (i) => `export const e${i} = 1;`,
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 10 }), (blocks) => {
        const lines = ['mark(1);'];
        for (const [i, b] of blocks.entries()) {
          lines.push(...b(i).split('\n'));
          lines.push(`mark(${lines.length + 1});`);
        }
        expectMarksOnTheirLines(lines.join('\n'));
      }),
      { numRuns: 60 },
    );
  });

  it('treats CRLF line endings like LF', () => {
    expectMarksOnTheirLines('interface A {\r\n  a: 1;\r\n}\r\nmark(4);\r\nmark(5);');
  });
});

describe('prepareLabCode: running', () => {
  it('runs top-level await inside the async wrapper', async () => {
    const { calls } = await run('const x: number = await Promise.resolve(41);\nmark(x + 1);');
    expect(calls).toEqual([[42]]);
  });

  it('resolves imports with the sandbox’s require, default and named', async () => {
    class FakePeer {
      readonly id = 'p1';
    }
    const { calls, exports } = await run(
      "import Peer from 'peerjs';\nimport { log } from 'lab';\nexport const answer = 42;\nmark(new Peer().id, log());",
      { peerjs: { __esModule: true, default: FakePeer }, lab: { __esModule: true, log: () => 'logged' } },
    );
    expect(calls).toEqual([['p1', 'logged']]);
    expect(exports['answer']).toBe(42);
  });

  it('reports a runtime error on the learner’s line', async () => {
    const source = "import type { T } from 'x';\ninterface I {\n  a: T;\n}\nawait null;\nthrow new Error('boom');";
    const error: unknown = await run(source).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((error as Error).stack)).toMatch(/lab\.js:6:\d+/);
  });

  it('instruments loops with the guard parameter and the learner’s line', () => {
    const out = script('interface A {\n  a: 1;\n}\nwhile (true) {\n  await null;\n}');
    expect(out.split('\n')[3]).toBe('while (true) {__labGuard(4);');
  });

  it('calls the guard, which can stop a runaway loop', async () => {
    let body: ((...args: unknown[]) => Promise<void>) | undefined;
    runInNewContext(script('let n = 0;\nwhile (true) n++;'), { __labRun: (fn: typeof body) => (body = fn) });
    let calls = 0;
    const guard = (line: number): void => {
      if (++calls > 100) throw new Error(`stopped on line ${line}`);
    };
    await expect(body?.(() => undefined, {}, {}, guard)).rejects.toThrow('stopped on line 2');
  });

  it('accepts a dotted entry and refuses names that are not identifiers', () => {
    expect(prepareLabCode('1;', { entry: 'self.__labRun', guard: 'g' }).ok).toBe(true);
    expect(() => prepareLabCode('1;', { entry: 'x);alert(1', guard: 'g' })).toThrow(TypeError);
    expect(() => prepareLabCode('1;', { entry: 'run', guard: 'a b' })).toThrow(TypeError);
  });
});

describe('prepareLabCode: syntax errors', () => {
  it('reports a missing ) on line 3 as line 3, with a clean message', () => {
    const error = failure('const a = 1;\nconst b = 2;\nconsole.log(a, b;\n');
    expect(error.line).toBe(3);
    expect(error.column).toBe(17); // the `;` where `)` was expected, 1-based
    expect(error.message).not.toMatch(/\(\d+:\d+\)/);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('reports an error after multi-line types on the learner’s line', () => {
    const error = failure('interface A {\n  a: number;\n}\nenum E {\n  X,\n}\nconst c = (a + ;\n');
    expect(error.line).toBe(7);
    expect(error.column).toBe(16);
  });

  it('reports errors only the JavaScript parser catches, at the learner’s column', () => {
    // `Peer` becomes `(0, _peerjs2.default)` in the output, shifting later columns.
    const error = failure("import Peer from 'peerjs';\nconst a = new Peer(); let a = 2;\n");
    expect(error).toEqual({ message: "Identifier 'a' has already been declared", line: 2, column: 27 });
  });

  it('reports a clash with the wrapper’s parameters', () => {
    expect(failure('const x = 1;\nconst module = 2;')).toMatchObject({ line: 2, column: 7 });
    expect(failure('let require = 1;')).toMatchObject({ line: 1, column: 5 });
  });

  it('reports strict-mode errors, since the wrapped code is strict', () => {
    expect(failure('const o = {};\nwith (o) {}')).toMatchObject({ line: 2, column: 1 });
  });

  it('reports an invalid regular expression', () => {
    // acorn points at the pattern, just after the opening slash
    expect(failure('const ok = 1;\nconst r = /a(/;')).toMatchObject({ line: 2, column: 12 });
  });

  it('never throws on arbitrary input and always gives a position inside the source (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (source) => {
        const result = prepareLabCode(source, OPTIONS);
        if (result.ok) return;
        const lineCount = source.replace(/\r\n?/g, '\n').split('\n').length;
        expect(result.error.line).toBeGreaterThanOrEqual(1);
        expect(result.error.line).toBeLessThanOrEqual(lineCount);
        expect(result.error.column).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('prepareLabCode: imports come from the parse', () => {
  it('lists the modules the code imports', () => {
    const result = prepareLabCode("import Peer from 'peerjs';\nimport adapter from 'webrtc-adapter';\nimport { log } from 'lab';\nlog(Peer, adapter);\n", OPTIONS);
    expect(result.ok && result.imports).toEqual([
      { name: 'peerjs', line: 1 },
      { name: 'webrtc-adapter', line: 2 },
      { name: 'lab', line: 3 },
    ]);
  });

  it('ignores require() in comments and strings', () => {
    const result = prepareLabCode("// const fs = require('fs');\nconst s = \"require('fs')\";\n/* require('child_process') */\n", OPTIONS);
    expect(result.ok && result.imports).toEqual([]);
  });

  it('gives each import its line, for the page to refuse modules labs cannot use', () => {
    const result = prepareLabCode("const a = 1;\nimport fs from 'fs';\nfs.readFileSync(a);\n", OPTIONS);
    expect(result.ok && result.imports).toEqual([{ name: 'fs', line: 2 }]);
  });
});
