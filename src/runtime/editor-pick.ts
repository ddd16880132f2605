/** The editor the learner picked, kept in localStorage; with storage off or full the pick lasts for the page. */
import { parseEditorPick, type EditorPick } from '../lib/editor-choice.ts';
import { EDITOR_KEY } from '../lib/storage-keys.ts';

let pageOnly: EditorPick = null;

export function readEditorPick(): EditorPick {
  try {
    return parseEditorPick(localStorage.getItem(EDITOR_KEY)) ?? pageOnly;
  } catch {
    return pageOnly;
  }
}

export function storeEditorPick(pick: Exclude<EditorPick, null>): void {
  pageOnly = pick;
  try {
    localStorage.setItem(EDITOR_KEY, pick);
  } catch {
    // Refused storage: the pick still holds on this page (pageOnly).
  }
}
