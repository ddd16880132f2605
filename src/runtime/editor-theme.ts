/**
 * The editor follows the site's theme (Starlight sets `data-theme="dark" | "light"` on <html>).
 * Monaco's own vs / vs-dark themes have token colours below WCAG's 4.5:1 against their
 * background (vs-dark's comments: 4.21:1), so the labs use two themes built on them with
 * those colours raised. Ratios are against the editor background (#FFFFFE light, #1E1E1E dark).
 */
import { monaco } from './monaco-setup.ts';

interface LabTheme {
  /** Monaco theme name. */
  name: string;
  /** The built-in theme it extends; also the class Monaco's CSS keys theme styles on. */
  base: 'vs' | 'vs-dark';
}
const LIGHT: LabTheme = { name: 'lab-light', base: 'vs' };
const DARK: LabTheme = { name: 'lab-dark', base: 'vs-dark' };

monaco.editor.defineTheme(LIGHT.name, {
  base: LIGHT.base,
  inherit: true,
  rules: [
    // HTML attribute names and meta tags: FF0000 (4.00:1) → 4.85:1; grey 808080 (3.95:1) → 4.88:1.
    { token: 'attribute.name', foreground: 'E50000' },
    { token: 'metatag.content.html', foreground: 'E50000' },
    { token: 'metatag.html', foreground: '717171' },
    { token: 'annotation', foreground: '717171' },
  ],
  colors: {},
});
monaco.editor.defineTheme(DARK.name, {
  base: DARK.base,
  inherit: true,
  rules: [
    // Comments: 608B4E (4.21:1) → 6A9955, 5.00:1 (VS Code's dark comment colour).
    { token: 'comment', foreground: '6A9955' },
    // `this`, `window`…: 4864AA (2.92:1) → 6.17:1. Regular expressions: B46695 (4.19:1) → 4.71:1.
    { token: 'variable.predefined', foreground: '7A9FD8' },
    { token: 'regexp', foreground: 'D16969' },
    { token: 'annotation', foreground: 'D67A7A' },
    // `<`, `>` of HTML tags: 808080 (4.22:1) → 4.96:1.
    { token: 'delimiter.html', foreground: '8C8C8C' },
  ],
  colors: {},
});

export function siteTheme(): LabTheme {
  return document.documentElement.dataset['theme'] === 'dark' ? DARK : LIGHT;
}

let themeObserver: MutationObserver | undefined;
/** One overflow-widget layer per live editor (see `overflowLayer`), kept in the theme's class. */
const overflowLayers = new Set<HTMLElement>();

function layerClass(): string {
  return `monaco-editor lab-editor-overflow ${siteTheme().base}`;
}

/** The Monaco theme is global to the page: one observer serves every open editor. */
function applyTheme(): void {
  monaco.editor.setTheme(siteTheme().name);
  for (const layer of overflowLayers) layer.className = layerClass();
}

/**
 * Hovers, suggestions and parameter hints are often wider than the lesson column. Starlight's
 * `.main-pane` is `isolation: isolate`, so inside it they would slide under the fixed table of
 * contents. They go to a layer at the end of <body> instead; its `monaco-editor` class gives it
 * Monaco's widget styles and theme variables. Also starts following the site's theme.
 */
export function overflowLayer(): HTMLElement {
  const layer = document.createElement('div');
  layer.className = layerClass();
  document.body.append(layer);
  overflowLayers.add(layer);
  applyTheme();
  if (!themeObserver) {
    themeObserver = new MutationObserver(applyTheme);
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }
  return layer;
}

export function removeOverflowLayer(layer: HTMLElement): void {
  overflowLayers.delete(layer);
  layer.remove();
  if (overflowLayers.size > 0 || !themeObserver) return;
  themeObserver.disconnect();
  themeObserver = undefined;
}
