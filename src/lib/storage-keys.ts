/**
 * The site's localStorage keys, declared once: the drafts, the progress marks, and the export
 * of both (learner-data.ts) all read them from here.
 */
export const STORAGE_PREFIX = 'webrtc-lab:';
export const DRAFT_PREFIX = `${STORAGE_PREFIX}draft:`;
export const LABS_DONE_KEY = `${STORAGE_PREFIX}labs-done`;
export const LESSONS_DONE_KEY = `${STORAGE_PREFIX}lessons-done`;

export function draftKey(labId: string): string {
  return DRAFT_PREFIX + labId;
}
