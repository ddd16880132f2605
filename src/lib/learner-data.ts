/**
 * Everything the site keeps for a learner (drafts, finished labs and lessons) as one file, and
 * that file read back in. A learner moving to another computer, or a teacher collecting work,
 * exports here and imports there. Pure: the page reads and writes localStorage
 * (src/runtime/your-work.ts).
 *
 * Importing never loses what the browser holds: finished labs and lessons are united, and drafts
 * are merged per starter version, the newer of two drafts of the same version winning (counted,
 * so the page can say so).
 */
import { parseDraftRecord, serializeDraftRecord, type DraftEntry, type DraftRecord } from './drafts.ts';
import { LAB_ID } from './lab-manifest.ts';
import { DRAFT_PREFIX, LABS_DONE_KEY, LESSONS_DONE_KEY } from './storage-keys.ts';

const LIST_KEYS: readonly string[] = [LABS_DONE_KEY, LESSONS_DONE_KEY];

export const EXPORT_FORMAT = 'webrtc-lab-learner-data';
/** An export larger than this is not one of ours (all drafts of every lab are a few hundred KB). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/** What storage holds, key by key (values as stored: JSON text). */
export type Stored = Readonly<Record<string, string>>;

export interface LearnerData {
  /** Lab id → its draft record. */
  readonly drafts: Readonly<Record<string, DraftRecord>>;
  readonly labsDone: readonly string[];
  readonly lessonsDone: readonly string[];
}

export interface ExportFile extends LearnerData {
  readonly format: typeof EXPORT_FORMAT;
  readonly v: 1;
  readonly exportedAt: string;
}

/** The learner's data among storage's keys; anything malformed is left out, never thrown. */
export function learnerDataOf(stored: Stored): LearnerData {
  const drafts: Record<string, DraftRecord> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(DRAFT_PREFIX)) continue;
    const record = parseDraftRecord(value);
    if (record.drafts.length > 0 || record.stash) drafts[key.slice(DRAFT_PREFIX.length)] = record;
  }
  return { drafts, labsDone: stringList(stored[LABS_DONE_KEY]), lessonsDone: stringList(stored[LESSONS_DONE_KEY]) };
}

export function exportFile(data: LearnerData, now: Date): ExportFile {
  return { format: EXPORT_FORMAT, v: 1, exportedAt: now.toISOString(), ...data };
}

/** The download's name: the site and the day, so several exports sort by date. */
export function exportFileName(now: Date): string {
  return `webrtc-lab-work-${now.toISOString().slice(0, 10)}.json`;
}

export type ParsedImport = { readonly ok: true; readonly data: LearnerData } | { readonly ok: false; readonly reason: 'not-json' | 'not-ours' | 'too-large' };

/** Reads an export file; every draft goes through the same checks as storage's. */
export function parseImport(text: string): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!isObject(value) || value['format'] !== EXPORT_FORMAT || value['v'] !== 1) return { ok: false, reason: 'not-ours' };
  const drafts: Record<string, DraftRecord> = {};
  const given = value['drafts'];
  if (isObject(given)) {
    for (const [lab, record] of Object.entries(given)) {
      if (!isLabId(lab)) continue;
      const parsed = parseDraftRecord(JSON.stringify(record));
      if (parsed.drafts.length > 0 || parsed.stash) drafts[lab] = parsed;
    }
  }
  return { ok: true, data: { drafts, labsDone: strings(value['labsDone']), lessonsDone: strings(value['lessonsDone']) } };
}

export interface MergeResult {
  /** Storage keys to write, with their new values: only those that change. */
  readonly writes: Stored;
  readonly counts: {
    /** Labs whose drafts came in or changed. */
    readonly labs: number;
    /** Drafts of a version this browser also had, where this browser's was newer and stayed. */
    readonly keptNewer: number;
    readonly labsDone: number;
    readonly lessonsDone: number;
  };
}

/** What importing `incoming` into `stored` writes; nothing already stored is lost. */
export function mergeImport(stored: Stored, incoming: LearnerData): MergeResult {
  const current = learnerDataOf(stored);
  const writes: Record<string, string> = {};
  let labs = 0;
  let keptNewer = 0;
  for (const [lab, theirs] of Object.entries(incoming.drafts)) {
    const mine = current.drafts[lab];
    const merged = mine ? mergeRecords(mine, theirs) : { record: theirs, keptNewer: 0 };
    keptNewer += merged.keptNewer;
    const text = serializeDraftRecord(merged.record);
    const key = DRAFT_PREFIX + lab;
    if (stored[key] !== undefined && serializeDraftRecord(parseDraftRecord(stored[key])) === text) continue;
    writes[key] = text;
    labs += 1;
  }
  const lists = { labsDone: 0, lessonsDone: 0 };
  for (const [key, field] of [
    [LABS_DONE_KEY, 'labsDone'],
    [LESSONS_DONE_KEY, 'lessonsDone'],
  ] as const) {
    const before = new Set(current[field]);
    const added = incoming[field].filter((item) => !before.has(item));
    if (added.length === 0) continue;
    lists[field] = new Set(added).size;
    writes[key] = JSON.stringify([...new Set([...current[field], ...added])]);
  }
  return { writes, counts: { labs, keptNewer, ...lists } };
}

/** One draft per starter version, the newer kept; this browser's stash (the code behind Solution) first. */
function mergeRecords(mine: DraftRecord, theirs: DraftRecord): { record: DraftRecord; keptNewer: number } {
  const byStarter = new Map<string, DraftEntry>(mine.drafts.map((draft) => [draft.starter, draft]));
  let keptNewer = 0;
  for (const draft of theirs.drafts) {
    const own = byStarter.get(draft.starter);
    if (!own || draft.savedAt > own.savedAt) byStarter.set(draft.starter, draft);
    else if (JSON.stringify(own.files) !== JSON.stringify(draft.files)) keptNewer += 1;
  }
  const drafts = [...byStarter.values()].sort((a, b) => b.savedAt - a.savedAt);
  const stash = mine.stash ?? theirs.stash;
  return { record: stash ? { v: 1, drafts, stash } : { v: 1, drafts }, keptNewer };
}

/** Lab ids are folder names: a key built from anything else is not ours to write. */
function isLabId(value: string): boolean {
  return LAB_ID.test(value);
}

function stringList(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    return strings(JSON.parse(text));
  } catch {
    return [];
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((item): item is string => typeof item === 'string' && item.length <= 300))] : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys `learnerDataOf` reads, for the page to collect from storage. */
export function isLearnerKey(key: string): boolean {
  return key.startsWith(DRAFT_PREFIX) || LIST_KEYS.includes(key);
}
