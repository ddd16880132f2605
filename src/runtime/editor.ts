/**
 * The lab editor: Monaco (set up in monaco-setup.ts, themed by editor-theme.ts) with one model
 * per lab file, file tabs (editor-tabs.ts) and lab error markers.
 *
 * Heavy (~1 MiB gz on the main thread plus workers): load it ONLY with a dynamic `import()` when a
 * learner clicks Edit/Run, never from a reading page. Its CSS is injected when it loads
 * (see src/build/monaco-css.ts), so nothing of it reaches a page that is only read.
 */
import { monaco } from './monaco-setup.ts';
import { overflowLayer, removeOverflowLayer, siteTheme } from './editor-theme.ts';
import { createFileTabs, languageOfFile, orderedNames } from './editor-tabs.ts';
import type { TypeProblem } from '../lib/type-diagnostics.ts';
import { typeErrorsIn } from './type-errors.ts';

export interface LabEditor {
  /** Current text of every file. */
  getFiles(): Record<string, string>;
  /** Replaces contents (one undo step per file); adds and removes files to match. */
  setFiles(files: Readonly<Record<string, string>>): void;
  /** Switches the visible tab. */
  showFile(name: string): void;
  /** Red squiggle with `message` on hover (marker owner 'lab'); line and column are 1-based. */
  markError(file: string, line: number, column: number, message: string): void;
  clearMarkers(): void;
  /** Type errors in `file`, from the TypeScript worker (none where there is no type checker). */
  typeErrors(file: string): Promise<TypeProblem[]>;
  focus(): void;
  /** Disposes editor, models and observers, and removes what mountEditor added to the container. */
  dispose(): void;
}

export interface EditorOptions {
  /** Lab files by name (see LAB_FILES in src/lib/lab-manifest.ts). */
  files: Readonly<Record<string, string>>;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Debounced ~300 ms; also after setFiles, and flushed on dispose if an edit is pending. */
  onChange(files: Record<string, string>): void;
  /** Accessible label for the tab list, e.g. "Files" / "파일". */
  labels: { files: string };
}

const MARKER_OWNER = 'lab';
const CHANGE_DELAY_MS = 300;
const MIN_LINES = 12;
const MAX_LINES = 28;
const PADDING = { top: 8, bottom: 8 };

/**
 * The first editor's models live at `file:///<name>` (e.g. `file:///main.ts`). Should a second
 * editor be open at the same time, its models get a folder of their own so the URIs stay unique.
 */
let instanceCounter = 0;
let rootFolderInUse = false;
function modelUri(name: string, folder: string): monaco.Uri {
  return monaco.Uri.parse(`file:///${folder}${encodeURI(name)}`);
}
function claimFolder(): string {
  if (!rootFolderInUse) {
    rootFolderInUse = true;
    return '';
  }
  return `lab-${++instanceCounter}/`;
}
function releaseFolder(folder: string): void {
  if (folder === '') rootFolderInUse = false;
}

export async function mountEditor(container: HTMLElement, options: EditorOptions): Promise<LabEditor> {
  const names = orderedNames(options.files);
  if (names.length === 0) throw new Error('mountEditor: no files');
  const folder = claimFolder();
  const idBase = `lab-editor-${++instanceCounter}`;

  const models = new Map<string, monaco.editor.ITextModel>();
  const modelListeners = new Map<string, monaco.IDisposable>();
  const disposables: monaco.IDisposable[] = [];
  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  let visible = names[0] ?? '';
  let disposed = false;

  // --- DOM: [tablist] + editor host
  const host = document.createElement('div');
  host.className = 'lab-editor-host';
  host.id = `${idBase}-panel`;
  const tabs = createFileTabs({ idBase, panel: host, label: options.labels.files, onSelect: (name) => show(name) });
  container.append(tabs.element, host);

  const getFiles = (): Record<string, string> => {
    const files: Record<string, string> = {};
    for (const [name, model] of models) files[name] = model.getValue();
    return files;
  };

  const scheduleChange = () => {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      changeTimer = undefined;
      if (!disposed) options.onChange(getFiles());
    }, CHANGE_DELAY_MS);
  };

  // A model's language starts its language service: a CSS model would load the CSS worker
  // (186 kB) on Edit though the learner may never open style.css. So other files are plain text
  // until their tab is first shown, and TypeScript ones until the editor has painted (below):
  // the TypeScript worker is the largest download of all, and typing needs none of it.
  const deferredLanguage = new Map<string, string>();
  const waitingForTypeScript = new Set<string>();
  let typeScriptStarted = false;
  const addModel = (name: string, text: string) => {
    const language = languageOfFile(name);
    const typescript = language === 'typescript';
    const now = (typescript && typeScriptStarted) || (!typescript && name === visible) ? language : 'plaintext';
    if (typescript && now !== language) waitingForTypeScript.add(name);
    else if (now !== language) deferredLanguage.set(name, language);
    const model = monaco.editor.createModel(text, now, modelUri(name, folder));
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    models.set(name, model);
    modelListeners.set(name, model.onDidChangeContent(scheduleChange));
  };
  const disposeModel = (name: string, model: monaco.editor.ITextModel) => {
    modelListeners.get(name)?.dispose();
    modelListeners.delete(name);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    model.dispose();
  };
  for (const name of names) addModel(name, options.files[name] ?? '');

  const overflow = overflowLayer();
  const editor = monaco.editor.create(host, {
    model: models.get(visible) ?? null,
    theme: siteTheme().name,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    padding: PADDING,
    tabSize: 2,
    ariaLabel: visible,
    // Long starter lines (instructions in comments) wrap instead of running past the lesson
    // column's right edge; a wrapped line continues one indent deeper than it started.
    wordWrap: 'on',
    wrappingIndent: 'indent',
    // Korean comments break between words, as the page's prose does.
    wordBreak: 'keepAll',
    // Hovers and suggestions may leave the editor's box (it can be short): keep them unclipped.
    fixedOverflowWidgets: true,
    overflowWidgetsDomNode: overflow,
    // The editor grows with its content: let the wheel scroll the page when it has nothing to scroll.
    scrollbar: { alwaysConsumeMouseWheel: false },
    renderLineHighlightOnlyWhenFocus: true,
    // The editor is at most MAX_LINES tall: a sticky header would cover a good part of it.
    stickyScroll: { enabled: false },
  });

  // --- Height: fits the code, between MIN_LINES and MAX_LINES.
  const updateHeight = () => {
    const lineHeight = editor.getOption(monaco.editor.EditorOption.lineHeight);
    const chrome = PADDING.top + PADDING.bottom;
    const min = MIN_LINES * lineHeight + chrome;
    const max = MAX_LINES * lineHeight + chrome;
    const height = Math.round(Math.min(max, Math.max(min, editor.getContentHeight())));
    if (host.style.height !== `${height}px`) {
      host.style.height = `${height}px`;
      editor.layout({ width: host.clientWidth, height });
    }
  };
  disposables.push(editor.onDidContentSizeChange(updateHeight));
  updateHeight();

  // Ctrl/Cmd+Enter runs the lab. (Ctrl+M, Monaco's tab-focus toggle, stays as it is.)
  // An action rather than `editor.addCommand`: addCommand's keybinding is not scoped to its editor,
  // so with two labs open Ctrl+Enter in one would run whichever registered last.
  disposables.push(
    editor.addAction({
      id: 'lab.run',
      label: 'Run',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => options.onRun(),
    }),
  );

  function show(name: string): void {
    const model = models.get(name);
    if (!model || disposed) return;
    const language = deferredLanguage.get(name);
    if (language) {
      deferredLanguage.delete(name);
      monaco.editor.setModelLanguage(model, language);
    }
    if (name !== visible || editor.getModel() !== model) {
      visible = name;
      editor.setModel(model);
      editor.updateOptions({ ariaLabel: name });
    }
    tabs.select(visible);
    updateHeight();
  }

  tabs.setNames([...models.keys()]);
  tabs.select(visible);

  // After the first paint (or a moment, where a background tab paints nothing), TypeScript
  // models get their language, which colours them and starts the worker that checks them.
  const typeScriptReady = new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 250);
  }).then(() => {
    if (disposed) return;
    typeScriptStarted = true;
    for (const name of waitingForTypeScript) {
      const model = models.get(name);
      if (model) monaco.editor.setModelLanguage(model, 'typescript');
    }
    waitingForTypeScript.clear();
  });

  const api: LabEditor = {
    getFiles,

    setFiles(files) {
      if (disposed) return;
      const next = orderedNames(files);
      if (next.length === 0) return;
      for (const name of next) {
        const text = files[name] ?? '';
        const model = models.get(name);
        if (!model) {
          addModel(name, text);
        } else if (model.getValue() !== text) {
          // One undoable edit: the learner can Ctrl+Z back to what they had.
          model.pushStackElement();
          model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
          model.pushStackElement();
        }
      }
      const dropped = [...models].filter(([name]) => !(name in files));
      // Tab order follows `next`.
      const kept = new Map(next.map((name) => [name, models.get(name)!] as const));
      models.clear();
      for (const [name, model] of kept) models.set(name, model);
      if (!models.has(visible)) visible = next[0] ?? visible;
      tabs.setNames(next);
      show(visible);
      // Only now, with the editor on a model that stays, dispose the ones that went.
      for (const [name, model] of dropped) disposeModel(name, model);
    },

    showFile(name) {
      show(name);
    },

    markError(file, line, column, message) {
      const model = models.get(file);
      if (!model || disposed) return;
      const lineNumber = Math.min(Math.max(1, Math.floor(line) || 1), model.getLineCount());
      const maxColumn = model.getLineMaxColumn(lineNumber);
      const col = Math.min(Math.max(1, Math.floor(column) || 1), maxColumn);
      // Underline the word at the position, else one character, else the whole line.
      let startColumn = col;
      let endColumn = col + 1;
      const word = model.getWordAtPosition({ lineNumber, column: col });
      if (word) {
        startColumn = word.startColumn;
        endColumn = word.endColumn;
      } else if (col >= maxColumn) {
        startColumn = model.getLineFirstNonWhitespaceColumn(lineNumber) || 1;
        endColumn = maxColumn;
      }
      const markers: monaco.editor.IMarkerData[] = monaco.editor.getModelMarkers({ owner: MARKER_OWNER, resource: model.uri });
      markers.push({
        severity: monaco.MarkerSeverity.Error,
        message,
        source: 'lab',
        startLineNumber: lineNumber,
        startColumn,
        endLineNumber: lineNumber,
        endColumn: Math.max(endColumn, startColumn + 1),
      });
      monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
      if (file === visible) editor.revealLineInCenterIfOutsideViewport(lineNumber);
    },

    clearMarkers() {
      for (const model of models.values()) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    },

    async typeErrors(file) {
      await typeScriptReady;
      const model = models.get(file);
      return model && languageOfFile(file) === 'typescript' ? typeErrorsIn(model) : [];
    },

    focus() {
      editor.focus();
    },

    dispose() {
      if (disposed) return;
      if (changeTimer !== undefined) {
        clearTimeout(changeTimer);
        changeTimer = undefined;
        options.onChange(getFiles());
      }
      disposed = true;
      for (const disposable of disposables) disposable.dispose();
      editor.dispose();
      for (const [name, model] of models) disposeModel(name, model);
      models.clear();
      releaseFolder(folder);
      removeOverflowLayer(overflow);
      tabs.element.remove();
      host.remove();
    },
  };
  return api;
}
