/**
 * TypeScript diagnostics as the lab console reports them on Run: one line each, errors only,
 * on the learner's line. Run goes ahead anyway, as in the TypeScript playground: types are
 * advice here, and the code may well run.
 */
export interface MessageChain {
  readonly messageText: string;
  readonly next?: readonly MessageChain[];
}

export interface RawDiagnostic {
  /** 0 warning, 1 error, 2 suggestion, 3 message (TypeScript's DiagnosticCategory). */
  readonly category: number;
  readonly code: number;
  readonly start: number | undefined;
  readonly messageText: string | MessageChain;
}

export interface TypeProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A message chain flattened as TypeScript prints it: each level on its own line, indented. */
export function flattenMessage(text: string | MessageChain, depth = 0): string {
  if (typeof text === 'string') return text;
  const own = `${'  '.repeat(depth)}${text.messageText}`;
  return [own, ...(text.next ?? []).map((next) => flattenMessage(next, depth + 1))].join('\n');
}

/** Errors only, in source order, with `locate` turning an offset into a 1-based line and column. */
export function typeProblems(diagnostics: readonly RawDiagnostic[], locate: (offset: number) => { line: number; column: number }): TypeProblem[] {
  return diagnostics
    .filter((d) => d.category === 1)
    .map((d) => ({ ...locate(d.start ?? 0), message: `TS${d.code}: ${flattenMessage(d.messageText)}` }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
