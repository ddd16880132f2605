/**
 * Stops runaway loops in learner code without falsely stopping async code.
 *
 * Two halves: `instrumentLoops` (here, before the code runs) puts a call to the guard at the
 * top of every loop body, and `createLoopGuard` (loop-guard-runtime.ts, in the lab frame)
 * decides when a call means the tab is frozen. They are separate modules so the frame does not
 * carry the parser. The guard measures continuous synchronous time — time during which the
 * event loop never got a macrotask turn — not how long a loop has existed, so a loop that
 * awaits a timer or a network event can run forever, while `while (true) {}` and
 * `while (true) { await null }` (microtasks only; the tab is just as frozen) are stopped.
 */
import { parse, type Node } from 'acorn';

const LOOP_TYPES: ReadonlySet<string> = new Set([
  'ForStatement',
  'ForInStatement',
  'ForOfStatement', // also `for await`
  'WhileStatement',
  'DoWhileStatement',
]);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

interface Insertion {
  readonly at: number;
  readonly text: string;
}

/**
 * Returns `js` with `${guard}(line);` at the start of every loop body. Adds no line breaks,
 * so every statement keeps its line number. Throws acorn's SyntaxError untouched.
 */
export function instrumentLoops(js: string, guard: string): string {
  // The name is spliced into code; anything but an identifier is a caller bug, not learner input.
  if (!IDENTIFIER.test(guard)) throw new TypeError(`loop guard must be an identifier, got ${JSON.stringify(guard)}`);
  const program = parse(js, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowAwaitOutsideFunction: true,
    allowReturnOutsideFunction: true,
    locations: true,
  });

  const insertions: Insertion[] = [];
  visit(program, (node) => {
    if (!LOOP_TYPES.has(node.type)) return;
    const body = (node as Node & { body: Node }).body;
    // acorn always fills `loc` when `locations` is on; 0 would only mark a broken parser.
    const call = `${guard}(${node.loc?.start.line ?? 0});`;
    if (body.type === 'BlockStatement') {
      insertions.push({ at: body.start + 1, text: call });
    } else {
      insertions.push({ at: body.start, text: `{ ${call} ` }, { at: body.end, text: ' }' });
    }
  });

  // Splicing from the end keeps every earlier position valid. Insertions that share a
  // position are all ' }' (nested non-block bodies ending together), so their order is moot.
  insertions.sort((a, b) => b.at - a.at);
  let out = js;
  for (const { at, text } of insertions) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/** Calls `enter` on every node, parents before children. */
function visit(node: Node, enter: (node: Node) => void): void {
  enter(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, enter);
    } else if (isNode(value)) {
      visit(value, enter);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
