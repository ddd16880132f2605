/**
 * One lab's drafts as the panel uses them: what to show on open, saving what the learner typed,
 * the stash behind Solution / My code, the offer of a draft made against an older starter, and
 * two tabs of the same lab. Storage failures become one notice; the decisions themselves are
 * pure (src/lib/drafts.ts).
 */
import { adoptOlder, changedElsewhere, dismissOlder, draftKey, openDraft, sameFiles, saveDraft, stash, unstash, type DraftRecord, type Files } from '../lib/drafts.ts';
import type { Strings } from './console-panel.ts';
import { loadDrafts, storeDrafts } from './draft-store.ts';
import type { Notices } from './lab-notices.ts';

/** How the panel's code is read and replaced, for the other-tab question. */
export interface DraftEditor {
  /** The learner's code in the panel; null while the panel shows something else (the solution). */
  current(): Files | null;
  use(files: Record<string, string>): void;
}

export class LabDrafts {
  readonly #labId: string;
  readonly #starterHash: string;
  readonly #starter: Files;
  readonly #notices: Notices;
  readonly #t: Strings;
  /** The record as this tab last read or wrote it: what "changed elsewhere" is judged against. */
  #known: DraftRecord;
  #warned = false;
  #editor: DraftEditor | null = null;
  /** Set while the learner has not yet chosen between this tab's code and another tab's. */
  #question: HTMLParagraphElement | null = null;

  constructor(labId: string, starterHash: string, starter: Files, notices: Notices, strings: Strings) {
    this.#labId = labId;
    this.#starterHash = starterHash;
    this.#starter = starter;
    this.#notices = notices;
    this.#t = strings;
    const loaded = loadDrafts(labId);
    this.#known = loaded.record;
    if (loaded.error) this.#warn();
  }

  /** The files to open with: the learner's draft for this starter, or the starter. */
  opening(): Record<string, string> {
    return { ...this.#starter, ...(openDraft(this.#known, this.#starterHash).files ?? {}) };
  }

  /** Offers a draft made against an older starter, never applying it unasked; `use` puts it in the editor. */
  offerOlder(use: (files: Record<string, string>) => void): void {
    if (!openDraft(this.#known, this.#starterHash).older) return;
    const p = this.#notices.add(this.#t['lab.olderDraft']);
    p.append(
      this.#button(p, this.#t['lab.useOlder'], () => {
        const older = openDraft(this.#stored(), this.#starterHash).older;
        if (!older) return;
        this.#update((record) => adoptOlder(record, this.#starterHash, Date.now()));
        use({ ...this.#starter, ...older.files });
      }),
      this.#button(p, this.#t['lab.dismissOlder'], () => this.#update((record) => dismissOlder(record, this.#starterHash))),
    );
  }

  /**
   * Another tab or window of this lab saving its code asks this one which code to keep, as soon
   * as storage says so and again before this tab would write over it: neither replaces the other's
   * code unasked.
   */
  watchOtherTabs(editor: DraftEditor): void {
    this.#editor = editor;
    addEventListener('storage', (event) => {
      if (event.storageArea !== localStorage || (event.key !== null && event.key !== draftKey(this.#labId))) return;
      const mine = editor.current();
      const stored = loadDrafts(this.#labId);
      // Showing the solution, the learner's code is stashed: their next save asks, if it must.
      if (stored.error || !mine) return;
      if (this.#conflicts(stored.record, mine)) this.#ask();
      else this.#known = stored.record;
    });
  }

  /** The learner's code as the draft for this starter (the starter itself means no draft). */
  save(files: Files): void {
    if (this.#question) return; // the answer decides what is written
    const stored = this.#stored();
    if (this.#conflicts(stored, files)) {
      this.#ask();
      return;
    }
    this.#update(() => saveDraft(stored, this.#starterHash, files, this.#starter, Date.now()));
  }

  /** Keeps the learner's code aside while the solution is shown. */
  stash(files: Files): void {
    this.#update((record) => stash(record, files, Date.now()));
  }

  /** The code kept aside, exactly; null when nothing was. */
  unstash(): Record<string, string> | null {
    const restored = unstash(this.#stored());
    this.#update(() => restored.record);
    return restored.files;
  }

  #ask(): void {
    const editor = this.#editor;
    if (this.#question || !editor) return;
    const p = this.#notices.add(this.#t['lab.otherTab']);
    p.classList.add('lab-question');
    p.append(
      this.#button(p, this.#t['lab.useOtherTab'], () => {
        const stored = this.#stored();
        this.#known = stored;
        editor.use({ ...this.#starter, ...(openDraft(stored, this.#starterHash).files ?? {}) });
      }),
      this.#button(p, this.#t['lab.keepThisTab'], () => {
        this.#known = this.#stored();
        const mine = editor.current();
        if (mine) this.save(mine);
      }),
    );
    this.#question = p;
  }

  /** Did another tab leave code for this starter other than `mine` since this tab last looked? */
  #conflicts(stored: DraftRecord, mine: Files): boolean {
    if (!this.#editor) return false;
    const change = changedElsewhere(this.#known, stored, this.#starterHash);
    return change !== null && !sameFiles(change.files ?? this.#starter, mine);
  }

  #button(notice: HTMLParagraphElement, text: string, onClick: () => void): HTMLButtonElement {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
    b.addEventListener('click', () => {
      notice.remove();
      if (notice === this.#question) this.#question = null;
      onClick();
    });
    return b;
  }

  /** The record in storage now (another tab may have written it), or the known one if storage cannot be read. */
  #stored(): DraftRecord {
    const loaded = loadDrafts(this.#labId);
    return loaded.error ? this.#known : loaded.record;
  }

  #update(change: (record: DraftRecord) => DraftRecord): void {
    this.#known = change(this.#stored());
    if (!storeDrafts(this.#labId, this.#known)) this.#warn();
  }

  #warn(): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#notices.add(this.#t['lab.storageError']);
  }
}
