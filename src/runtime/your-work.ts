/**
 * The "Your work" page: reads what the site keeps in this browser's storage, shows it lab by
 * lab, and exports, imports or forgets it. The decisions are pure (src/lib/learner-data.ts);
 * storage that is full, disabled or blocked becomes a sentence, never a blank page.
 */
import { interpolate } from '../lib/interpolate.ts';
import { LABS_DONE_KEY, PREFERENCE_KEYS } from '../lib/storage-keys.ts';
import { exportFile, exportFileName, isLearnerKey, learnerDataOf, mergeImport, parseImport, type LearnerData, type Stored } from '../lib/learner-data.ts';
import type { UiKey } from '../lib/ui-keys.ts';
import { saveFile } from './save-file.ts';

type Strings = Readonly<Partial<Record<UiKey, string>>>;

function readStorage(): Stored | null {
  try {
    const stored: Record<string, string> = {};
    // An empty storage has no keys to read: this read is what throws where storage is refused.
    localStorage.getItem(LABS_DONE_KEY);
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      const value = key === null ? null : localStorage.getItem(key);
      if (key !== null && value !== null && isLearnerKey(key)) stored[key] = value;
    }
    return stored;
  } catch {
    return null;
  }
}

function writeStorage(writes: Stored): boolean {
  try {
    for (const [key, value] of Object.entries(writes)) localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function forgetStorage(keys: readonly string[]): boolean {
  try {
    for (const key of keys) localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

function setUp(section: HTMLElement): void {
  const t = JSON.parse(section.dataset['strings'] ?? '{}') as Strings;
  const say = (key: UiKey, values: Record<string, string | number> = {}): string => interpolate(t[key] ?? key, values);
  const locale = section.dataset['locale'] === 'ko' ? 'ko' : 'en';
  const summary = section.querySelector<HTMLElement>('.your-work-summary')!;
  const table = section.querySelector<HTMLElement>('.your-work-table')!;
  const result = section.querySelector<HTMLElement>('.your-work-result')!;
  const control = (name: string): HTMLButtonElement & HTMLInputElement => section.querySelector(`[data-work-action="${name}"]`)!;
  const [exportButton, importInput, forgetButton] = [control('export'), control('import'), control('forget')];
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const show = (): LearnerData | null => {
    const stored = readStorage();
    if (!stored) {
      summary.textContent = say('work.storageError');
      table.hidden = true;
      return null;
    }
    const data = learnerDataOf(stored);
    const done = new Set(data.labsDone);
    let shown = 0;
    for (const row of section.querySelectorAll<HTMLElement>('tr[data-work-lab]')) {
      const lab = row.dataset['workLab'] ?? '';
      const record = data.drafts[lab];
      const newest = record?.drafts[0];
      row.hidden = !newest && !done.has(lab);
      if (row.hidden) continue;
      shown += 1;
      row.querySelector('[data-work-draft]')!.textContent = newest ? say('work.draftSaved', { when: when.format(newest.savedAt) }) : say('work.noDraft');
      row.querySelector('[data-work-done]')!.textContent = say(done.has(lab) ? 'work.done' : 'work.notDone');
    }
    const drafts = Object.values(data.drafts).filter((record) => record.drafts.length > 0).length;
    table.hidden = shown === 0;
    summary.textContent =
      shown === 0 && data.lessonsDone.length === 0
        ? say('work.empty')
        : say('work.summary', { drafts, labs: data.labsDone.length, lessons: data.lessonsDone.length });
    return data;
  };

  exportButton.addEventListener('click', () => {
    const data = show();
    if (!data) return;
    const now = new Date();
    const name = exportFileName(now);
    saveFile(name, new Blob([`${JSON.stringify(exportFile(data, now), null, 1)}\n`], { type: 'application/json' }));
    result.textContent = say('work.exported', { name, labs: Object.keys(data.drafts).length });
  });

  importInput.addEventListener('change', () => {
    const file = importInput.files?.[0];
    if (!file) return;
    void file.text().then(
      (text) => {
        importInput.value = '';
        const parsed = parseImport(text);
        if (!parsed.ok) {
          result.textContent = say(`work.bad.${parsed.reason}`);
          return;
        }
        const stored = readStorage();
        if (!stored) {
          result.textContent = say('work.storageError');
          return;
        }
        const { writes, counts } = mergeImport(stored, parsed.data);
        if (!writeStorage(writes)) {
          result.textContent = say('work.storageError');
          return;
        }
        const nothing = Object.keys(writes).length === 0;
        const kept = counts.keptNewer > 0 ? ` ${say('work.keptNewer', { count: counts.keptNewer })}` : '';
        result.textContent = (nothing ? say('work.nothingNew') : say('work.imported', counts)) + kept;
        show();
      },
      () => {
        result.textContent = say('work.unreadable');
      },
    );
  });

  forgetButton.addEventListener('click', () => {
    if (!confirm(say('work.forgetConfirm'))) return;
    const stored = readStorage();
    // The editor picked goes too: forgetting leaves nothing of this site in the browser.
    if (!stored || !forgetStorage([...Object.keys(stored), ...PREFERENCE_KEYS])) {
      result.textContent = say('work.storageError');
      return;
    }
    result.textContent = say('work.forgotten');
    show();
  });

  // Another tab saving a draft or finishing a lab shows here at once.
  addEventListener('storage', (event) => {
    if (event.key === null || isLearnerKey(event.key)) show();
  });
  for (const each of [exportButton, importInput, forgetButton]) each.disabled = false;
  show();
}

for (const section of document.querySelectorAll<HTMLElement>('.your-work')) setUp(section);
