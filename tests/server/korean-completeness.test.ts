/**
 * Korean is first-class: every lesson, UI string, lab title and goal exists in Korean and is
 * written in Korean. Checked on the sources, because Starlight fills a missing Korean page
 * with the English one at build time, so the built site always "has both locales".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-state.ts';
import { englishLines, frontmatterField, hangulCount, hangulShare, hasHangul, latinCount, proseOf, splitFrontmatter } from '../support/korean.ts';

const DOCS = path.join(ROOT, 'src/content/docs');
const KO = path.join(DOCS, 'ko');
const LABS = path.join(ROOT, 'src/labs');
const PAGE = /\.mdx?$/;

/** Pages written once for both languages, in Korean and English side by side. */
const BILINGUAL_PAGES = new Set(['404.md']);

/** Of the prose letters on a Korean page, at least this share are Hangul (real pages: 0.76–0.94). */
const MIN_HANGUL_SHARE = 0.5;
/**
 * Hangul syllables on the Korean page per Latin letter on the English one. A syllable carries
 * about two letters' worth of text, so a full translation sits near 0.45; half a page is under 0.25.
 */
const MIN_LENGTH_RATIO = 0.25;

/**
 * Words that stay as they are in Korean technical prose. A Korean string may equal the English
 * one (and lack Hangul) only if nothing is left once these, placeholders and file names are removed.
 */
const SAME_IN_KOREAN = ['WebRTC Lab', 'WebRTC', 'PeerJS', 'TypeScript', 'STUN', 'TURN', 'ICE', 'SDP', 'NAT', 'Ctrl', 'Enter', 'Tab', 'Esc'];

function needsTranslation(english: string): boolean {
  let rest = english
    .replace(/\{\{\w+\}\}/g, '')
    .replace(/\[[A-Z_]+\]/g, '')
    .replace(/\b[\w-]+\.(?:ts|html|css|json)\b/g, '');
  for (const word of SAME_IN_KOREAN) rest = rest.replaceAll(word, '');
  return /\p{L}/u.test(rest);
}

/** Korean text: it has Hangul, or it is made only of what stays the same in Korean ("NAT, STUN, TURN"). */
function readsAsKorean(text: string): boolean {
  return hasHangul(text) || (text.trim() !== '' && !needsTranslation(text));
}

function listPages(dir: string, skip?: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (full === skip) return [];
    if (entry.isDirectory()) return listPages(full, skip).map((p) => `${entry.name}/${p}`);
    return PAGE.test(entry.name) ? [entry.name] : [];
  });
}

/** The Korean source of an English page, whichever of .md/.mdx it uses. */
function koreanTwin(page: string): string | undefined {
  const stem = page.replace(PAGE, '');
  return ['.mdx', '.md'].map((ext) => path.join(KO, stem + ext)).find((file) => existsSync(file));
}

const englishPages = listPages(DOCS, KO).sort();
const koreanPages = listPages(KO).sort();

describe('every lesson page has a Korean twin written in Korean', () => {
  it('finds the pages', () => {
    expect(englishPages).toContain('index.mdx');
  });

  it.each(englishPages.filter((page) => !BILINGUAL_PAGES.has(page)))('%s', (page) => {
    const twin = koreanTwin(page);
    expect(twin, `src/content/docs/${page} has no Korean twin: write src/content/docs/ko/${page} (Starlight would show the English page under /ko/)`).toBeDefined();
    if (!twin) return;
    const relative = path.relative(ROOT, twin);
    const english = splitFrontmatter(readFileSync(path.join(DOCS, page), 'utf8'));
    const korean = splitFrontmatter(readFileSync(twin, 'utf8'));

    for (const field of ['title', 'description']) {
      const text = frontmatterField(korean.frontmatter, field);
      if (text || frontmatterField(english.frontmatter, field)) {
        expect(readsAsKorean(text), `${relative}: front matter ${field} is not in Korean: "${text}"`).toBe(true);
      }
    }

    const prose = proseOf(korean.body);
    const share = hangulShare(prose);
    expect(share, `${relative}: only ${Math.round(share * 100)}% of its prose letters are Hangul (want ≥ ${MIN_HANGUL_SHARE * 100}%): is it still English?`).toBeGreaterThanOrEqual(MIN_HANGUL_SHARE);

    const englishLetters = latinCount(proseOf(english.body));
    const ratio = englishLetters === 0 ? 1 : hangulCount(prose) / englishLetters;
    expect(ratio, `${relative}: ${hangulCount(prose)} Hangul syllables for ${englishLetters} English letters (ratio ${ratio.toFixed(2)}, want ≥ ${MIN_LENGTH_RATIO}): is part of the page missing?`).toBeGreaterThanOrEqual(MIN_LENGTH_RATIO);

    expect(englishLines(prose), `${relative}: lines of English prose with no Korean`).toEqual([]);
  });

  it('has no Korean page without an English one', () => {
    const orphans = koreanPages.filter((page) => !englishPages.some((english) => english.replace(PAGE, '') === page.replace(PAGE, '')));
    expect(orphans, 'Korean pages with no English page under src/content/docs/').toEqual([]);
  });

  it.each([...BILINGUAL_PAGES])('%s is one page in both languages', (page) => {
    const { frontmatter } = splitFrontmatter(readFileSync(path.join(DOCS, page), 'utf8'));
    const title = frontmatterField(frontmatter, 'title');
    expect(hasHangul(title) && latinCount(title) > 0, `src/content/docs/${page}: its title should carry both languages: "${title}"`).toBe(true);
  });
});

type Strings = Record<string, string>;
const readStrings = (locale: string): Strings => JSON.parse(readFileSync(path.join(ROOT, 'src/content/i18n', `${locale}.json`), 'utf8')) as Strings;

describe('every UI string is in Korean', () => {
  const en = readStrings('en');
  const ko = readStrings('ko');

  it.each(Object.keys(en))('%s', (key) => {
    const english = en[key] ?? '';
    const korean = ko[key];
    expect(korean, `src/content/i18n/ko.json has no "${key}" (English: "${english}")`).toBeDefined();
    expect(korean?.trim(), `src/content/i18n/ko.json: "${key}" is empty`).not.toBe('');
    if (needsTranslation(english)) {
      expect(korean, `src/content/i18n/ko.json: "${key}" is the English text`).not.toBe(english);
      expect(hasHangul(korean ?? ''), `src/content/i18n/ko.json: "${key}" has no Korean in it: "${korean}"`).toBe(true);
    }
  });

  it('has no Korean string without an English one', () => {
    expect(Object.keys(ko).filter((key) => !(key in en))).toEqual([]);
  });
});

interface Localized {
  en: string;
  ko: string;
}

function isLocalized(value: unknown): value is Localized {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'en' && keys[1] === 'ko';
}

/** Every {en, ko} pair in a lab's declaration, with where it sits (`goals.0.title`). */
function localizedTexts(value: unknown, at = ''): [string, Localized][] {
  if (isLocalized(value)) return [[at, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => localizedTexts(child, at ? `${at}.${key}` : key));
}

const labIds = readdirSync(LABS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('every lab speaks Korean', () => {
  it('finds the labs', () => {
    expect(labIds.length).toBeGreaterThan(0);
  });

  it.each(labIds)('%s', async (id) => {
    const file = path.join(LABS, id, 'lab.ts');
    const declared = ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
    const texts = localizedTexts(declared);
    const fields = texts.map(([at]) => at);
    expect(fields, `src/labs/${id}/lab.ts: no title`).toContain('title');
    expect(fields, `src/labs/${id}/lab.ts: no summary`).toContain('summary');
    const goals = (declared as { goals?: unknown[] }).goals ?? [];
    for (const [index] of goals.entries()) expect(fields, `src/labs/${id}/lab.ts: goal ${index} has no {en, ko} title`).toContain(`goals.${index}.title`);

    for (const [at, { en, ko }] of texts) {
      expect(ko.trim(), `src/labs/${id}/lab.ts: ${at}.ko is empty`).not.toBe('');
      if (!needsTranslation(en)) continue;
      expect(ko, `src/labs/${id}/lab.ts: ${at}.ko is the English text`).not.toBe(en);
      expect(hasHangul(ko), `src/labs/${id}/lab.ts: ${at}.ko has no Korean in it: "${ko}"`).toBe(true);
    }
  });
});

/** Comments of a TypeScript file (line and block), as text. */
function commentsOf(source: string): string {
  return [...source.matchAll(/\/\/(.*)$|\/\*([\s\S]*?)\*\//gm)].map((m) => m[1] ?? m[2] ?? '').join('\n');
}

describe('every lab’s code is commented in Korean', () => {
  const codeFiles = labIds.flatMap((id) =>
    readdirSync(path.join(LABS, id))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.ko.ts') && file !== 'lab.ts')
      .map((file) => [id, file] as const),
  );

  it.each(codeFiles)('%s/%s', (id, file) => {
    const edition = file.replace(/\.ts$/, '.ko.ts');
    const where = `src/labs/${id}/${edition}`;
    expect(existsSync(path.join(LABS, id, edition)), `${where} is missing: Korean pages would show English comments`).toBe(true);
    const english = commentsOf(readFileSync(path.join(LABS, id, file), 'utf8'));
    if (latinCount(english) === 0) return;
    const korean = commentsOf(readFileSync(path.join(LABS, id, edition), 'utf8'));
    // Comments mix prose with code (`video.srcObject = stream`), so a share of Hangul says little;
    // instead: enough Korean for the English prose, and no English sentence left untranslated.
    expect(hangulCount(korean), `${where}: its comments are not written in Korean`).toBeGreaterThanOrEqual(MIN_LENGTH_RATIO * latinCount(english) * 0.5);
    const koreanLines = new Set(korean.split('\n').map((line) => line.trim()));
    const untranslated = english
      .split('\n')
      .map((line) => line.trim())
      // A sentence, not code written in a comment (`const source = …`): code stays as it is.
      .filter((line) => !/[=;(){}]/.test(line) && (line.match(/\b[A-Za-z]{2,}\b/g) ?? []).length >= 4 && koreanLines.has(line));
    expect(untranslated, `${where}: English comments left as they were`).toEqual([]);
  });
});

/** The ids of a lab page's elements, which its code looks up; the text around them is the language's own. */
const idsOf = (html: string): string[] => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!).sort();

describe('every lab’s Korean page has the elements its code looks up', () => {
  const pages = labIds.filter((id) => existsSync(path.join(LABS, id, 'index.ko.html')));

  it('finds the Korean pages', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  // A Korean page once lacked the English one's `#download`, and the solution threw there.
  it.each(pages)('%s', (id) => {
    const english = idsOf(readFileSync(path.join(LABS, id, 'index.html'), 'utf8'));
    const korean = idsOf(readFileSync(path.join(LABS, id, 'index.ko.html'), 'utf8'));
    expect(korean, `src/labs/${id}/index.ko.html`).toEqual(english);
  });
});
