/**
 * Which editor a lab opens: Monaco (about 2 MB compressed, its TypeScript worker included),
 * or the plain text box. A touch screen always gets the box (Monaco is unusable there). A browser
 * that asks to save data (`Save-Data`, `navigator.connection.saveData`) or reports a slow link
 * gets the box first, with an offer to load the full editor. A learner who picked one editor
 * keeps it on every lab until they pick the other (the pick is stored: EDITOR_KEY).
 */

export interface EditorHints {
  readonly touchOnly: boolean;
  /** `navigator.connection.saveData`; undefined where the browser has no Network Information API. */
  readonly saveData?: boolean | undefined;
  /** `navigator.connection.effectiveType`: 'slow-2g' | '2g' | '3g' | '4g'. */
  readonly effectiveType?: string | undefined;
}

/** The editor the learner picked, if they did. */
export type EditorPick = 'full' | 'plain' | null;

/** `light`: the box because of the link; `plain`: the box because the learner picked it. */
export type EditorChoice = 'touch' | 'light' | 'plain' | 'full';

/** Links on which the full editor takes tens of seconds (3g: ~700 kbit/s at 270+ ms). */
const SLOW_LINKS: ReadonlySet<string> = new Set(['slow-2g', '2g', '3g']);

export function chooseEditor(hints: EditorHints, picked: EditorPick): EditorChoice {
  if (hints.touchOnly) return 'touch';
  if (picked === 'full') return 'full';
  if (picked === 'plain') return 'plain';
  if (hints.saveData === true || (hints.effectiveType !== undefined && SLOW_LINKS.has(hints.effectiveType))) return 'light';
  return 'full';
}

/** The stored pick; anything else stored there (an older site's value, a hand edit) is no pick. */
export function parseEditorPick(stored: string | null): EditorPick {
  return stored === 'full' || stored === 'plain' ? stored : null;
}
