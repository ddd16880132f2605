/**
 * The lab panel's UI strings, bundled with the controller (loaded on the first click) rather
 * than written into every lab's HTML: a lesson with nine labs would otherwise carry them nine times.
 */
import en from '../content/i18n/en.json';
import ko from '../content/i18n/ko.json';
import type { Locale } from '../lib/lab-manifest.ts';
import type { Strings } from './console-panel.ts';

const pick = (all: Readonly<Record<string, string>>): Strings => Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('lab.'))) as Strings;

export function labStrings(locale: Locale): Strings {
  return pick(locale === 'ko' ? ko : en);
}
