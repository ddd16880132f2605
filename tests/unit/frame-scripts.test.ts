import { describe, expect, it } from 'vitest';
import { isPrefetchScript, moduleScriptSources, withModulePreloads, withoutModuleScripts } from '../../src/lib/frame-scripts.ts';

describe('the frame document without Astro’s prefetch', () => {
  const html = '<head><style>a{}</style><script type="module" src="/_astro/page.cNngjUgL.js"></script></head><body><script type="module" src="/_astro/lab-frame.x.js"></script></body>';

  it('drops the scripts asked and keeps the others', () => {
    expect(withoutModuleScripts(html, (src) => src.includes('/page.'))).toBe('<head><style>a{}</style></head><body><script type="module" src="/_astro/lab-frame.x.js"></script></body>');
  });

  it('changes nothing when nothing is dropped', () => {
    expect(withoutModuleScripts(html, () => false)).toBe(html);
  });

  it('knows Astro’s prefetch module by its options, not the runner', () => {
    expect(isPrefetchScript('function o(e){a||(a=!0,r??=e?.prefetchAll??!1,i??=e?.defaultStrategy??`hover`)}')).toBe(true);
    expect(isPrefetchScript('import{startRunner as t}from"./runner.js";t();')).toBe(false);
  });
});

describe('the frame document with its runner’s imports preloaded', () => {
  const html = '<html><head><style>a{}</style></head><body><script type="module" src="/_astro/lab-frame.x.js"></script></body></html>';

  it('finds its module scripts', () => {
    expect(moduleScriptSources(html)).toEqual(['/_astro/lab-frame.x.js']);
  });

  it('lists each import as a modulepreload at the end of the head', () => {
    expect(withModulePreloads(html, ['/_astro/feed.a.js', '/_astro/b&"c.js'])).toBe(
      '<html><head><style>a{}</style><link rel="modulepreload" href="/_astro/feed.a.js"><link rel="modulepreload" href="/_astro/b&amp;&quot;c.js"></head><body><script type="module" src="/_astro/lab-frame.x.js"></script></body></html>',
    );
    expect(withModulePreloads(html, [])).toBe(html);
  });
});
