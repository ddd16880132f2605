/**
 * The URLs a built file makes the browser fetch: an HTML document's scripts, stylesheets and
 * other fetched links, a JavaScript module's static and dynamic imports, a stylesheet's
 * `@import`s and `url()`s. The lab origin's root is a copy of exactly these files, reached from
 * the frame document, so a miss here is a 404 in the frame. Modules are read from acorn's parse,
 * never matched as text: minified code is full of strings that look like imports.
 */
import { parse, type Node } from 'acorn';

/**
 * `file`: relative to the file that holds it, as the browser resolves it. `root`: relative to
 * the site's base path (Vite's preload list, which its helper prefixes with the base).
 */
export type ReferenceBase = 'file' | 'root';

export interface AssetReference {
  readonly url: string;
  readonly base: ReferenceBase;
  /** A module's static import or re-export: fetched before the module runs (not `import()`). */
  readonly static?: true;
}

/** `<link rel>` values that make the browser fetch the `href` (not canonical, alternate, sitemap…). */
const FETCHED_LINK_RELS: ReadonlySet<string> = new Set(['stylesheet', 'modulepreload', 'preload', 'prefetch', 'icon', 'apple-touch-icon', 'manifest']);

/** Inline `<script type>` values whose body is JavaScript (JSON, import maps and templates are not). */
const SCRIPT_TYPES: ReadonlySet<string> = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The variable Vite's build gives the preload list of every dynamic import (`["_astro/x.js", …]`). */
const VITE_PRELOAD_LIST = '__vite__mapDeps';

const fileRef = (url: string): AssetReference => ({ url, base: 'file' });

/** A `<script>`, `<style>` or `<link>` of a document: attribute names lower-cased, the raw text body (empty for a link). */
export interface ResourceElement {
  readonly name: 'script' | 'style' | 'link';
  readonly attrs: ReadonlyMap<string, string>;
  readonly body: string;
}

/** The document's scripts, styles and links in order, outside comments. */
export function* resourceElements(html: string): Generator<ResourceElement> {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  // A tag's attributes may hold `>` inside quotes; script and style bodies are raw text up to their end tag.
  const tags = /<(script|style|link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    const name = (match[1] ?? '').toLowerCase() as ResourceElement['name'];
    const attrs = attributes(match[2] ?? '');
    if (name === 'link') {
      yield { name, attrs, body: '' };
      continue;
    }
    const end = new RegExp(`</${name}\\s*>`, 'gi');
    end.lastIndex = tags.lastIndex;
    const close = end.exec(text);
    const body = text.slice(tags.lastIndex, close ? close.index : text.length);
    tags.lastIndex = close ? end.lastIndex : text.length;
    yield { name, attrs, body };
  }
}

export function htmlReferences(html: string): AssetReference[] {
  const refs: AssetReference[] = [];
  for (const { name, attrs, body } of resourceElements(html)) {
    if (name === 'link') {
      const rels = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attrs.get('href');
      if (href !== undefined && rels.some((rel) => FETCHED_LINK_RELS.has(rel))) refs.push(fileRef(href));
      continue;
    }
    if (name === 'style') {
      refs.push(...cssReferences(body));
      continue;
    }
    const src = attrs.get('src');
    const type = (attrs.get('type') ?? '').trim().toLowerCase();
    if (src !== undefined) refs.push(fileRef(src));
    else if (SCRIPT_TYPES.has(type) && body.trim() !== '') refs.push(...moduleReferences(body, type === 'module' ? 'module' : 'script'));
  }
  return refs;
}

/** An HTML start tag's attributes, names lower-cased, values with character references decoded. */
function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const [, name, double, single, bare] of source.matchAll(pattern)) {
    const key = (name ?? '').toLowerCase();
    // The first of two same-named attributes wins, as in the browser's parser.
    if (!found.has(key)) found.set(key, decodeCharacterReferences(double ?? single ?? bare ?? ''));
  }
  return found;
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeCharacterReferences(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (whole, hex?: string, decimal?: string, named?: string) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10));
    return NAMED_REFERENCES[(named ?? '').toLowerCase()] ?? whole;
  });
}

export function cssReferences(css: string): AssetReference[] {
  const refs: AssetReference[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, double, single, bare] of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) {
    refs.push(fileRef(double ?? single ?? bare ?? ''));
  }
  // `@import "x.css"` without url(); the url() form is found above.
  for (const [, double, single] of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) {
    refs.push(fileRef(double ?? single ?? ''));
  }
  return refs.filter((ref) => ref.url !== '');
}

/**
 * A module's imports and exports `from`, its `import()`s with a literal specifier, its
 * `new URL(literal, import.meta.url)`s (workers, assets), and Vite's preload list. A computed
 * `import(x)` cannot be known before it runs and is not reported (the frame imports learner code
 * that way, from a blob: URL). Bare specifiers name no file of ours and are left out.
 * Throws acorn's SyntaxError when the text is not JavaScript.
 */
export function moduleReferences(code: string, sourceType: 'module' | 'script' = 'module'): AssetReference[] {
  const refs: AssetReference[] = [];
  const add = (specifier: string | null, isStatic = false): void => {
    if (specifier !== null && !isBareSpecifier(specifier)) refs.push(isStatic ? { ...fileRef(specifier), static: true } : fileRef(specifier));
  };
  const program = parse(code, { ecmaVersion: 'latest', sourceType, allowHashBang: true });
  visit(program, (node) => {
    const n = node as Node & Record<string, unknown>;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (isNode(n['source'])) add(staticString(n['source']), true);
        return;
      case 'ImportExpression':
        if (isNode(n['source'])) add(staticString(n['source']));
        return;
      case 'NewExpression': {
        const args = n['arguments'] as Node[];
        if (isIdentifier(n['callee'], 'URL') && args.length === 2 && isImportMetaUrl(args[1])) add(staticString(args[0]));
        return;
      }
      case 'VariableDeclarator':
        if (isIdentifier(n['id'], VITE_PRELOAD_LIST) && isNode(n['init'])) {
          visit(n['init'], (inner) => {
            const path = staticString(inner);
            if (path !== null) refs.push({ url: path, base: 'root' });
          });
        }
        return;
    }
  });
  return refs;
}

/** A module specifier that is neither a URL nor a path: resolved by an import map, not a file here. */
function isBareSpecifier(specifier: string): boolean {
  return !/^(?:\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);
}

/** The value of a string literal or of a template literal with no substitutions, else null. */
function staticString(node: Node | undefined): string | null {
  if (!node) return null;
  const n = node as Node & Record<string, unknown>;
  if (node.type === 'Literal' && typeof n['value'] === 'string') return n['value'];
  if (node.type === 'TemplateLiteral' && (n['expressions'] as unknown[]).length === 0) {
    const [quasi] = n['quasis'] as { value: { cooked: string | null } }[];
    return quasi?.value.cooked ?? null;
  }
  return null;
}

function isIdentifier(value: unknown, name: string): boolean {
  return isNode(value) && value.type === 'Identifier' && (value as Node & { name: string }).name === name;
}

function isImportMetaUrl(node: Node | undefined): boolean {
  if (!node || node.type !== 'MemberExpression') return false;
  const { object, property } = node as Node & { object: Node; property: Node };
  return object.type === 'MetaProperty' && isIdentifier(property, 'url');
}

/** Calls `enter` on every node, parents before children. */
function visit(node: Node, enter: (node: Node) => void): void {
  enter(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, enter);
    } else if (isNode(value)) {
      visit(value, enter);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Stands for the one origin a built site is served from while resolving its URLs. */
const HERE = 'http://here.invalid';

/**
 * The root path (`/_astro/x.js`, decoded, no query or fragment) a reference in the file at
 * `fromPath` points at, or null when it leaves the origin (another host, `data:`, `blob:`) or
 * names nothing (`#top`). `basePath` is the site's base, for preload-list entries.
 */
export function resolveReference(ref: AssetReference, fromPath: string, basePath = '/'): string | null {
  if (ref.url === '' || ref.url.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(ref.url, new URL(ref.base === 'root' ? basePath : fromPath, HERE));
  } catch {
    return null;
  }
  // `blob:http://here.invalid/…` has this origin too, but is no file.
  if (url.protocol !== 'http:' || url.origin !== HERE) return null;
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}
