import { describe, expect, it } from 'vitest';
import { cssReferences, htmlReferences, moduleReferences, resolveReference, type AssetReference } from '../../src/lib/asset-references.ts';
import { collectAssets, type AssetSource } from '../../src/lib/asset-graph.ts';

const urls = (refs: AssetReference[]): string[] => refs.map((ref) => ref.url);
const site = (files: Record<string, string>): AssetSource => ({
  has: (path) => Object.hasOwn(files, path),
  text: (path) => files[path] ?? '',
});

describe('htmlReferences', () => {
  it('finds script sources and fetched links, in any quoting, with character references decoded', () => {
    const html = [
      '<!doctype html><html><head>',
      '<link rel="stylesheet" href="/_astro/a.css">',
      "<link rel='modulepreload' href='/_astro/b.js'>",
      '<link rel=icon href=/favicon.svg>',
      '<link href="/_astro/c.js?x=1&amp;y=2" rel="preload" as="script">',
      '<script type="module" src="/_astro/d.js"></script>',
      '<SCRIPT SRC="e.js" data-x=">"></SCRIPT>',
      '</head><body></body></html>',
    ].join('');
    expect(urls(htmlReferences(html))).toEqual(['/_astro/a.css', '/_astro/b.js', '/favicon.svg', '/_astro/c.js?x=1&y=2', '/_astro/d.js', 'e.js']);
  });

  it('leaves out links the browser does not fetch, and commented-out tags', () => {
    const html = [
      '<link rel="canonical" href="/x/">',
      '<link rel="alternate" hreflang="ko" href="/ko/x/">',
      '<link rel="sitemap" href="/sitemap-index.xml">',
      '<!-- <script src="/old.js"></script> -->',
    ].join('');
    expect(htmlReferences(html)).toEqual([]);
  });

  it('reads inline module scripts and styles, and not JSON or text that only looks like a tag', () => {
    const html = [
      '<style>@font-face{src:url(/_astro/f.woff2)}</style>',
      '<script type="module">import "/_astro/g.js"; const s = "<script src=/_astro/not-a-tag.js>";</script>',
      '<script>import("/_astro/h.js")</script>',
      '<script type="application/ld+json">{"url":"/_astro/not-a-module.js"}</script>',
    ].join('');
    expect(urls(htmlReferences(html))).toEqual(['/_astro/f.woff2', '/_astro/g.js', '/_astro/h.js']);
  });
});

describe('moduleReferences', () => {
  it('finds static imports, re-exports and side-effect imports', () => {
    const code = 'import{a as b}from"./x.js";import"./y.js";export{c}from"../z.js";export*from"/_astro/w.js";import*as n from"./v.js";b(n);';
    expect(urls(moduleReferences(code))).toEqual(['./x.js', './y.js', '../z.js', '/_astro/w.js', './v.js']);
  });

  it('marks static imports and re-exports, not dynamic ones', () => {
    const code = 'import{a}from"./x.js";export*from"./w.js";const L=()=>import("./lazy.js");a(L);';
    expect(moduleReferences(code).map((ref) => [ref.url, ref.static === true])).toEqual([
      ['./x.js', true],
      ['./w.js', true],
      ['./lazy.js', false],
    ]);
  });

  it('finds dynamic imports with a literal specifier, backquoted as minifiers write them', () => {
    const code = 'var L={peerjs:()=>C(()=>import(`./bundler.B1.js`)),"webrtc-adapter":()=>import("./adapter.C2.js")};';
    expect(urls(moduleReferences(code))).toEqual(['./bundler.B1.js', './adapter.C2.js']);
  });

  it('leaves out what cannot be known before the code runs, and bare specifiers', () => {
    const code = 'const u=URL.createObjectURL(b);import(u);import(`./${name}.js`);import("peerjs");import x from"zod";x(u);';
    expect(moduleReferences(code)).toEqual([]);
  });

  it('ignores strings and comments that only look like imports', () => {
    const code = 'const help = "import x from \'./nope.js\'"; /* import("./nope2.js") */ // from "./nope3.js"\nconsole.log(help);';
    expect(moduleReferences(code)).toEqual([]);
  });

  it('finds workers and assets addressed relative to the module', () => {
    const code = 'new Worker(new URL(`./w.worker.js`,import.meta.url),{type:`module`});const f=new URL("../img/a.png",import.meta.url).href;new URL("./x.js",location.href);';
    expect(urls(moduleReferences(code))).toEqual(['./w.worker.js', '../img/a.png']);
  });

  it("reads Vite's preload list as paths from the site's base", () => {
    const code =
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/bundler.B1.js","_astro/a.css"])))=>i.map(i=>d[i]);' +
      'import{t as C}from"./preload-helper.D.js";C(()=>import(`./bundler.B1.js`),__vite__mapDeps([0,1]));';
    expect(moduleReferences(code)).toEqual([
      { url: '_astro/bundler.B1.js', base: 'root' },
      { url: '_astro/a.css', base: 'root' },
      { url: './preload-helper.D.js', base: 'file', static: true },
      { url: './bundler.B1.js', base: 'file' },
    ]);
  });

  it('throws on text that is not JavaScript', () => {
    expect(() => moduleReferences('import {')).toThrow(SyntaxError);
  });
});

describe('cssReferences', () => {
  it('finds url() in every quoting and @import, outside comments', () => {
    const css = '@import "base.css";@import url(print.css) print;/* url(/old.png) */a{background:url( "/_astro/a.png" )}b{background:url(\'b.svg#i\')}c{background:url(data:image/png;base64,AAA=)}';
    expect(urls(cssReferences(css))).toEqual(['print.css', '/_astro/a.png', 'b.svg#i', 'data:image/png;base64,AAA=', 'base.css']);
  });
});

describe('resolveReference', () => {
  const file = (url: string): AssetReference => ({ url, base: 'file' });

  it.each([
    ['./bundler.B1.js', '/_astro/frame.js', '/_astro/bundler.B1.js'],
    ['../favicon.svg', '/_astro/frame.js', '/favicon.svg'],
    ['/_astro/a.css?v=1#x', '/lab-frame/index.html', '/_astro/a.css'],
    ['e.js', '/lab-frame/index.html', '/lab-frame/e.js'],
    ['../../../../etc/passwd', '/_astro/frame.js', '/etc/passwd'],
    ['/_astro/%E1%84%92.js', '/lab-frame/index.html', '/_astro/\u1112.js'],
    ['/lab-frame/', '/x.html', '/lab-frame/'],
  ])('%s from %s is %s', (url, from, expected) => {
    expect(resolveReference(file(url), from)).toBe(expected);
  });

  it.each(['https://cdn.example/x.js', '//cdn.example/x.js', 'data:text/javascript,1', 'blob:http://here.invalid/1', '#top', '', '/%zz.js'])('%s leaves the site or names no file', (url) => {
    expect(resolveReference(file(url), '/_astro/frame.js')).toBeNull();
  });

  it('resolves preload-list paths from the base, not from the file', () => {
    expect(resolveReference({ url: '_astro/b.js', base: 'root' }, '/_astro/frame.js')).toBe('/_astro/b.js');
    expect(resolveReference({ url: '_astro/b.js', base: 'root' }, '/_astro/frame.js', '/docs/')).toBe('/docs/_astro/b.js');
  });
});

describe('collectAssets', () => {
  it('follows the frame through its scripts, their imports and lazy chunks, and nothing else', () => {
    const files = {
      '/lab-frame/index.html': '<link rel="stylesheet" href="/_astro/frame.css"><script type="module" src="/_astro/runner.js"></script>',
      '/_astro/frame.css': '@font-face{src:url(./font.woff2)}',
      '/_astro/font.woff2': '\u0000binary',
      '/_astro/runner.js': 'import{a}from"./shared.js";const L={peerjs:()=>import(`./peerjs.js`)};a(L);',
      '/_astro/shared.js': 'import"./runner.js";export const a=()=>{};',
      '/_astro/peerjs.js': 'import{r}from"./adapter.js";export default r;',
      '/_astro/adapter.js': 'export const r=1;',
      '/_astro/editor.js': 'export const monaco=1;',
      '/start/index.html': '<script src="/_astro/editor.js"></script>',
    };
    const graph = collectAssets('/lab-frame/', site(files));
    expect(graph.missing).toEqual([]);
    expect(graph.files).toEqual(['/lab-frame/index.html', '/_astro/frame.css', '/_astro/runner.js', '/_astro/font.woff2', '/_astro/shared.js', '/_astro/peerjs.js', '/_astro/adapter.js']);
  });

  it('reports references to files that do not exist, naming where they were written', () => {
    const graph = collectAssets('/lab-frame/index.html', site({ '/lab-frame/index.html': '<script type="module" src="/_astro/gone.js"></script>' }));
    expect(graph.missing).toEqual([{ from: '/lab-frame/index.html', url: '/_astro/gone.js', path: '/_astro/gone.js' }]);
    expect(graph.files).toEqual(['/lab-frame/index.html']);
  });

  it('reports a missing entry', () => {
    expect(collectAssets('/lab-frame/', site({})).missing).toEqual([{ from: '', url: '/lab-frame/', path: '/lab-frame/index.html' }]);
  });

  it('names the file whose code it could not read', () => {
    const files = { '/a.html': '<script type="module" src="/b.js"></script>', '/b.js': 'export {' };
    expect(() => collectAssets('/a.html', site(files))).toThrow(/\/b\.js/);
  });
});
