/**
 * The lab frame's document, tuned after the build for the one thing it does: start the runner.
 * Astro adds its link-prefetch script to every page, the frame included; the frame has no links
 * to prefetch, and its module scripts run in order, so the runner would wait for a script that
 * does nothing there. And the runner's own imports are listed as modulepreloads, so the browser
 * fetches them with the runner rather than after it.
 */

/** `<script type="module" src="…">` tags, as Astro writes them. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** Astro's prefetch code: the one module that sets these options up. */
export const isPrefetchScript = (code: string): boolean => code.includes('prefetchAll') && code.includes('defaultStrategy');

/** The document without the module scripts `drop` says yes to; `drop` gets each script's src. */
export function withoutModuleScripts(html: string, drop: (src: string) => boolean): string {
  return html.replace(MODULE_SCRIPT, (tag, src: string) => (drop(src) ? '' : tag));
}

/** The module scripts' sources, in document order. */
export function moduleScriptSources(html: string): string[] {
  return [...html.matchAll(MODULE_SCRIPT)].map(([, src]) => src ?? '');
}

/** The document with a `<link rel="modulepreload">` for each path, at the end of its head. */
export function withModulePreloads(html: string, paths: readonly string[]): string {
  if (paths.length === 0) return html;
  const links = paths.map((href) => `<link rel="modulepreload" href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`).join('');
  if (!html.includes('</head>')) throw new Error('the frame document has no </head> to put its modulepreloads in');
  return html.replace('</head>', `${links}</head>`);
}
