/**
 * A lab once the learner touches it: the editor (Monaco, or a text box on touch screens),
 * drafts, runs in the lab frame, the console, goals and progress. Loaded on first click.
 */
import type { FeedEvent } from '../lib/feed.ts';
import { adoptOlder, dismissOlder, openDraft, saveDraft, stash, unstash, type DraftRecord } from '../lib/drafts.ts';
import { EMPTY_FACTS, addEvent, metGoals, type FeedFacts } from '../lib/goals.ts';
import type { Goal } from '../lib/lab-schema.ts';
import { LAB_ENTRY, LAB_GUARD } from '../lib/lab-protocol.ts';
import { decodeShare, encodeShare, parseShareHash, shareHash } from '../lib/share-code.ts';
import { prepareLabCode } from '../lib/transpile.ts';
import { createConsolePanel, type ConsolePanel, type Strings } from './console-panel.ts';
import { loadDrafts, storeDrafts } from './draft-store.ts';
import type { LabEditor } from './editor.ts';
import { mountPlainEditor } from './plain-editor.ts';
import { labsDone, lessonSlug, markLabDone, markLessonDone } from './progress.ts';
import { startRun, type RunHandle } from './runner-bridge.ts';

interface LabData {
  readonly id: string;
  readonly locale: 'en' | 'ko';
  readonly starter: Readonly<Record<string, string>>;
  readonly solution: Readonly<Record<string, string>>;
  readonly starterHash: string;
  readonly goals: readonly Goal[];
  readonly strings: Strings;
}

type Files = Record<string, string>;

let labOrigin: Promise<string> | null = null;
function getLabOrigin(): Promise<string> {
  labOrigin ??= fetch('/lab-config.json')
    .then((res) => (res.ok ? (res.json() as Promise<{ labOrigin: string }>) : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then((config) => config.labOrigin);
  return labOrigin;
}

const isTouchOnly = (): boolean => matchMedia('(hover: none) and (pointer: coarse)').matches;

class Lab {
  readonly data: LabData;
  readonly section: HTMLElement;
  readonly t: Strings;
  readonly notices: HTMLElement;
  readonly console: ConsolePanel;
  readonly buttons: Record<'edit' | 'run' | 'stop' | 'reset' | 'solution' | 'share', HTMLButtonElement>;
  drafts: DraftRecord;
  editor: LabEditor | null = null;
  editorLoading: Promise<LabEditor> | null = null;
  files: Files;
  showingSolution = false;
  storageWarned = false;
  /** The files last put into the editor by code (not typed), to tell the two apart. */
  placed: string | null = null;
  run: RunHandle | null = null;
  facts: FeedFacts = EMPTY_FACTS;
  met = new Set<string>();
  /** This run's feed, as received; the Inspector and the browser tests read it. */
  feed: FeedEvent[] = [];

  constructor(section: HTMLElement) {
    this.section = section;
    this.data = JSON.parse(section.dataset['labJson'] ?? '{}') as LabData;
    this.t = this.data.strings;
    this.notices = section.querySelector('.lab-notices')!;
    this.console = createConsolePanel(section.querySelector('.lab-console')!, this.t);

    const toolbar = section.querySelector('.lab-toolbar')!;
    const button = (action: string) => toolbar.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
    this.buttons = {
      edit: button('edit'),
      run: button('run'),
      stop: button('stop'),
      reset: button('reset'),
      solution: button('solution'),
      share: button('share'),
    };
    toolbar.addEventListener('click', (event) => {
      const action = (event.target as Element).closest<HTMLButtonElement>('[data-action]')?.dataset['action'];
      if (action) void this.act(action).catch((error: unknown) => this.fail(error));
    });

    const loaded = loadDrafts(this.data.id);
    this.drafts = loaded.record;
    if (loaded.error) this.warnStorage();
    const opened = openDraft(this.drafts, this.data.starterHash);
    this.files = { ...this.data.starter, ...(opened.files ?? {}) };
    if (opened.older) this.offerOlder();
    if (labsDone().has(this.data.id)) this.markGoals(new Set(this.data.goals.map((g) => g.id)));
  }

  notice(text: string, kind: 'warn' | 'ok' = 'warn'): HTMLParagraphElement {
    const p = document.createElement('p');
    p.textContent = text;
    if (kind === 'ok') p.className = 'lab-ok';
    this.notices.append(p);
    return p;
  }

  /** Something in the lab panel itself failed: say so in the panel instead of leaving it blank. */
  fail(error: unknown): void {
    console.error(error);
    this.notice(`${this.t['lab.error.runtime'] ?? 'Error'}: ${error instanceof Error ? error.message : String(error)}`);
  }

  warnStorage(): void {
    if (this.storageWarned) return;
    this.storageWarned = true;
    this.notice(this.t['lab.storageError'] ?? '');
  }

  offerOlder(): void {
    const p = this.notice(this.t['lab.olderDraft'] ?? '');
    const use = Object.assign(document.createElement('button'), { type: 'button', textContent: this.t['lab.useOlder'] ?? '' });
    const dismiss = Object.assign(document.createElement('button'), { type: 'button', textContent: this.t['lab.dismissOlder'] ?? '' });
    use.addEventListener('click', () => {
      const older = openDraft(this.drafts, this.data.starterHash).older;
      if (!older) return;
      this.drafts = adoptOlder(this.drafts, this.data.starterHash, Date.now());
      this.persist();
      this.setFiles({ ...this.data.starter, ...older.files });
      p.remove();
    });
    dismiss.addEventListener('click', () => {
      this.drafts = dismissOlder(this.drafts, this.data.starterHash);
      this.persist();
      p.remove();
    });
    p.append(use, dismiss);
  }

  persist(): void {
    if (!storeDrafts(this.data.id, this.drafts)) this.warnStorage();
  }

  setFiles(files: Files): void {
    this.files = { ...files };
    this.placed = JSON.stringify(this.files);
    this.editor?.setFiles(this.files);
  }

  onEdit(files: Files): void {
    this.files = files;
    // The editor reports programmatic changes too; only the learner's typing is a draft
    // (opening a share link or showing the solution must not overwrite their code).
    if (JSON.stringify(files) === this.placed) return;
    this.placed = null;
    if (this.showingSolution) return; // edits to the solution are not the learner's draft
    this.drafts = saveDraft(this.drafts, this.data.starterHash, files, this.data.starter, Date.now());
    this.persist();
  }

  async openEditor(): Promise<LabEditor> {
    if (this.editor) return this.editor;
    this.editorLoading ??= (async () => {
      const slot = this.section.querySelector<HTMLElement>('.lab-code')!;
      const options = { files: this.files, onRun: () => void this.start(), onChange: (files: Files) => this.onEdit(files) };
      let editor: LabEditor;
      if (isTouchOnly()) {
        editor = mountPlainEditor(slot, { ...options, label: `${this.data.id} main.ts` });
        this.notice(this.t['lab.touch'] ?? '', 'ok');
      } else {
        const loading = this.notice(this.t['lab.loading'] ?? '', 'ok');
        const { mountEditor } = await import('./editor.ts');
        const host = document.createElement('div');
        slot.replaceChildren(host);
        editor = await mountEditor(host, { ...options, labels: { files: this.t['lab.files'] ?? 'Files' } });
        loading.remove();
        const keys = Object.assign(document.createElement('p'), { className: 'lab-keys', textContent: this.t['lab.keys'] ?? '' });
        slot.append(keys);
      }
      this.buttons.edit.hidden = true;
      this.editor = editor;
      return editor;
    })();
    return this.editorLoading;
  }

  async act(action: string): Promise<void> {
    switch (action) {
      case 'edit':
        (await this.openEditor()).focus();
        break;
      case 'run':
        await this.start();
        break;
      case 'stop':
        await this.stop(true);
        break;
      case 'reset':
        await this.openEditor();
        this.showSolution(false);
        this.setFiles({ ...this.data.starter });
        // Resetting is the learner's choice: the draft becomes the starter (that is, none).
        this.drafts = saveDraft(this.drafts, this.data.starterHash, { ...this.data.starter }, this.data.starter, Date.now());
        this.persist();
        break;
      case 'solution':
        // Open the editor first, so the code shown is the code that will run.
        await this.openEditor();
        this.showSolution(!this.showingSolution);
        break;
      case 'share':
        await this.share();
        break;
      default:
        break;
    }
  }

  showSolution(show: boolean): void {
    if (show === this.showingSolution) return;
    if (show) {
      this.drafts = stash(this.drafts, this.currentFiles(), Date.now());
      this.persist();
      this.showingSolution = true;
      this.setFiles({ ...this.data.solution });
    } else {
      const restored = unstash(this.drafts);
      this.drafts = restored.record;
      this.persist();
      this.showingSolution = false;
      this.setFiles(restored.files ?? this.currentFiles());
    }
    this.buttons.solution.textContent = (this.showingSolution ? this.t['lab.myCode'] : this.t['lab.solution']) ?? '';
  }

  currentFiles(): Files {
    return this.editor ? this.editor.getFiles() : { ...this.files };
  }

  async share(): Promise<void> {
    let encoded: string;
    try {
      encoded = await encodeShare({ lab: this.data.id, files: this.currentFiles() });
    } catch {
      this.notice(this.t['lab.shareTooLarge'] ?? '');
      return;
    }
    const url = `${location.origin}${location.pathname}${shareHash(this.data.id, encoded)}`;
    try {
      await navigator.clipboard.writeText(url);
      this.notice(this.t['lab.linkCopied'] ?? '', 'ok');
    } catch {
      // Clipboard refused (permissions, insecure context): show the link to copy by hand.
      const p = this.notice('');
      const input = Object.assign(document.createElement('input'), { readOnly: true, value: url, size: 40 });
      input.setAttribute('aria-label', this.t['lab.copyLink'] ?? '');
      p.append(input);
      input.select();
    }
  }

  async stop(announce: boolean): Promise<void> {
    const run = this.run;
    this.run = null;
    this.buttons.stop.disabled = true;
    if (!run) return;
    await run.stop();
    this.section.dataset['run'] = 'stopped';
    if (announce) this.notice(this.t['lab.stopped'] ?? '', 'ok');
  }

  async start(): Promise<void> {
    const editor = await this.openEditor();
    await this.stop(false);
    this.notices.querySelectorAll('p.lab-ok').forEach((p) => p.remove());
    editor.clearMarkers();
    this.console.clear();
    this.facts = EMPTY_FACTS;
    this.feed = [];
    this.section.dataset['run'] = 'starting';
    const output = this.section.querySelector<HTMLElement>('.lab-output')!;
    output.hidden = false;
    let origin: string;
    try {
      origin = await getLabOrigin();
    } catch {
      labOrigin = null;
      this.notice(this.t['lab.frameFailed'] ?? '');
      return;
    }
    // Transpile here, not in the frame: a syntax error shows at once, and the frame, which
    // then needs no parser, starts faster.
    const files = editor.getFiles();
    const prepared = prepareLabCode(files['main.ts'] ?? '', { entry: LAB_ENTRY, guard: LAB_GUARD });
    if (!prepared.ok) {
      const { message, line, column } = prepared.error;
      this.onEvent({ type: 'error', phase: 'syntax', message, line, column });
      return;
    }
    this.buttons.stop.disabled = false;
    this.run = startRun({
      slot: this.section.querySelector('.lab-frame-slot')!,
      labOrigin: origin,
      title: this.t['lab.output'] ?? 'Lab output',
      files,
      script: prepared.script,
      onEvent: (event) => this.onEvent(event),
      onFail: () => this.notice(this.t['lab.frameFailed'] ?? ''),
    });
    // Bring the output into view: the learner wants to see it, and browsers stop painting
    // frames scrolled out of view (a video there shows no new frames).
    this.run.frame.scrollIntoView({ block: 'nearest' });
  }

  onEvent(event: FeedEvent): void {
    this.feed.push(event);
    if (event.type === 'done') this.section.dataset['run'] = 'done';
    else if (event.type === 'error') this.section.dataset['run'] = 'error';
    else if (this.section.dataset['run'] === 'starting') this.section.dataset['run'] = 'running';
    this.console.add(event);
    if (event.type === 'error' && event.line) this.editor?.markError('main.ts', event.line, event.column ?? 1, event.message);
    this.facts = addEvent(this.facts, event);
    const met = metGoals(this.data.goals, this.facts, this.met);
    if (met.size !== this.met.size) this.markGoals(met);
  }

  markGoals(met: Set<string>): void {
    this.met = met;
    for (const item of this.section.querySelectorAll<HTMLElement>('.lab-goals li[data-goal]')) {
      const isMet = met.has(item.dataset['goal'] ?? '');
      item.dataset['met'] = String(isMet);
      const state = item.querySelector('.lab-goal-state');
      if (state) state.textContent = `${(isMet ? this.t['lab.goalMet'] : this.t['lab.goalUnmet']) ?? ''}:`;
    }
    if (met.size < this.data.goals.length || labsDone().has(this.data.id)) return;
    markLabDone(this.data.id);
    const onPage = [...document.querySelectorAll<HTMLElement>('.lab[data-lab]')].map((s) => s.dataset['lab'] ?? '');
    const done = labsDone();
    if (onPage.every((id) => done.has(id))) {
      markLessonDone(lessonSlug(), this.t['lab.done'] ?? '');
      this.notice(this.t['lab.allMet'] ?? '', 'ok');
    }
  }
}

const labs = new WeakMap<HTMLElement, Lab>();
function labFor(section: HTMLElement): Lab {
  let lab = labs.get(section);
  if (!lab) {
    lab = new Lab(section);
    labs.set(section, lab);
    section.dataset['active'] = 'true';
    // What the lab is doing, for the Inspector and the browser tests: one feed, the files.
    const current = lab;
    Object.defineProperty(section, 'labState', {
      configurable: true,
      value: { feed: () => [...current.feed], files: () => current.currentFiles() },
    });
  }
  return lab;
}

export async function activateLab(section: HTMLElement, action: string): Promise<void> {
  const lab = labFor(section);
  await lab.act(action).catch((error: unknown) => lab.fail(error));
}

/** A page opened from a share link: show the shared code in its lab, run nothing. */
export async function openSharedLink(): Promise<void> {
  const parsed = parseShareHash(location.hash);
  if (!parsed) return;
  const section = document.querySelector<HTMLElement>(`.lab[data-lab="${CSS.escape(parsed.lab)}"]`);
  if (!section) return;
  const lab = labFor(section);
  const payload = await decodeShare(parsed.encoded);
  if (!payload || payload.lab !== parsed.lab) {
    lab.notice(lab.t['lab.shareBroken'] ?? '');
    return;
  }
  lab.notice(lab.t['lab.shared'] ?? '');
  lab.setFiles({ ...lab.data.starter, ...payload.files });
  await lab.openEditor();
  section.scrollIntoView({ block: 'start' });
}
