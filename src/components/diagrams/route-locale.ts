/**
 * Which language a diagram speaks on the page it is rendered in. An explicit `locale` prop wins;
 * then the Starlight route's language; then Astro's own (unset on this site, which configures
 * locales through Starlight, but right wherever Astro i18n is configured).
 */
import type { AstroGlobal } from 'astro';
import { diagramLocale, type DiagramLocale } from '../../lib/diagrams/text.ts';

export function pageLocale(astro: Pick<AstroGlobal, 'locals' | 'currentLocale'>, explicit: string | undefined): DiagramLocale {
  if (explicit !== undefined) return diagramLocale(explicit);
  let routeLang: string | undefined;
  try {
    routeLang = astro.locals.starlightRoute.lang;
  } catch {
    // Outside a Starlight page (the container API in tests) Starlight's getter throws on read.
    routeLang = undefined;
  }
  return diagramLocale(routeLang, astro.currentLocale);
}
