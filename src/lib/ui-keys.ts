/**
 * The UI string keys, derived from the one list of them (src/content/i18n/en.json), so a
 * lookup with a misspelt key fails the type check instead of showing an empty label.
 */
import type en from '../content/i18n/en.json';

export type UiKey = keyof typeof en;
/** The keys a lab's client code receives (see labStringsOf). */
export type LabUiKey = Extract<UiKey, `lab.${string}`>;

/** The strings a lab's client code receives, out of one language's UI strings: the `lab.` keys. */
export function labStringsOf(all: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('lab.')));
}
