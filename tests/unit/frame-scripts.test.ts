import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptTexts, isPrefetchScript, moduleScriptSources, withInlineScripts, withoutModuleScripts } from '../../src/lib/frame-scripts.ts';
import { frameScriptHashes, scriptHashSources } from '../../src/server/frame-script-hashes.ts';

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

describe('the frame document with its runner inline', () => {
  const html = '<html><head><style>a{}</style></head><body><script type="module" src="/_astro/lab-frame.x.js"></script></body></html>';

  it('finds its module scripts', () => {
    expect(moduleScriptSources(html)).toEqual(['/_astro/lab-frame.x.js']);
  });

  it('writes the code given for a script inside it, as it is, and leaves scripts it has no code for', () => {
    const code = 'const a=`$&$1`;import(`/_astro/peer.js`)';
    expect(withInlineScripts(html, () => code)).toBe(`<html><head><style>a{}</style></head><body><script>${code}</script></body></html>`);
    expect(withInlineScripts(html, () => undefined)).toBe(html);
  });

  it('refuses code the parser would cut short or read differently', () => {
    for (const code of ['const a="</script>"', 'const a="</SCRIPT "', 'const a="<!--"']) {
      expect(() => withInlineScripts(html, () => code)).toThrow(/cannot be written inside/);
    }
  });

  it('reads back the inline scripts’ text, and only theirs', () => {
    const page = '<head><script type="module" src="/a.js"></script><script>one()</script></head><body><script type="module" data-x=">">\ntwo()\n</script></body>';
    expect(inlineScriptTexts(page)).toEqual(['one()', '\ntwo()\n']);
  });

  it('hashes each inline script as the policy names it', () => {
    // The CSP spec's own example: sha256 of "alert('Hello, world.');", in base64.
    expect(scriptHashSources("<script>alert('Hello, world.');</script>")).toEqual(["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"]);
    expect(scriptHashSources('<script src="/a.js"></script>')).toEqual([]);
  });
});

/** A frame document holding `html` in a temporary folder, for `work`; removed after. */
function withFrameDocument(html: string, work: (file: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'frame-hashes-'));
  const file = path.join(dir, 'index.html');
  try {
    writeFileSync(file, html);
    work(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the frame policy’s hashes, read from the served document', () => {
  it('follow the document when a build rewrites it, and keep the last ones while it is missing', () => {
    withFrameDocument('<body><script>one()</script></body>', (file) => {
      const hashes = frameScriptHashes(file, 0);
      expect(hashes()).toEqual(scriptHashSources('<script>one()</script>'));
      writeFileSync(file, '<body><script>two(); three()</script></body>');
      expect(hashes()).toEqual(scriptHashSources('<script>two(); three()</script>'));
      rmSync(file);
      expect(hashes()).toEqual(scriptHashSources('<script>two(); three()</script>'));
    });
  });
});

describe('the frame policy’s hashes, on a server’s hot path', () => {
  it('look at the file at most once a recheck period, not once a request', () => {
    withFrameDocument('<body><script>one()</script></body>', (file) => {
      const hashes = frameScriptHashes(file, 60_000);
      const first = hashes();
      writeFileSync(file, '<body><script>two(); three()</script></body>');
      expect(hashes()).toEqual(first);
    });
  });
});
