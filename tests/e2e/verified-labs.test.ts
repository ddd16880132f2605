/**
 * The table of verified labs (Across browsers) says what the lab suites hold: every lab, in the
 * lesson that embeds it; every goal in Chromium; in Firefox every goal but the declared test gaps.
 */
import { describe, expect, it } from 'vitest';
import { FIREFOX_TEST_GAPS } from '../../src/lib/browser-verification.ts';
import { LAB_IDS, pageWithLab } from '../support/labs.ts';
import { readPage } from '../support/site-files.ts';

function rows(html: string): Map<string, { href: string; chromium: string; firefox: string }> {
  const found = new Map<string, { href: string; chromium: string; firefox: string }>();
  for (const [, id, row] of html.matchAll(/<tr[^>]*data-verified-lab="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cell = (browser: string): string => new RegExp(`data-browser="${browser}"[^>]*data-verified="(\\w+)"`).exec(row ?? '')?.[1] ?? '';
    found.set(id ?? '', { href: /<a href="([^"]+)"/.exec(row ?? '')?.[1] ?? '', chromium: cell('chromium'), firefox: cell('firefox') });
  }
  return found;
}

describe('the verified-labs table', () => {
  for (const locale of ['en', 'ko'] as const) {
    it(`lists every lab, where it is, and what each browser verifies (${locale})`, () => {
      const prefix = locale === 'ko' ? '/ko' : '';
      const table = rows(readPage(`${prefix}/connections/across-browsers/`));
      expect([...table.keys()].sort()).toEqual([...LAB_IDS].sort());
      for (const id of LAB_IDS) {
        expect(table.get(id)).toEqual({
          href: prefix + pageWithLab(id),
          chromium: 'all',
          firefox: id in FIREFOX_TEST_GAPS ? 'partly' : 'all',
        });
      }
    });
  }
});
