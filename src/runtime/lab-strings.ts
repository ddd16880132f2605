/**
 * The lab panel's UI strings: one language's, a chunk of its own (src/build/lab-strings-modules.ts),
 * loaded on the first click beside the controller (the loader asks for both at once), not
 * written into every lab's HTML (a lesson with nine labs would carry them nine times) nor
 * bundled inside the controller in every language.
 */
import type { Locale } from '../lib/lab-manifest.ts';
import type { Strings } from './console-panel.ts';

const MODULES: Readonly<Record<Locale, () => Promise<{ default: Strings }>>> = {
  en: () => import('virtual:lab-strings/en'),
  ko: () => import('virtual:lab-strings/ko'),
};

/**
 * `locale`'s strings; a language the site does not have gets English. A module is fetched once
 * a page, so the loader's ask and the controller's share one response.
 */
export function labStrings(locale: string): Promise<Strings> {
  return MODULES[Object.hasOwn(MODULES, locale) ? (locale as Locale) : 'en']().then((module) => module.default);
}
