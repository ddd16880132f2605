/**
 * Drafts in localStorage. Storage can be full, disabled or blocked; every failure is
 * returned to the caller to show, never thrown into the lab.
 */
import { parseDraftRecord, serializeDraftRecord, type DraftRecord } from '../lib/draft-record.ts';
import { draftKey } from '../lib/storage-keys.ts';

export function loadDrafts(labId: string): { record: DraftRecord; error: boolean } {
  try {
    return { record: parseDraftRecord(localStorage.getItem(draftKey(labId))), error: false };
  } catch {
    return { record: parseDraftRecord(null), error: true };
  }
}

/** Returns false when the browser refused to store it. */
export function storeDrafts(labId: string, record: DraftRecord): boolean {
  try {
    localStorage.setItem(draftKey(labId), serializeDraftRecord(record));
    return true;
  } catch {
    return false;
  }
}
