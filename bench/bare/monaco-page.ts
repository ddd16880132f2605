/**
 * Baseline for `npm run bench`: a page that does nothing but load Monaco with TypeScript on a
 * click and show one model, so the lab's own cost of opening its editor can be read as a ratio.
 */
const source = document.body.dataset['source'] ?? '';
document.querySelector('#edit')?.addEventListener('click', async () => {
  const monaco = await import('monaco-editor/editor');
  await import('monaco-editor/features/register.all');
  await import('monaco-editor/languages/definitions/typescript/register');
  await import('monaco-editor/languages/features/typescript/register');
  const [{ default: EditorWorker }, { default: TsWorker }] = await Promise.all([
    import('monaco-editor/editor/editor.worker?worker'),
    import('monaco-editor/language/typescript/ts.worker?worker'),
  ]);
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
  };
  const model = monaco.editor.createModel(source || 'const pc = new RTCPeerConnection();\n', 'typescript', monaco.Uri.parse('file:///main.ts'));
  monaco.editor.create(document.querySelector<HTMLElement>('#editor')!, { model, automaticLayout: true, minimap: { enabled: false } });
});
