import { describe, expect, it } from 'vitest';
import { withoutSitemapPath } from '../../src/lib/sitemap-entries.ts';

describe('sitemap entries', () => {
  const xml =
    '<urlset><url><loc>http://localhost:4321/</loc></url><url><loc>http://localhost:4321/lab-frame/</loc></url><url><loc>http://localhost:4321/ko/lab-frame-notes/</loc></url></urlset>';
  it('drops the entry for that path only', () => {
    expect(withoutSitemapPath(xml, '/lab-frame/')).toBe('<urlset><url><loc>http://localhost:4321/</loc></url><url><loc>http://localhost:4321/ko/lab-frame-notes/</loc></url></urlset>');
  });
  it('leaves a sitemap without it as it was', () => {
    expect(withoutSitemapPath(xml, '/nowhere/')).toBe(xml);
  });
});
