/**
 * Every lab under src/labs, found by folder: adding a lab never touches this file.
 * Server-side only (Astro components); the browser receives what a page embeds.
 */
import { hashFiles } from '../lib/drafts.ts';
import { parseLab, type LabMeta } from '../lib/lab-schema.ts';

export interface LabBundle {
  readonly id: string;
  readonly meta: LabMeta;
  readonly starter: Readonly<Record<string, string>>;
  readonly solution: Readonly<Record<string, string>>;
  /** Identifies this version of the starter, so drafts made against an older one are recognised. */
  readonly starterHash: string;
}

const metas = import.meta.glob<{ default: unknown }>('../labs/*/lab.ts', { eager: true });
const texts = import.meta.glob<string>('../labs/*/*.{ts,html,css}', { query: '?raw', import: 'default', eager: true });

const folderOf = (key: string): string => key.split('/')[2] ?? '';

function text(id: string, file: string): string | undefined {
  return texts[`../labs/${id}/${file}`];
}

function load(id: string): LabBundle {
  const module = metas[`../labs/${id}/lab.ts`];
  if (!module) throw new Error(`no lab "${id}" (labs: ${labIds().join(', ')})`);
  const meta = parseLab(id, module.default);
  const shared: Record<string, string> = {};
  const html = text(id, 'index.html');
  if (html === undefined) throw new Error(`src/labs/${id}: index.html is missing`);
  shared['index.html'] = html;
  const css = text(id, 'style.css');
  if (css !== undefined) shared['style.css'] = css;
  const main = text(id, 'main.ts');
  const solution = text(id, 'solution.ts');
  if (main === undefined || solution === undefined) throw new Error(`src/labs/${id}: main.ts and solution.ts are both required`);
  const starter = { 'main.ts': main, ...shared };
  return { id, meta, starter, solution: { 'main.ts': solution, ...shared }, starterHash: hashFiles(starter) };
}

export function labIds(): string[] {
  return Object.keys(metas).map(folderOf).sort();
}

const cache = new Map<string, LabBundle>();
export function getLab(id: string): LabBundle {
  let bundle = cache.get(id);
  if (!bundle) {
    bundle = load(id);
    cache.set(id, bundle);
  }
  return bundle;
}
