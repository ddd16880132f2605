/**
 * Asks Monaco's TypeScript worker for the type errors of a model, for the console to report
 * on Run. Syntax errors are not asked for: the page's own parser reports those, with lines.
 */
import type * as monaco from 'monaco-editor/editor';
import { getTypeScriptWorker } from 'monaco-editor/languages/features/typescript/register';
import { typeProblems, type TypeProblem } from '../lib/type-diagnostics.ts';

export async function typeErrorsIn(model: monaco.editor.ITextModel): Promise<TypeProblem[]> {
  const getWorker = await getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const diagnostics = await worker.getSemanticDiagnostics(model.uri.toString());
  return typeProblems(diagnostics, (offset) => {
    const position = model.getPositionAt(offset);
    return { line: position.lineNumber, column: position.column };
  });
}
