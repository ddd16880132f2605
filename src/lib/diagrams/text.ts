/**
 * Shared shapes for the lesson diagrams: every label exists in both languages, and labels may
 * mark API names with backticks so the component can set them as code.
 */

export type DiagramLocale = 'en' | 'ko';

export interface Localized {
  en: string;
  ko: string;
}

export interface TextPart {
  text: string;
  code: boolean;
}

/** Splits "`close()` was called" into code and prose runs; an unpaired backtick stays text. */
export function inlineCode(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /`([^`]+)`/g;
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index), code: false });
    parts.push({ text: match[1] ?? '', code: true });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), code: false });
  return parts;
}

/** The same text without its backticks, for attributes (aria-label) and SVG <title>. */
export function plainText(text: string): string {
  return inlineCode(text)
    .map((part) => part.text)
    .join('');
}

/**
 * The locale a diagram renders in. Starlight sets no Astro i18n config, so
 * `Astro.currentLocale` is undefined on this site; the route's `lang` is what says Korean.
 */
export function diagramLocale(...candidates: (string | undefined)[]): DiagramLocale {
  const first = candidates.find((candidate) => candidate !== undefined && candidate !== '');
  return first !== undefined && first.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
