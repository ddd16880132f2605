/**
 * Learner TypeScript → the classic script the sandbox runs.
 *
 * Every step keeps line numbers: sucrase replaces types and imports in place, the loop
 * guard adds no line breaks, and the wrapper's prefix shares line 1 with the learner's
 * first line. So an error the browser reports on script line N is on the learner's line N,
 * and the sandbox needs no source map.
 */
import { parse, type Node } from 'acorn';
import { transform, type Options } from 'sucrase';
import { instrumentLoops } from './loop-guard.ts';

export type PrepareResult =
  /** `imports`: each module the code imports, from the parse, with the line of its first import. */
  | { ok: true; script: string; imports: readonly ImportedModule[] }
  | { ok: false; error: { message: string; line: number; column: number } };

export interface ImportedModule {
  readonly name: string;
  readonly line: number;
}

export interface PrepareOptions {
  /** Global the script calls with the wrapped learner code, e.g. `__labRun` or `self.__labRun`. */
  readonly entry: string;
  /** Parameter name the loop guard is passed as; must not clash with learner names. */
  readonly guard: string;
}

/**
 * 'imports' turns `import Peer from 'peerjs'` into `require('peerjs')`, which the sandbox
 * resolves with its own require. No ES transforms: the lab frame is a modern browser.
 */
const SUCRASE: Options = { transforms: ['typescript', 'imports'], disableESTransforms: true, production: true };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

export function prepareLabCode(source: string, options: PrepareOptions): PrepareResult {
  const { entry, guard } = options;
  // Both names are spliced into code; anything else is a caller bug, not learner input.
  if (!DOTTED_NAME.test(entry)) throw new TypeError(`entry must be a (dotted) identifier, got ${JSON.stringify(entry)}`);
  if (!IDENTIFIER.test(guard)) throw new TypeError(`guard must be an identifier, got ${JSON.stringify(guard)}`);
  // Sucrase counts only \n as a line break while browsers also count a lone \r; in JS
  // source, CRLF and CR mean the same as LF everywhere they are legal (templates included).
  const normalized = source.replace(/\r\n?/g, '\n');
  const prefix = `${entry}(async function (require, exports, module, ${guard}) {`;

  let js: string;
  try {
    js = transform(normalized, SUCRASE).code;
  } catch (error) {
    // Sucrase's columns are already 1-based and on the learner's text.
    return { ok: false, error: syntaxError(error, (line, column) => ({ line, column })) };
  }

  // Acorn's columns are 0-based and on sucrase's output.
  const lastLine = normalized.split('\n').length;
  const fromOutput = (line: number, column: number): Position => ({
    // The wrapper's closing line is not the learner's; blame their last line instead.
    line: Math.min(line, lastLine),
    column: Math.max(0, learnerColumn(normalized, line, column)) + 1,
  });
  const script = (body: string): string => `${prefix}${body}\n});`;

  let imports: ImportedModule[];
  try {
    // Parse the code exactly as the browser will see it, inside the function, so clashes
    // like `let module = …` with the wrapper's parameters are reported here, with a line.
    const found = requiredModules(parse(script(js), { ecmaVersion: 'latest', sourceType: 'script', locations: true }));
    imports = found
      .filter((entry, index) => found.findIndex((other) => other.name === entry.name) === index)
      .map((entry) => ({ name: entry.name, line: Math.min(entry.line, lastLine) }));
  } catch (error) {
    return {
      ok: false,
      error: syntaxError(error, (line, column) => fromOutput(line, line === 1 ? column - prefix.length : column)),
    };
  }

  try {
    return { ok: true, script: script(instrumentLoops(js, guard)), imports };
  } catch (error) {
    return { ok: false, error: syntaxError(error, fromOutput) };
  }
}

/**
 * Every `require('name')` call in the parsed program (sucrase turns each import into one), with
 * its line. From the parse, so `require('fs')` inside a comment or a string imports nothing.
 */
function requiredModules(program: Node): ImportedModule[] {
  const found: ImportedModule[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') return;
    const node = value as Node & Record<string, unknown>;
    if (node.type === 'CallExpression') {
      const callee = node['callee'] as (Node & { name?: string }) | undefined;
      const [first] = (node['arguments'] as Array<Node & { value?: unknown }> | undefined) ?? [];
      if (callee?.type === 'Identifier' && callee.name === 'require' && first?.type === 'Literal' && typeof first.value === 'string') {
        found.push({ name: first.value, line: node.loc?.start.line ?? 1 });
      }
    }
    for (const [field, child] of Object.entries(node)) if (field !== 'loc') visit(child);
  };
  visit(program);
  return found;
}

interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Turns a parser's error into the learner-facing shape; `locate` converts the parser's own
 * (line, column) to the learner's 1-based position.
 */
function syntaxError(
  error: unknown,
  locate: (line: number, column: number) => Position,
): { message: string; line: number; column: number } {
  const message = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
  const loc = error instanceof Error ? (error as Error & { loc?: { line?: unknown; column?: unknown } }).loc : undefined;
  if (typeof loc?.line !== 'number' || typeof loc.column !== 'number') {
    // Sucrase's internal invariants throw plain Errors on input its parser let through;
    // still the learner's code at fault, just without a position.
    return { message, line: 1, column: 1 };
  }
  return { message, ...locate(loc.line, loc.column) };
}

/**
 * Maps a 0-based column on a line of sucrase's output back to the learner's line, via
 * sucrase's own token-level source map (imports rewrite `Peer` to `_peerjs2.default`, so
 * columns drift while lines do not). Only runs on the error path.
 */
function learnerColumn(source: string, line: number, jsColumn: number): number {
  const map = transform(source, { ...SUCRASE, filePath: 'lab.ts', sourceMapOptions: { compiledFilename: 'lab.js' } }).sourceMap;
  const segments = map ? decodeLine(map.mappings, line - 1) : [];
  let best: { gen: number; src: number } | undefined;
  for (const segment of segments) if (segment.gen <= jsColumn) best = segment;
  return best ? best.src + (jsColumn - best.gen) : jsColumn;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of a source map's VLQ mappings to (generated, source) column pairs. */
function decodeLine(mappings: string, lineIndex: number): Array<{ gen: number; src: number }> {
  const lines = mappings.split(';');
  // The source column is a running delta across the whole map, so earlier lines count.
  let src = 0;
  let result: Array<{ gen: number; src: number }> = [];
  for (let index = 0; index <= lineIndex && index < lines.length; index++) {
    let gen = 0;
    result = [];
    for (const segment of (lines[index] ?? '').split(',')) {
      if (segment === '') continue;
      const fields = decodeVlq(segment);
      gen += fields[0] ?? 0;
      if (fields.length >= 4) src += fields[3] ?? 0;
      result.push({ gen, src });
    }
  }
  return result;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
