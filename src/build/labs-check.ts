/**
 * Validates every lab folder when Astro starts (dev and build), whether or not a page uses
 * it yet, so a malformed lab fails the build naming its folder and field: its files against
 * the manifest, its lab.ts against the schema, and each Korean edition against its English
 * file (the same code, only comments may differ).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { firstCodeDifference } from '../lib/code-tokens.ts';
import { LAB_FOLDER, LAB_META_FILE, LOCALES, REQUIRED_FOLDER_FILES, localizedName } from '../lib/lab-manifest.ts';
import { parseLab } from '../lib/lab-schema.ts';

/** Every file name a lab folder may hold, derived from the manifest. */
function knownFiles(): Set<string> {
  const names = new Set<string>([LAB_META_FILE]);
  for (const files of Object.values(LAB_FOLDER)) {
    for (const file of Object.values(files)) {
      if (file === null) continue;
      for (const locale of LOCALES) names.add(localizedName(file, locale));
    }
  }
  return names;
}

function checkFolder(labsDir: string, id: string): void {
  const folder = path.join(labsDir, id);
  const present = readdirSync(folder);
  const missing = REQUIRED_FOLDER_FILES.filter((file) => !present.includes(file));
  if (missing.length) throw new Error(`src/labs/${id}: missing ${missing.join(', ')}`);
  const known = knownFiles();
  const strange = present.filter((file) => !known.has(file));
  if (strange.length) throw new Error(`src/labs/${id}: unknown file ${strange.join(', ')} (a lab folder holds ${[...known].join(', ')})`);
  for (const file of present) {
    if (!file.endsWith('.ts') || file === LAB_META_FILE) continue;
    for (const locale of LOCALES) {
      const edition = localizedName(file, locale);
      if (edition === file || !present.includes(edition)) continue;
      const difference = firstCodeDifference(readFileSync(path.join(folder, file), 'utf8'), readFileSync(path.join(folder, edition), 'utf8'));
      if (difference) {
        throw new Error(`src/labs/${id}/${edition} is not the same code as ${file}: token ${difference.index} is ${difference.b} there, ${difference.a} in ${file} (only comments may differ)`);
      }
    }
  }
}

export async function checkLabs(labsDir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of readdirSync(labsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    checkFolder(labsDir, entry.name);
    // Node 24 runs lab.ts directly (type stripping); lab.ts imports nothing but the schema.
    const module = (await import(pathToFileURL(path.join(labsDir, entry.name, LAB_META_FILE)).href)) as { default?: unknown };
    const meta = parseLab(entry.name, module.default);
    const pairing = meta.needs.includes('pairing') || meta.goals.some((goal) => goal.of === 'partner');
    const partner = LAB_FOLDER.partner['main.ts'] ?? '';
    // A pairing lab without partner.ts is symmetric: its partner tab runs the solution.
    if (!pairing && existsSync(path.join(labsDir, entry.name, partner))) {
      throw new Error(`src/labs/${entry.name}: ${partner} is only for pairing labs (needs: ['pairing'])`);
    }
    ids.push(entry.name);
  }
  return ids.sort();
}

export function labsCheck(): AstroIntegration {
  return {
    name: 'webrtc-lab:labs-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const ids = await checkLabs(new URL('./src/labs/', config.root).pathname);
        logger.info(`${ids.length} labs valid: ${ids.join(', ')}`);
      },
    },
  };
}
