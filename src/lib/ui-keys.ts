/**
 * The UI string keys, derived from the one list of them (src/content/i18n/en.json), so a
 * lookup with a misspelt key fails the type check instead of showing an empty label.
 */
import type en from '../content/i18n/en.json';

export type UiKey = keyof typeof en;
/** The keys a lab's client code receives (Lab.astro passes the `lab.` strings). */
export type LabUiKey = Extract<UiKey, `lab.${string}`>;
