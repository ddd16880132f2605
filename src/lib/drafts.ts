/**
 * The decisions behind per-lab drafts; the localStorage calls live in the runtime.
 *
 * One record per lab holds a draft per starter version (starter = hash of the lab's
 * starter files). When the starter changes, the learner's draft for the old one is kept
 * and offered, never applied or deleted behind their back: it stays offered until they
 * use it or dismiss it. "Solution" stashes their code; "My code" returns it exactly.
 *
 * Every function is pure and returns a new record; none mutates its input. Reading a record is
 * draft-record.ts.
 */
import { newestFirst, offered, type DraftEntry, type DraftRecord, type Files } from './draft-record.ts';

export { emptyDraftRecord, openDraft, parseDraftRecord, serializeDraftRecord, type DraftEntry, type DraftRecord, type Files, type OpenedDraft, type StashedCode } from './draft-record.ts';

export { draftKey } from './storage-keys.ts';

/** Drafts kept for starters other than the current one. */
const MAX_OLDER_DRAFTS = 3;

/**
 * A stable fingerprint of a set of files: the same names and contents give the same hash
 * whatever the key order, here, in the build and in every browser. Not cryptographic: it
 * only tells starter versions apart.
 */
export function hashFiles(files: Files): string {
  const hash = cyrb53();
  for (const name of Object.keys(files).sort()) {
    const content = files[name] ?? '';
    // Length prefixes keep ("ab","c") and ("a","bc") apart.
    hash.update(`${name.length}:${name}${content.length}:`);
    hash.update(content);
  }
  return hash.digest().toString(16).padStart(14, '0');
}

/**
 * Records the learner's files for this starter. Files identical to the starter are no
 * draft at all, so a learner who undoes every change is back on the plain starter.
 */
export function saveDraft(record: DraftRecord, starterHash: string, files: Files, starterFiles: Files, now: number): DraftRecord {
  const current: DraftEntry | null = sameFiles(files, starterFiles) ? null : { starter: starterHash, files: { ...files }, savedAt: now };
  return withDrafts(record, starterHash, current, record.drafts);
}

/** The learner chose the offered older draft: it becomes this starter's draft. */
export function adoptOlder(record: DraftRecord, starterHash: string, now: number): DraftRecord {
  const older = offered(record, starterHash);
  if (!older) return record;
  // The rest were offered after this one at best; the learner has made their choice.
  const rest = record.drafts.filter((draft) => draft !== older).map(dismiss(starterHash));
  return withDrafts(record, starterHash, { starter: starterHash, files: { ...older.files }, savedAt: now }, rest);
}

/**
 * The learner turned the offer down: no draft for another starter is offered again (they
 * are kept until newer ones push them out). Pass the current starter when you have it;
 * without it this starter's own draft is marked too, which only matters if the starter
 * changes again before the learner edits once more.
 */
export function dismissOlder(record: DraftRecord, starterHash?: string): DraftRecord {
  return { ...record, drafts: record.drafts.map(dismiss(starterHash)) };
}

/** Keeps the learner's code aside while the solution is shown; a later stash replaces it. */
export function stash(record: DraftRecord, files: Files, now: number): DraftRecord {
  return { ...record, stash: { files: { ...files }, savedAt: now } };
}

/** Takes the stashed code back out, exactly as it was stashed. */
export function unstash(record: DraftRecord): { record: DraftRecord; files: Record<string, string> | null } {
  if (!record.stash) return { record, files: null };
  return { record: { v: 1, drafts: record.drafts }, files: { ...record.stash.files } };
}

/**
 * What another tab or window did to this starter's draft since this tab last read or wrote the
 * record: `files` are its code (null: it went back to the starter). Null when nothing changed,
 * or the change leaves the same code. Two tabs of one lab share one record in storage, so
 * without this check the tab that saved last would silently replace the other's code.
 */
export function changedElsewhere(known: DraftRecord, stored: DraftRecord, starterHash: string): { readonly files: Files | null } | null {
  const mine = known.drafts.find((draft) => draft.starter === starterHash);
  const theirs = stored.drafts.find((draft) => draft.starter === starterHash);
  if (!mine && !theirs) return null;
  if (mine && theirs && sameFiles(mine.files, theirs.files)) return null;
  return { files: theirs ? { ...theirs.files } : null };
}

// ---------------------------------------------------------------------------------------

function dismiss(exceptStarter: string | undefined): (draft: DraftEntry) => DraftEntry {
  return (draft) => (draft.starter === exceptStarter || draft.dismissed ? draft : { ...draft, dismissed: true });
}

/**
 * Replaces this starter's draft with `current` (or removes it) and keeps at most
 * MAX_OLDER_DRAFTS others. Undismissed drafts go first, so the one on offer is never
 * pushed out by drafts the learner already turned down.
 */
function withDrafts(record: DraftRecord, starterHash: string, current: DraftEntry | null, drafts: readonly DraftEntry[]): DraftRecord {
  const others = drafts.filter((draft) => draft.starter !== starterHash);
  const kept = [
    ...newestFirst(others.filter((draft) => draft.dismissed !== true)),
    ...newestFirst(others.filter((draft) => draft.dismissed === true)),
  ].slice(0, MAX_OLDER_DRAFTS);
  const all = newestFirst(current ? [current, ...kept] : kept);
  return record.stash ? { v: 1, drafts: all, stash: record.stash } : { v: 1, drafts: all };
}

export function sameFiles(a: Files, b: Files): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => Object.hasOwn(b, name) && a[name] === b[name]);
}

/** cyrb53 (bryc, public domain): a fast 53-bit string hash with good mixing, fed in pieces. */
function cyrb53(): { update(text: string): void; digest(): number } {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  return {
    update(text) {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
      }
    },
    digest() {
      let a = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
      a ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      let b = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
      b ^= Math.imul(a ^ (a >>> 13), 3266489909);
      return 4294967296 * (2097151 & b) + (a >>> 0);
    },
  };
}
