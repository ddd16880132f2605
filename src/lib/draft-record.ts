/**
 * A lab's drafts record as storage holds it, and what reading it gives: the read side of
 * drafts.ts, apart so a reading page can show a saved draft without loading what edits one.
 */

export type Files = Readonly<Record<string, string>>;

export interface DraftEntry {
  /** hashFiles() of the starter the learner was editing. */
  readonly starter: string;
  readonly files: Files;
  readonly savedAt: number;
  /** The learner dismissed this draft when it was offered; kept a while, not offered again. */
  readonly dismissed?: true;
}

export interface StashedCode {
  readonly files: Files;
  readonly savedAt: number;
}

export interface DraftRecord {
  readonly v: 1;
  /** Newest first, at most one per starter. */
  readonly drafts: readonly DraftEntry[];
  readonly stash?: StashedCode;
}

export interface OpenedDraft {
  /** The draft for the current starter, to show instead of the starter. */
  readonly files: Record<string, string> | null;
  /** The newest undismissed draft for another starter, to offer, not apply. */
  readonly older: { readonly files: Record<string, string>; readonly savedAt: number } | null;
}

export function emptyDraftRecord(): DraftRecord {
  return { v: 1, drafts: [] };
}

/** Reads what storage held. Never throws: garbage or an unknown version is an empty record. */
export function parseDraftRecord(raw: string | null): DraftRecord {
  if (raw === null) return emptyDraftRecord();
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyDraftRecord();
  }
  if (!isObject(data) || data['v'] !== 1 || !Array.isArray(data['drafts'])) return emptyDraftRecord();

  // One bad entry must not cost the learner their other drafts: keep whatever is valid.
  const byStarter = new Map<string, DraftEntry>();
  for (const item of data['drafts'] as unknown[]) {
    const entry = parseEntry(item);
    const existing = entry && byStarter.get(entry.starter);
    if (entry && (!existing || entry.savedAt > existing.savedAt)) byStarter.set(entry.starter, entry);
  }
  const drafts = newestFirst([...byStarter.values()]);
  const stash = parseStash(data['stash']);
  return stash ? { v: 1, drafts, stash } : { v: 1, drafts };
}

export function serializeDraftRecord(record: DraftRecord): string {
  return JSON.stringify(record);
}

export function openDraft(record: DraftRecord, starterHash: string): OpenedDraft {
  const current = record.drafts.find((draft) => draft.starter === starterHash);
  const older = offered(record, starterHash);
  return {
    files: current ? { ...current.files } : null,
    older: older ? { files: { ...older.files }, savedAt: older.savedAt } : null,
  };
}

/** The newest draft for another starter that the learner has not dismissed: the one on offer. */
export function offered(record: DraftRecord, starterHash: string): DraftEntry | undefined {
  return newestFirst(record.drafts.filter((draft) => draft.starter !== starterHash && draft.dismissed !== true))[0];
}

export function newestFirst(drafts: readonly DraftEntry[]): DraftEntry[] {
  return [...drafts].sort((a, b) => b.savedAt - a.savedAt);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFiles(value: unknown): Files | null {
  if (!isObject(value)) return null;
  const entries = Object.entries(value);
  if (!entries.every(([, text]) => typeof text === 'string')) return null;
  // fromEntries defines own properties, so a "__proto__" file name stays a file name.
  return Object.fromEntries(entries) as Record<string, string>;
}

function parseStash(value: unknown): StashedCode | null {
  if (!isObject(value)) return null;
  const files = parseFiles(value['files']);
  const savedAt = value['savedAt'];
  return files && typeof savedAt === 'number' && Number.isFinite(savedAt) ? { files, savedAt } : null;
}

function parseEntry(value: unknown): DraftEntry | null {
  if (!isObject(value) || typeof value['starter'] !== 'string' || value['starter'] === '') return null;
  const stashed = parseStash(value);
  if (!stashed) return null;
  const entry = { starter: value['starter'], files: stashed.files, savedAt: stashed.savedAt };
  return value['dismissed'] === true ? { ...entry, dismissed: true } : entry;
}
