import { describe, expect, it } from 'vitest';
import { isPrefetchScript, withoutModuleScripts } from '../../src/lib/frame-scripts.ts';

describe('the frame document without Astro’s prefetch', () => {
  const html = '<head><style>a{}</style><script type="module" src="/_astro/page.cNngjUgL.js"></script></head><body><script type="module" src="/_astro/lab-frame.x.js"></script></body>';

  it('drops the scripts asked, keeps the others and says which went', () => {
    const result = withoutModuleScripts(html, (src) => src.includes('/page.'));
    expect(result.html).toBe('<head><style>a{}</style></head><body><script type="module" src="/_astro/lab-frame.x.js"></script></body>');
    expect(result.dropped).toEqual(['/_astro/page.cNngjUgL.js']);
  });

  it('changes nothing when nothing is dropped', () => {
    expect(withoutModuleScripts(html, () => false)).toEqual({ html, dropped: [] });
  });

  it('knows Astro’s prefetch module by its options, not the runner', () => {
    expect(isPrefetchScript('function o(e){a||(a=!0,r??=e?.prefetchAll??!1,i??=e?.defaultStrategy??`hover`)}')).toBe(true);
    expect(isPrefetchScript('import{startRunner as t}from"./runner.js";t();')).toBe(false);
  });
});
