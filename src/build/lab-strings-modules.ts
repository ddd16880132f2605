/**
 * `virtual:lab-strings/<locale>`: one language's lab panel strings (the `lab.` keys of
 * src/content/i18n/<locale>.json, the one place they are written) as a module of their own.
 * The lab controller loads the page's language only, beside it on the first click, rather than
 * carrying every language and the site's other strings inside it: a third of its bytes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { LOCALES, type Locale } from '../lib/lab-manifest.ts';
import { labStringsOf } from '../lib/ui-keys.ts';

const PREFIX = 'virtual:lab-strings/';
const RESOLVED = `\0${PREFIX}`;

const isLocale = (name: string): name is Locale => (LOCALES as readonly string[]).includes(name);

export function labStringsModules(): Plugin {
  return {
    name: 'webrtc-lab:lab-strings',
    resolveId: (id) => (id.startsWith(PREFIX) && isLocale(id.slice(PREFIX.length)) ? `${RESOLVED}${id.slice(PREFIX.length)}` : null),
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const file = fileURLToPath(new URL(`../content/i18n/${id.slice(RESOLVED.length)}.json`, import.meta.url));
      this.addWatchFile(file);
      return `export default ${JSON.stringify(labStringsOf(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>))};`;
    },
  };
}
