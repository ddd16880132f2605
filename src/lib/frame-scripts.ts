/**
 * Astro adds its link-prefetch script to every page it builds, the lab frame included. The
 * frame has no links to prefetch, and its module scripts run in order: the runner would wait
 * for a script that does nothing there. This drops it from the frame's document.
 */

/** `<script type="module" src="…">` tags, as Astro writes them. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** Astro's prefetch code: the one module that sets these options up. */
export const isPrefetchScript = (code: string): boolean => code.includes('prefetchAll') && code.includes('defaultStrategy');

/** The document without the module scripts `drop` says yes to; `drop` gets each script's src. */
export function withoutModuleScripts(html: string, drop: (src: string) => boolean): { html: string; dropped: string[] } {
  const dropped: string[] = [];
  const kept = html.replace(MODULE_SCRIPT, (tag, src: string) => {
    if (!drop(src)) return tag;
    dropped.push(src);
    return '';
  });
  return { html: kept, dropped };
}
