/**
 * Whether dist/ and dist-lab/ beside it are older than what they are built from, so `npm start`
 * and the test runner build only when they must.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LAB_FRAME_DOCUMENT, labRootOf } from '../src/build/lab-root.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DIST = path.join(ROOT, 'dist');
/** The lab origin's root, written by the same build. */
export const LAB_DIST = labRootOf(DIST);
const STAMP = path.join(DIST, '.build-stamp');
const INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIsStale(): boolean {
  if (!existsSync(STAMP) || !existsSync(path.join(LAB_DIST, LAB_FRAME_DOCUMENT))) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((input) => newestMtime(path.join(ROOT, input)) > built);
}

export function markBuilt(): void {
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
