/**
 * One lab's drafts as the panel uses them: what to show on open, saving what the learner typed,
 * the stash behind Solution / My code, and the offer of a draft made against an older starter.
 * Storage failures become one notice; the decisions themselves are pure (src/lib/drafts.ts).
 */
import { adoptOlder, dismissOlder, openDraft, saveDraft, stash, unstash, type DraftRecord, type Files } from '../lib/drafts.ts';
import type { Strings } from './console-panel.ts';
import { loadDrafts, storeDrafts } from './draft-store.ts';
import type { Notices } from './lab-notices.ts';

export class LabDrafts {
  readonly #labId: string;
  readonly #starterHash: string;
  readonly #starter: Files;
  readonly #notices: Notices;
  readonly #t: Strings;
  #record: DraftRecord;
  #warned = false;

  constructor(labId: string, starterHash: string, starter: Files, notices: Notices, strings: Strings) {
    this.#labId = labId;
    this.#starterHash = starterHash;
    this.#starter = starter;
    this.#notices = notices;
    this.#t = strings;
    const loaded = loadDrafts(labId);
    this.#record = loaded.record;
    if (loaded.error) this.#warn();
  }

  /** The files to open with: the learner's draft for this starter, or the starter. */
  opening(): Record<string, string> {
    return { ...this.#starter, ...(openDraft(this.#record, this.#starterHash).files ?? {}) };
  }

  /** Offers a draft made against an older starter, never applying it unasked; `use` puts it in the editor. */
  offerOlder(use: (files: Record<string, string>) => void): void {
    if (!openDraft(this.#record, this.#starterHash).older) return;
    const p = this.#notices.add(this.#t['lab.olderDraft']);
    const button = (text: string, onClick: () => void): HTMLButtonElement => {
      const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
      b.addEventListener('click', () => {
        onClick();
        p.remove();
      });
      return b;
    };
    p.append(
      button(this.#t['lab.useOlder'], () => {
        const older = openDraft(this.#record, this.#starterHash).older;
        if (!older) return;
        this.#update(adoptOlder(this.#record, this.#starterHash, Date.now()));
        use({ ...this.#starter, ...older.files });
      }),
      button(this.#t['lab.dismissOlder'], () => this.#update(dismissOlder(this.#record, this.#starterHash))),
    );
  }

  /** The learner's code as the draft for this starter (the starter itself means no draft). */
  save(files: Files): void {
    this.#update(saveDraft(this.#record, this.#starterHash, files, this.#starter, Date.now()));
  }

  /** Keeps the learner's code aside while the solution is shown. */
  stash(files: Files): void {
    this.#update(stash(this.#record, files, Date.now()));
  }

  /** The code kept aside, exactly; null when nothing was. */
  unstash(): Record<string, string> | null {
    const restored = unstash(this.#record);
    this.#update(restored.record);
    return restored.files;
  }

  #update(record: DraftRecord): void {
    this.#record = record;
    if (!storeDrafts(this.#labId, record)) this.#warn();
  }

  #warn(): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#notices.add(this.#t['lab.storageError']);
  }
}
