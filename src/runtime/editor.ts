/**
 * The lab editor: Monaco with TypeScript, HTML and CSS, file tabs, lab error markers and
 * IntelliSense for the modules lab code imports (`peerjs`, `lab`, `webrtc-adapter`).
 *
 * Heavy (~1 MiB gz on the main thread plus workers): load it ONLY with a dynamic `import()` when a
 * learner clicks Edit/Run, never from a reading page. Its CSS is injected when it loads
 * (see src/build/monaco-css.ts), so nothing of it reaches a page that is only read.
 */
import * as monaco from 'monaco-editor/editor';

// All editor features (hover, suggest, find, Ctrl+M "Toggle Tab Key Moves Focus" — the escape
// from the editor's Tab trap —, …). Not a curated subset on purpose: in monaco 0.57 every
// language service (here TypeScript, HTML, CSS) reaches `internal/common/workers.js`, which
// imports all editor contributions anyway. Picking fewer here saves no bytes; it only delays them
// to a second chunk that arrives after the first editor was created (contributions registered
// later never attach to an existing editor), so the first lab would have fewer features than the
// next one.
import 'monaco-editor/features/register.all';

// Languages: syntax colouring (lazy Monarch grammars) and language services (lazy, in workers).
// JavaScript's grammar is registered for `<script>` blocks embedded in index.html.
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/html/register';
import 'monaco-editor/languages/definitions/css/register';
import 'monaco-editor/languages/features/html/register';
import 'monaco-editor/languages/features/css/register';
import {
  ModuleKind,
  typescriptDefaults,
  type CompilerOptions,
  type ModuleResolutionKind,
  type ScriptTarget,
} from 'monaco-editor/languages/features/typescript/register';

import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import HtmlWorker from 'monaco-editor/language/html/html.worker?worker';
import CssWorker from 'monaco-editor/language/css/css.worker?worker';

// PeerJS's own declarations, and those of the eventemitter3 it depends on (peerjs 1.5 pins
// eventemitter3 4.x, which npm installs under peerjs/node_modules: the top-level copy is 5.x and
// its package `exports` hide index.d.ts anyway).
import peerjsTypes from 'peerjs/dist/types.d.ts?raw';
import eventemitter3Types from 'peerjs/node_modules/eventemitter3/index.d.ts?raw';
// The same declarations `astro check` uses for the labs, so editor and build agree.
import LAB_MODULE_TYPES from '../labs/lab-module.d.ts?raw';

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
  focus(): void;
  /** Disposes editor, models and observers, and removes what mountEditor added to the container. */
  dispose(): void;
}

export interface EditorOptions {
  /** Keys among 'main.ts' | 'index.html' | 'style.css'. */
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
/** Tab order; any other file goes after these, alphabetically. */
const FILE_ORDER = ['main.ts', 'index.html', 'style.css'];

// ---------------------------------------------------------------------------------------------
// One-time setup (module scope runs once per page)

globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'typescript':
      case 'javascript':
        return new TypeScriptWorker();
      case 'html':
      case 'handlebars':
      case 'razor':
        return new HtmlWorker();
      case 'css':
      case 'scss':
      case 'less':
        return new CssWorker();
      default:
        return new EditorWorker();
    }
  },
};

// Values of TypeScript enums that monaco's typed subset does not list (the bundled compiler is 5.9).
const SCRIPT_TARGET_ES2022 = 9 as ScriptTarget;
const MODULE_RESOLUTION_BUNDLER = 100 as ModuleResolutionKind;
const MODULE_DETECTION_FORCE = 3;

const compilerOptions: CompilerOptions = {
  target: SCRIPT_TARGET_ES2022,
  module: ModuleKind.ESNext,
  moduleResolution: MODULE_RESOLUTION_BUNDLER,
  // Every lab file is an ES module (it runs as one): top-level await works without an import,
  // and two labs' top-level names never collide in the shared TypeScript program.
  moduleDetection: MODULE_DETECTION_FORCE,
  strict: true,
  // Libs by file name: the worker hands these options to the language service as they are (no
  // tsconfig parsing), and there only 'es2022' would resolve from the short names.
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  allowNonTsExtensions: true,
  esModuleInterop: true,
  isolatedModules: true,
  noEmit: true,
};
typescriptDefaults.setCompilerOptions(compilerOptions);

/**
 * Modules lab code may import. They sit where TypeScript's module resolution looks for them from
 * `file:///main.ts`, so `import Peer from 'peerjs'` and `import { Peer } from 'peerjs'` resolve to
 * PeerJS's real declarations.
 */
const BINARYPACK_TYPES = `// Minimal declarations for the serializer peerjs's types refer to (peerjs-js-binarypack 2.x).
export type Packable = null | undefined | string | number | boolean | Date | ArrayBuffer | Blob | Array<Packable> | { [key: string]: Packable } | ({ BYTES_PER_ELEMENT: number } & ArrayBufferView);
export type Unpackable = null | undefined | string | number | boolean | ArrayBuffer | Array<Unpackable> | { [key: string]: Unpackable };
export function unpack<T extends Unpackable>(data: ArrayBuffer): T;
export function pack(data: Packable): ArrayBuffer | Promise<ArrayBuffer | SharedArrayBuffer>;
`;
typescriptDefaults.setExtraLibs([
  { filePath: 'file:///node_modules/peerjs/index.d.ts', content: peerjsTypes },
  { filePath: 'file:///node_modules/peerjs/node_modules/eventemitter3/index.d.ts', content: eventemitter3Types },
  { filePath: 'file:///node_modules/peerjs/node_modules/peerjs-js-binarypack/index.d.ts', content: BINARYPACK_TYPES },
  { filePath: 'file:///lab-modules.d.ts', content: `${LAB_MODULE_TYPES}\ndeclare module 'webrtc-adapter';\n` },
]);

/** Small styles for the tab strip; Monaco's own CSS is injected by its modules. */
const TAB_STYLES = `
.lab-editor-tabs { display: flex; gap: 0.25rem; margin: 0 0 0.25rem; padding: 0; border-bottom: 1px solid var(--sl-color-gray-5, #ccc); }
.lab-editor-tab { font: inherit; font-size: var(--sl-text-sm, 0.875rem); font-family: var(--__sl-font-mono, ui-monospace, monospace); padding: 0.25rem 0.75rem; margin: 0 0 -1px; cursor: pointer;
  color: var(--sl-color-gray-2, #444); background: transparent; border: 1px solid transparent; border-bottom: 2px solid transparent; border-radius: 0.25rem 0.25rem 0 0; }
.lab-editor-tab:hover { color: var(--sl-color-white, #000); }
.lab-editor-tab[aria-selected='true'] { color: var(--sl-color-white, #000); border-bottom-color: var(--sl-color-accent, #4e4ef7); font-weight: 600; }
.lab-editor-tab:focus-visible { outline: 2px solid var(--sl-color-accent, #4e4ef7); outline-offset: -2px; }
.lab-editor-host { position: relative; width: 100%; min-height: 3rem; }
.lab-editor-overflow { position: absolute; top: 0; left: 0; width: 0; height: 0; }
`;
let tabStylesAdded = false;
function addTabStyles(): void {
  if (tabStylesAdded) return;
  tabStylesAdded = true;
  const style = document.createElement('style');
  style.dataset['labEditor'] = '';
  style.textContent = TAB_STYLES;
  document.head.append(style);
}

/** Starlight sets `data-theme="dark" | "light"` on <html>; the Monaco theme is global. */
let themeObserver: MutationObserver | undefined;
/** One overflow-widget layer per live editor (see `overflowLayer`), kept in the theme's class. */
const overflowLayers = new Set<HTMLElement>();
function siteTheme(): 'vs' | 'vs-dark' {
  return document.documentElement.dataset['theme'] === 'dark' ? 'vs-dark' : 'vs';
}
function applyTheme(): void {
  const theme = siteTheme();
  monaco.editor.setTheme(theme);
  for (const layer of overflowLayers) layer.className = `monaco-editor lab-editor-overflow ${theme}`;
}
function watchTheme(layer: HTMLElement): void {
  overflowLayers.add(layer);
  applyTheme();
  if (themeObserver) return;
  themeObserver = new MutationObserver(applyTheme);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
function unwatchTheme(layer: HTMLElement): void {
  overflowLayers.delete(layer);
  if (overflowLayers.size > 0 || !themeObserver) return;
  themeObserver.disconnect();
  themeObserver = undefined;
}

/**
 * Hovers, suggestions and parameter hints are often wider than the lesson column. Starlight's
 * `.main-pane` is `isolation: isolate`, so inside it they would slide under the fixed table of
 * contents. They go to a layer at the end of <body> instead; its `monaco-editor` class gives it
 * Monaco's widget styles and theme variables.
 */
function overflowLayer(): HTMLElement {
  const layer = document.createElement('div');
  layer.className = `monaco-editor lab-editor-overflow ${siteTheme()}`;
  document.body.append(layer);
  return layer;
}

function languageOf(name: string): string {
  if (/\.(c|m)?tsx?$/.test(name)) return 'typescript';
  if (/\.html?$/.test(name)) return 'html';
  if (/\.css$/.test(name)) return 'css';
  if (/\.(c|m)?jsx?$/.test(name)) return 'javascript';
  return 'plaintext';
}

function orderedNames(files: Readonly<Record<string, string>>): string[] {
  const rank = (name: string) => {
    const index = FILE_ORDER.indexOf(name);
    return index === -1 ? FILE_ORDER.length : index;
  };
  return Object.keys(files).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

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

// ---------------------------------------------------------------------------------------------

export async function mountEditor(container: HTMLElement, options: EditorOptions): Promise<LabEditor> {
  addTabStyles();
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
  const tablist = document.createElement('div');
  tablist.className = 'lab-editor-tabs';
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', options.labels.files);
  const host = document.createElement('div');
  host.className = 'lab-editor-host';
  host.id = `${idBase}-panel`;
  host.setAttribute('role', 'tabpanel');
  container.append(tablist, host);

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

  const addModel = (name: string, text: string) => {
    const model = monaco.editor.createModel(text, languageOf(name), modelUri(name, folder));
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
    theme: siteTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    padding: PADDING,
    tabSize: 2,
    ariaLabel: visible,
    // Hovers and suggestions may leave the editor's box (it can be short): keep them unclipped.
    fixedOverflowWidgets: true,
    overflowWidgetsDomNode: overflow,
    // The editor grows with its content: let the wheel scroll the page when it has nothing to scroll.
    scrollbar: { alwaysConsumeMouseWheel: false },
    renderLineHighlightOnlyWhenFocus: true,
    // The editor is at most MAX_LINES tall: a sticky header would cover a good part of it.
    stickyScroll: { enabled: false },
  });
  watchTheme(overflow);

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

  // --- Tabs (only with more than one file): ARIA tablist with roving tabindex.
  const tabs = new Map<string, HTMLButtonElement>();
  const tabId = (name: string) => `${idBase}-tab-${[...models.keys()].indexOf(name)}`;

  const syncTabs = () => {
    for (const [name, tab] of tabs) {
      const selected = name === visible;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    if (tabs.size > 0) host.setAttribute('aria-labelledby', tabs.get(visible)?.id ?? '');
    else host.removeAttribute('aria-labelledby');
  };

  const renderTabs = () => {
    tablist.replaceChildren();
    tabs.clear();
    const list = [...models.keys()];
    tablist.hidden = list.length < 2;
    if (list.length < 2) {
      host.removeAttribute('role');
      syncTabs();
      return;
    }
    host.setAttribute('role', 'tabpanel');
    for (const name of list) {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'lab-editor-tab';
      tab.id = tabId(name);
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', host.id);
      tab.dataset['file'] = name;
      tab.textContent = name;
      tab.addEventListener('click', () => show(name));
      tabs.set(name, tab);
      tablist.append(tab);
    }
    syncTabs();
  };

  tablist.addEventListener('keydown', (event) => {
    const list = [...tabs.keys()];
    const current = list.indexOf((event.target as HTMLElement).dataset['file'] ?? '');
    if (current === -1) return;
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (current + 1) % list.length;
        break;
      case 'ArrowLeft':
        next = (current - 1 + list.length) % list.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = list.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const name = list[next];
    if (name === undefined) return;
    show(name);
    tabs.get(name)?.focus();
  });

  function show(name: string): void {
    const model = models.get(name);
    if (!model || disposed) return;
    if (name !== visible || editor.getModel() !== model) {
      visible = name;
      editor.setModel(model);
      editor.updateOptions({ ariaLabel: name });
    }
    syncTabs();
    updateHeight();
  }

  renderTabs();

  const api: LabEditor = {
    getFiles,

    setFiles(files) {
      if (disposed) return;
      const next = orderedNames(files);
      if (next.length === 0) return;
      const sameFiles = next.join('\n') === [...tabs.keys()].join('\n') || (next.length < 2 && tabs.size === 0);
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
      if (!sameFiles) renderTabs(); // rebuilding would drop the focus of a tab
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
      unwatchTheme(overflow);
      overflow.remove();
      tablist.remove();
      host.remove();
    },
  };
  return api;
}
