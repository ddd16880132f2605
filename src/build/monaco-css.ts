/**
 * Keeps Monaco's CSS off reading pages.
 *
 * Monaco's ESM build imports its styles as `import './x.css'` from about 120 modules. Astro hoists
 * every CSS file reachable from a page's scripts, dynamic `import()`s included
 * (withastro/astro#9495), into a render-blocking `<link>` on EVERY page of the route, so the
 * editor's ~27 KiB gz of CSS was downloaded by learners who only read.
 *
 * This plugin rewrites each of those imports (only when the CSS file lives inside the
 * monaco-editor package) into a virtual JS module that imports the CSS as a string (`?inline`)
 * and adds it to the document as a `<style>` element when the module runs, i.e. when the editor
 * is loaded. No `.css` module is left in the graph, so Astro has nothing to hoist and the
 * editor's styles ship inside its own lazily loaded chunk. `url()`s (the codicon font) are still
 * rewritten and emitted by Vite's CSS pipeline.
 *
 * The virtual ids must not end in `.css` (nor contain `.css?`): Vite would treat them as CSS.
 */
import type { Plugin } from 'vite';

/** Prefix of one virtual module per Monaco stylesheet: `\0monaco-style:` + absolute path without `.css`. */
const STYLE_PREFIX = '\0monaco-style:';
/** The shared helper that adds the collected CSS to the document. */
const INJECT_ID = '\0monaco-style-inject';

const CSS_SPECIFIER = /\.css$/;
const MONACO_DIR = /[\\/]node_modules[\\/]monaco-editor[\\/]/;

/**
 * Collects the stylesheets evaluated in one synchronous run of module evaluation and adds them in
 * that order as a single `<style>` element (one element per batch, not ~120), before any code that
 * awaited the editor's `import()` can run.
 */
const INJECT_CODE = `
let pending = null;
export default function injectMonacoStyle(css) {
  if (typeof document === 'undefined') return;
  if (pending === null) {
    pending = [];
    queueMicrotask(() => {
      const style = document.createElement('style');
      style.dataset.monacoEditor = '';
      style.textContent = pending.join('\\n');
      pending = null;
      document.head.append(style);
    });
  }
  pending.push(css);
}
`;

export function monacoCssInline(): Plugin {
  return {
    name: 'webrtc-lab:monaco-css-inline',
    enforce: 'pre',

    async resolveId(source, importer, options) {
      if (source === INJECT_ID) return INJECT_ID;
      // Only plain `.css` specifiers (no `?inline`, `?url`… query) imported from a module file.
      if (!importer || !CSS_SPECIFIER.test(source) || importer.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !MONACO_DIR.test(resolved.id)) return null;
      const file = resolved.id.replace(/\\/g, '/');
      if (!file.endsWith('.css')) return null;
      return STYLE_PREFIX + file.slice(0, -'.css'.length);
    },

    load(id) {
      if (id === INJECT_ID) return { code: INJECT_CODE, moduleSideEffects: true };
      if (!id.startsWith(STYLE_PREFIX)) return null;
      const file = `${id.slice(STYLE_PREFIX.length)}.css`;
      return {
        code:
          `import css from ${JSON.stringify(`${file}?inline`)};\n` +
          `import injectMonacoStyle from ${JSON.stringify(INJECT_ID)};\n` +
          `injectMonacoStyle(css);\n`,
        // The import exists only for this side effect: never let the bundler drop it.
        moduleSideEffects: true,
      };
    },
  };
}
