/**
 * What a reading page costs before the learner touches anything: the scripts it runs (inline,
 * external, and everything those import statically), its CSS and its HTML, gzipped.
 * Dynamic imports (Pagefind's UI, later the editor) load on demand and are not counted here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './build-state.ts';

export interface PageWeight {
  readonly htmlGz: number;
  readonly jsGz: number;
  readonly cssGz: number;
  /** Scripts counted in jsGz: external paths, and `inline#n` for inline ones. */
  readonly scripts: readonly string[];
  /** Stylesheets that carry editor (Monaco) CSS; must be empty on a reading page. */
  /** Stylesheets of panels that load on interaction (LAZY_CSS_MARKERS) that this page loads anyway. */
  readonly lazyCss: readonly string[];
}

const gz = (content: string | Buffer): number => gzipSync(content, { level: 9 }).length;

/**
 * Selectors only the styles of lazily loaded panels have: the editor (src/build/monaco-css.ts),
 * the Inspector and its charts (src/runtime/lazy-styles.ts). A reading page must not load them.
 */
export const LAZY_CSS_MARKERS = ['.monaco-editor', '.lab-inspector', '.uplot'];

function pageFile(urlPath: string): string {
  return path.join(DIST, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
}

/** Static imports of a built module (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\b(?:from|import)\s*["']([^"']+\.m?js)["']/g)].map((m) => m[1] ?? '');
}

export function pageWeight(urlPath: string): PageWeight {
  const html = readFileSync(pageFile(urlPath), 'utf8');
  const scripts: string[] = [];
  let jsGz = 0;
  const seen = new Set<string>();
  const addModule = (sitePath: string): void => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    const file = path.join(DIST, sitePath);
    if (!existsSync(file)) throw new Error(`${urlPath} references missing script ${sitePath}`);
    const code = readFileSync(file, 'utf8');
    scripts.push(sitePath);
    jsGz += gz(code);
    for (const spec of staticImports(code)) addModule(path.posix.resolve(path.posix.dirname(sitePath), spec));
  };

  let inline = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attrs = '', body = ''] = match;
    if (/type="application\/(?:ld\+)?json"/.test(attrs)) continue; // data, not code
    const src = /\ssrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) addModule(new URL(src, `http://site${urlPath}`).pathname);
    else if (body.trim()) {
      scripts.push(`inline#${inline++}`);
      jsGz += gz(body);
      for (const spec of staticImports(body)) addModule(new URL(spec, `http://site${urlPath}`).pathname);
    }
  }
  for (const [, href = ''] of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    addModule(new URL(href, `http://site${urlPath}`).pathname);
  }

  let cssGz = 0;
  const lazyCss: string[] = [];
  const lazyIn = (css: string, where: string): void => {
    for (const marker of LAZY_CSS_MARKERS) if (css.includes(marker)) lazyCss.push(`${where} (${marker})`);
  };
  for (const [, href = ''] of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const sitePath = new URL(href, `http://site${urlPath}`).pathname;
    const css = readFileSync(path.join(DIST, sitePath), 'utf8');
    cssGz += gz(css);
    lazyIn(css, sitePath);
  }
  for (const [, css = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
    cssGz += gz(css);
    lazyIn(css, 'inline <style>');
  }
  return { htmlGz: gz(html), jsGz, cssGz, scripts, lazyCss };
}
