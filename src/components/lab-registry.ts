/**
 * Every lab under src/labs, found by folder: adding a lab never touches this file. What a
 * folder holds is declared once in src/lib/lab-manifest.ts. Server-side only (Astro
 * components); the browser receives what a page embeds.
 */
import { hashFiles } from '../lib/drafts.ts';
import { LAB_META_FILE, labFiles, type LabFiles, type LabVersion, type Locale } from '../lib/lab-manifest.ts';
import { parseLab, type LabMeta } from '../lib/lab-schema.ts';

export interface LabBundle {
  readonly id: string;
  readonly meta: LabMeta;
  /** The files of one version in one locale (Korean editions carry Korean comments). */
  files(version: LabVersion, locale: Locale): LabFiles | null;
  /**
   * Identifies this version of the starter (the English edition: a comment translated later
   * does not orphan anyone's draft), so drafts made against an older one are recognised.
   */
  readonly starterHash: string;
}

const metas = import.meta.glob<{ default: unknown }>('../labs/*/lab.ts', { eager: true });
const texts = import.meta.glob<string>('../labs/*/*.{ts,html,css}', { query: '?raw', import: 'default', eager: true });

const folderOf = (key: string): string => key.split('/')[2] ?? '';

function load(id: string): LabBundle {
  const module = metas[`../labs/${id}/${LAB_META_FILE}`];
  if (!module) throw new Error(`no lab "${id}" (labs: ${labIds().join(', ')})`);
  const meta = parseLab(id, module.default);
  const read = (file: string): string | undefined => texts[`../labs/${id}/${file}`];
  const files = (version: LabVersion, locale: Locale): LabFiles | null => labFiles(read, version, locale);
  const starter = files('starter', 'en');
  if (!starter?.['main.ts'] || starter['index.html'] === undefined) throw new Error(`src/labs/${id}: main.ts and index.html are required`);
  return { id, meta, files, starterHash: hashFiles(starter) };
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
