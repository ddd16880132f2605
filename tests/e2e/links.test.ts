import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/build-state.ts';
import { listPages, readPage } from '../support/site-files.ts';

/** The file a site path is served from, as the production server resolves it. */
function targetExists(urlPath: string): boolean {
  const clean = decodeURIComponent(urlPath);
  const file = path.join(DIST, clean);
  return clean.endsWith('/') ? existsSync(path.join(file, 'index.html')) : existsSync(file) || existsSync(`${file}.html`);
}

const ids = (html: string): Set<string> => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));

describe('no link points at a page that does not exist', () => {
  it.each(listPages())('%s', (page) => {
    const html = readPage(page);
    const broken: string[] = [];
    for (const [, attr] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      if (!attr || /^(?:[a-z]+:|\/\/)/i.test(attr)) continue; // external, mailto:, data:
      const url = new URL(attr.replaceAll('&amp;', '&'), `http://site${page}`);
      if (!targetExists(url.pathname)) {
        broken.push(attr);
        continue;
      }
      if (url.hash && url.pathname.endsWith('/')) {
        const targetIds = ids(readPage(url.pathname));
        if (!targetIds.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${attr} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
