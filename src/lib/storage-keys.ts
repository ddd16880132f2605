/**
 * The site's localStorage keys, declared once: the drafts, the progress marks, and the export
 * of both (learner-data.ts) all read them from here, and so does the editor the learner picked.
 */
export const STORAGE_PREFIX = 'webrtc-lab:';
export const DRAFT_PREFIX = `${STORAGE_PREFIX}draft:`;
export const LABS_DONE_KEY = `${STORAGE_PREFIX}labs-done`;
export const LESSONS_DONE_KEY = `${STORAGE_PREFIX}lessons-done`;
/** 'plain' or 'full' (editor-choice.ts). A preference, not work: never exported, but forgotten with the rest. */
export const EDITOR_KEY = `${STORAGE_PREFIX}editor`;
export const PREFERENCE_KEYS: readonly string[] = [EDITOR_KEY];

export function draftKey(labId: string): string {
  return DRAFT_PREFIX + labId;
}
