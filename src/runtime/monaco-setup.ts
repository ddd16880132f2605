/**
 * Monaco, set up once per page for lab code: the editor with all its features, the languages
 * of the lab files, their workers, TypeScript's compiler options, and the declarations of the
 * modules lab code imports (`peerjs`, `lab`, `webrtc-adapter`) for IntelliSense.
 *
 * Heavy: reached only through editor.ts, which lab-controller.ts imports on a learner's click.
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

export { monaco };

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
