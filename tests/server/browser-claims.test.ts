/**
 * Lessons never claim an untested browser: every sentence that names a browser is a fact the
 * browser facts tests check in Chromium and Firefox, or names only a tool or menu.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_FACTS, BROWSER_MENTIONS, BROWSER_NAME, E2E_CHECKED_CLAIMS } from '../support/browser-facts.ts';

const DOCS = path.resolve('src/content/docs');
const LOCALES = ['en', 'ko'] as const;
type Locale = (typeof LOCALES)[number];

function lessonFiles(locale: Locale): string[] {
  const root = locale === 'en' ? DOCS : path.join(DOCS, 'ko');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return locale === 'en' && full === path.join(DOCS, 'ko') ? [] : walk(full);
      return /\.mdx?$/.test(entry.name) ? [full] : [];
    });
  return walk(root);
}

function pageSource(page: string, locale: Locale): string {
  const stem = path.join(DOCS, locale === 'en' ? '' : 'ko', page);
  for (const ext of ['.mdx', '.md']) {
    try {
      return readFileSync(stem + ext, 'utf8');
    } catch {
      // Try the other extension.
    }
  }
  throw new Error(`no page src/content/docs/${locale === 'en' ? '' : 'ko/'}${page}.md(x)`);
}

/** Sentences, split at the end of one; a line break also ends one (list items, code comments). */
function sentences(source: string): string[] {
  return source.split('\n').flatMap((line) => line.split(/(?<=[.!?])\s+/)).filter((s) => s.trim() !== '');
}

describe('lesson sentences about browsers', () => {
  for (const locale of LOCALES) {
    it(`in ${locale}, each is stated where the facts say`, () => {
      for (const fact of BROWSER_FACTS) {
        for (const said of fact.said) {
          expect(pageSource(said.page, locale), `${fact.probe}: ${said.page} (${locale}) no longer says it`).toContain(said[locale]);
        }
      }
    });

    it(`in ${locale}, each sentence naming a browser is a checked fact or names only a tool`, () => {
      const known = [...BROWSER_FACTS.flatMap((fact) => fact.said.map((said) => said[locale])), ...BROWSER_MENTIONS[locale], ...E2E_CHECKED_CLAIMS.map((claim) => claim[locale])];
      const unchecked = lessonFiles(locale).flatMap((file) =>
        sentences(readFileSync(file, 'utf8'))
          .filter((sentence) => BROWSER_NAME.test(sentence) && !known.some((words) => sentence.includes(words) || words.includes(sentence.trim())))
          .map((sentence) => `${path.relative(DOCS, file)}: ${sentence.trim()}`),
      );
      expect(unchecked, 'state it as a fact in tests/support/browser-facts.ts (with a probe), or list a mere mention there').toEqual([]);
    });
  }

  it('each claim an end-to-end test checks is on its page, and that test still asserts it', () => {
    for (const claim of E2E_CHECKED_CLAIMS) {
      expect(readFileSync(claim.test, 'utf8'), `${claim.test} no longer has the test "${claim.asserts}"`).toContain(claim.asserts);
      for (const locale of LOCALES) expect(pageSource(claim.page, locale), `${claim.page} (${locale})`).toContain(claim[locale]);
    }
  });

  it('the name pattern finds a browser beside Hangul', () => {
    expect(BROWSER_NAME.test('Chromium과 Firefox에서는')).toBe(true);
    expect(BROWSER_NAME.test('an edge case')).toBe(false);
  });
});
