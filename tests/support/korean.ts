/**
 * Telling real Korean from English left in place. Letters are counted by script: Hangul
 * syllables against Latin letters, in the prose a reader sees (code, markup, import lines
 * and link targets removed, because those stay English in a good translation too).
 */

const HANGUL = /\p{Script=Hangul}/gu;
const LATIN = /\p{Script=Latin}/gu;
const LATIN_WORD = /\p{Script=Latin}{2,}/gu;

export function hangulCount(text: string): number {
  return text.match(HANGUL)?.length ?? 0;
}

export function latinCount(text: string): number {
  return text.match(LATIN)?.length ?? 0;
}

export function hasHangul(text: string): boolean {
  return hangulCount(text) > 0;
}

/** A Markdown/MDX page split into its front matter and its body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  return match ? { frontmatter: match[1] ?? '', body: source.slice(match[0].length) } : { frontmatter: '', body: source };
}

/** One front matter field's text (single line, quotes removed); '' when absent. */
export function frontmatterField(frontmatter: string, field: string): string {
  const line = new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(frontmatter)?.[1] ?? '';
  return line.trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** The prose of a page body: what remains once code, markup, imports and URLs are removed. */
export function proseOf(body: string): string {
  return body
    .replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, '')
    .replace(/^(?:import|export)\s.*$/gm, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]*>/g, '')
    .replace(/https?:\/\/\S+/g, '');
}

/** Share of letters that are Hangul, 0 to 1 (0 when there are no letters at all). */
export function hangulShare(text: string): number {
  const hangul = hangulCount(text);
  const letters = hangul + latinCount(text);
  return letters === 0 ? 0 : hangul / letters;
}

/** Lines of prose that read as untranslated English: several English words and no Hangul. */
export function englishLines(prose: string, minWords = 6): string[] {
  return prose
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !hasHangul(line) && (line.match(LATIN_WORD)?.length ?? 0) >= minWords);
}
