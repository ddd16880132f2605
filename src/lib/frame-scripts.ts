/**
 * The lab frame's document, tuned after the build for the one thing it does: start the runner.
 * Astro adds its link-prefetch script to every page, the frame included; the frame has no links
 * to prefetch, and its module scripts run in order, so the runner would wait for a script that
 * does nothing there. And the runner, bundled with its static imports into one classic script,
 * goes inside the document where Astro put its module script (the start of the body): a frame
 * made at the click then needs one response before it says hello, as a bare iframe does, not
 * the document and then its scripts; and a classic script runs as soon as it is parsed, where a
 * module waits for the end of the document. The server allows that one inline script by its
 * hash (src/server/frame-script-hashes.ts), no other.
 */

import { resourceElements } from './asset-references.ts';

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

/** Text that would end an inline script early, or change how the parser reads it. */
const UNSAFE_INLINE = /<\/script|<!--/i;

/**
 * The document with each module script that `inline` gives a classic script for (by its src)
 * replaced by that script, inline, in the same place. Refuses code the HTML parser would not
 * hand to the script whole.
 */
export function withInlineScripts(html: string, inline: (src: string) => string | undefined): string {
  return html.replace(MODULE_SCRIPT, (tag, src: string) => {
    const code = inline(src);
    if (code === undefined) return tag;
    if (UNSAFE_INLINE.test(code)) throw new Error(`${src} holds "</script" or "<!--": it cannot be written inside the document`);
    return `<script>${code}</script>`;
  });
}

/** The text of each inline script (one without src), as the browser hashes it for a policy. */
export function inlineScriptTexts(html: string): string[] {
  return [...resourceElements(html)].filter(({ name, attrs }) => name === 'script' && !attrs.has('src')).map(({ body }) => body);
}
