/**
 * Validates every lab folder when Astro starts (dev and build), whether or not a page uses
 * it yet, so a malformed lab fails the build naming its folder and field.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LAB_FILES, parseLab } from '../lib/lab-schema.ts';

export async function checkLabs(labsDir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of readdirSync(labsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(labsDir, entry.name);
    const missing = [...LAB_FILES, 'lab.ts'].filter((file) => !existsSync(path.join(folder, file)));
    if (missing.length) throw new Error(`src/labs/${entry.name}: missing ${missing.join(', ')}`);
    // Node 24 runs lab.ts directly (type stripping); lab.ts imports nothing but the schema.
    const module = (await import(pathToFileURL(path.join(folder, 'lab.ts')).href)) as { default?: unknown };
    parseLab(entry.name, module.default);
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
