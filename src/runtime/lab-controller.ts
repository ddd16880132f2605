/**
 * A lab once the learner touches it: the editor (Monaco, or a text box on touch screens),
 * drafts, runs in the lab frame, the console, goals and progress. Loaded on first click.
 * The pieces live beside it: notices, drafts, goal view, run session.
 */
import type { FeedEvent } from '../lib/feed.ts';
import { feedClass, GATE_LIMITS } from '../lib/feed-gate.ts';
import type { Goal } from '../lib/goal-checks.ts';
import { watchOf } from '../lib/goals/goal-board.ts';
import { interpolate } from '../lib/interpolate.ts';
import { ENTRY_FILE, LAB_MODULES, isLabModule, solutionPath, type LabFiles, type LabModule, type Locale } from '../lib/lab-manifest.ts';
import { LAB_ENTRY, LAB_GUARD } from '../lib/lab-protocol.ts';
import type { Role } from '../lib/pairing/room-code.ts';
import { createRing } from '../lib/ring-buffer.ts';
import { decodeShare, encodeShare, parseShareHash, shareHash } from '../lib/share-code.ts';
import { isLanOrigin } from '../lib/site-origins.ts';
import { preparedFor, type PreparedCode } from '../lib/prepared-code.ts';
import type { PrepareResult } from '../lib/transpile.ts';
import { chooseEditor, type EditorHints } from '../lib/editor-choice.ts';
import { readEditorPick, storeEditorPick } from './editor-pick.ts';
import { createConsolePanel, type ConsolePanel, type Strings } from './console-panel.ts';
import { offerDownload } from './download-offer.ts';
import type { LabEditor } from './editor.ts';
import { GoalView } from './goal-view.ts';
import type { InspectorPanel } from './inspector-panel.ts';
import { Announcer } from './announcer.ts';
import { LabDrafts } from './lab-drafts.ts';
import { labConfig } from './lab-config.ts';
import { labStrings } from './lab-strings.ts';
import { Notices } from './lab-notices.ts';
import { PairPanel } from './pair-panel.ts';
import { mountPlainEditor } from './plain-editor.ts';
import { labsDone } from './progress.ts';
import { RunSession } from './run-session.ts';
import { setFrameLive, takeStandby } from './frame-standby.ts';

interface LabData {
  readonly id: string;
  readonly locale: Locale;
  readonly starter: LabFiles;
  readonly starterHash: string;
  readonly goals: readonly Goal[];
  /** A pairing lab: the page joins a room, and the lab's code reaches it through room(). */
  readonly pairing: boolean;
  /** The lab captures the camera, microphone or screen: only a secure context may. */
  readonly capture: boolean;
  /** Seats in a pairing lab's room (lab.ts `room.size`): 2 for a pair, more for a mesh. */
  readonly roomSize: number;
  /** What a partner tab runs (partner.ts, or a symmetric lab's solution); null outside pairing labs. */
  readonly partner: LabFiles | null;
  /** The starter and partner code prepared at build time. */
  readonly prepared: PreparedCode;
}

type Files = Record<string, string>;
type Action = 'edit' | 'run' | 'stop' | 'reset' | 'solution' | 'share';
const ACTIONS: readonly Action[] = ['edit', 'run', 'stop', 'reset', 'solution', 'share'];
/**
 * Events of one run the page keeps (the newest). A working lab sends a few hundred; a run that
 * goes on for an hour, or floods, must not grow the page's memory without bound.
 */
const FEED_CAPACITY = 5000;

/** A few lines using what lab code uses: transformed once when the page is idle (see loadTranspiler). */
const TRANSPILER_WARM_UP = "import { log } from 'lab';\nconst seen: string[] = [];\nfor (const name of ['a']) seen.push(`${name}`);\nwhile (seen.length > 1) seen.pop();\nlog(seen as unknown);\n";
/** The longest the Inspector's code waits for an idle moment once a run has a connection. */
const INSPECTOR_WAIT_MS = 500;

/** When the page is idle, or after `timeoutMs` at the latest if given (Safari has no requestIdleCallback: a short timer there). */
function whenIdle(task: () => void, timeoutMs?: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, timeoutMs === undefined ? {} : { timeout: timeoutMs });
  else setTimeout(task, 50);
}

let transpiler: Promise<typeof import('../lib/transpile.ts')> | null = null;
/** The transpiler (most of the controller's weight before it was split off), loaded once, on first need. */
function loadTranspiler(): Promise<typeof import('../lib/transpile.ts')> {
  transpiler ??= import('../lib/transpile.ts').then(
    (loaded) => {
      // A page's first transform compiles the transpiler's own code (35-40 ms measured at Run):
      // do that while the page is idle, on a few lines using what lab code uses.
      whenIdle(() => loaded.prepareLabCode(TRANSPILER_WARM_UP, { entry: LAB_ENTRY, guard: LAB_GUARD }));
      return loaded;
    },
    (error: unknown) => {
      transpiler = null; // offline, or a new deployment: the next Run tries again
      throw error;
    },
  );
  return transpiler;
}

/**
 * The lab whose frame is live on this page, if any. One at a time: every frame is on the one
 * lab origin, so two live frames could reach into each other (same origin, one parent). A
 * second Run stops the first lab before its own frame exists.
 */
let liveLab: Lab | null = null;

/** What the browser says about the screen and the link (the Network Information API is Chromium's only). */
const editorHints = (): EditorHints => {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
  return { touchOnly: matchMedia('(hover: none) and (pointer: coarse)').matches, saveData: connection?.saveData, effectiveType: connection?.effectiveType };
};

class Lab {
  readonly data: LabData;
  readonly section: HTMLElement;
  readonly t: Strings;
  readonly notices: Notices;
  readonly console: ConsolePanel;
  readonly goals: GoalView;
  readonly announcer: Announcer;
  solutionLoading: Promise<Files> | null = null;
  readonly buttons: Record<Action, HTMLButtonElement>;
  readonly drafts: LabDrafts;
  editor: LabEditor | null = null;
  editorLoading: Promise<LabEditor> | null = null;
  files: Files;
  showingSolution = false;
  /** The files last put into the editor by code (not typed), to tell the two apart. */
  placed: string | null = null;
  session: RunSession | null = null;
  /** This run's feed, as admitted by the page's gate (the newest FEED_CAPACITY events); the Inspector and the browser tests read it. */
  readonly feed = createRing<FeedEvent>(FEED_CAPACITY);
  /** The room, in a pairing lab. */
  readonly pair: PairPanel | null = null;
  /** Goals about the partner's tab, as that tab last reported them. */
  partnerMet: ReadonlySet<string> = new Set();
  /** Each partner tab's latest report, by seat (one seat in a pair). */
  readonly partnerReports = new Map<Role, ReadonlySet<string>>();
  /** Goals this tab's own feed met in the current run. */
  ownMet: ReadonlySet<string> = new Set();
  /** The Inspector, made when the lab's code first makes a connection. */
  inspector: InspectorPanel | null = null;
  inspectorLoading = false;
  /** The notice offering the last file the lab's code handed over, if any. */
  downloadOffer: HTMLElement | null = null;
  /** Actions run one at a time, in order: a double Run never leaves two frames or two listeners. */
  queue: Promise<void> = Promise.resolve();

  constructor(section: HTMLElement, data: LabData, t: Strings) {
    this.section = section;
    // Asked once per page; asking as the lab activates takes the fetch off the first Run's path.
    labConfig().catch(() => undefined);
    this.data = data;
    this.t = t;
    this.notices = new Notices(section.querySelector('.lab-notices')!);
    this.console = createConsolePanel(section.querySelector('.lab-console')!, this.t);
    this.announcer = new Announcer(section.querySelector('.lab-announce'));
    this.goals = new GoalView(section, this.data.goals, this.data.locale, this.t, this.announcer);

    const toolbar = section.querySelector('.lab-toolbar')!;
    this.buttons = Object.fromEntries(ACTIONS.map((action) => [action, toolbar.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!])) as Record<Action, HTMLButtonElement>;
    toolbar.addEventListener('click', (event) => {
      const action = (event.target as Element).closest<HTMLButtonElement>('[data-action]')?.dataset['action'];
      if (action) void this.act(action);
    });

    // http:// on a network address: the browser hides capture, and the lab's code would only
    // meet `navigator.mediaDevices` undefined. Say why, and what to open instead.
    if (this.data.capture && !window.isSecureContext) this.notices.add(interpolate(this.t['lab.insecure'], { origin: location.origin }));
    this.drafts = new LabDrafts(this.data.id, this.data.starterHash, this.data.starter as Files, this.notices, this.t);
    this.files = this.drafts.opening();
    if (this.data.pairing) {
      this.pair = new PairPanel({ section, labId: this.data.id, size: this.data.roomSize, t: this.t, onPartnerGoals: (met, from) => this.onPartnerGoals(met, from) });
    }
    if (this.pair?.isGuest) {
      // The partner tab runs the lab's partner code (the counterpart of what the learner writes),
      // or in a symmetric lab the solution, and judges only the goals about it.
      this.files = this.partnerFiles();
      this.placed = JSON.stringify(this.files);
      for (const hidden of section.querySelectorAll<HTMLElement>('.lab-goals, .lab-goal-status')) hidden.hidden = true;
      this.buttons.solution.hidden = true;
      this.buttons.share.hidden = true;
    } else {
      this.drafts.offerOlder((files) => this.setFiles(files));
      this.drafts.watchOtherTabs({ current: () => (this.showingSolution ? null : this.currentFiles()), use: (files) => this.setFiles(files) });
    }
    if (labsDone().has(this.data.id)) this.goals.show(new Set(this.data.goals.map((g) => g.id)), false);
  }

  /** Something in the lab panel itself failed: say so in the panel instead of leaving it blank. */
  fail(error: unknown): void {
    console.error(error);
    this.notices.add(`${this.t['lab.error.runtime']}: ${error instanceof Error ? error.message : String(error)}`);
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
    if (this.pair?.isGuest) return; // nor are edits to the partner's code
    this.drafts.save(files);
  }

  async openEditor(): Promise<LabEditor> {
    if (this.editor) return this.editor;
    // Code in an editor changes, and changed code is transpiled when it runs: fetch the transpiler now.
    loadTranspiler().catch(() => undefined);
    this.editorLoading ??= (async () => {
      const slot = this.section.querySelector<HTMLElement>('.lab-code')!;
      const options = { files: this.files, onRun: () => void this.act('run'), onChange: (files: Files) => this.onEdit(files) };
      let editor: LabEditor;
      const choice = chooseEditor(editorHints(), readEditorPick());
      if (choice !== 'full') {
        editor = mountPlainEditor(slot, {
          ...options,
          label: `${this.data.id} ${ENTRY_FILE}`,
          invisibleNotice: (list) => interpolate(this.t['lab.invisible'], { list }),
        });
        if (choice === 'touch') this.notices.add(this.t['lab.touch'], 'ok');
        if (choice === 'light') this.notices.add(this.t['lab.light'], 'ok');
      } else {
        const loading = this.notices.add(this.t['lab.loading'], 'ok');
        const { mountEditor } = await import('./editor.ts');
        const host = document.createElement('div');
        slot.replaceChildren(host);
        editor = await mountEditor(host, { ...options, labels: { files: this.t['lab.files'] } });
        loading.remove();
      }
      // Under the editor: its keys, and the other editor (not on a touch screen, where Monaco is unusable).
      if (choice !== 'touch') slot.append(this.editorFooter(choice === 'full' ? 'plain-editor' : 'full-editor'));
      this.buttons.edit.hidden = true;
      this.editor = editor;
      return editor;
    })();
    return this.editorLoading;
  }

  /** The editor's keys, then a button for the other editor; it stays there through runs, unlike a notice. */
  private editorFooter(other: 'plain-editor' | 'full-editor'): HTMLParagraphElement {
    const keys = Object.assign(document.createElement('p'), { className: 'lab-keys', textContent: `${this.t[other === 'plain-editor' ? 'lab.keys' : 'lab.keysPlain']} ` });
    const label = this.t[other === 'plain-editor' ? 'lab.plainEditor' : 'lab.fullEditor'];
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'lab-other-editor', textContent: label });
    button.addEventListener('click', () => void this.act(other));
    keys.append(button);
    return keys;
  }

  /** Queues an action behind the ones in flight; failures show in the panel. */
  act(action: string): Promise<void> {
    this.queue = this.queue.then(() => this.perform(action)).catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  private async perform(action: string): Promise<void> {
    // The solution is not the code the page was built with: fetch the transpiler while it loads.
    if (action === 'solution') loadTranspiler().catch(() => undefined);
    switch (action) {
      case 'edit':
        (await this.openEditor()).focus();
        break;
      case 'full-editor':
      case 'plain-editor':
        // Neither editor holds what the other needs: the files are this.files (kept by onEdit).
        storeEditorPick(action === 'full-editor' ? 'full' : 'plain');
        this.editor?.dispose();
        this.editor = null;
        this.editorLoading = null;
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
        if (this.pair?.isGuest) {
          this.setFiles(this.partnerFiles());
          break;
        }
        await this.showSolution(false);
        this.setFiles({ ...this.data.starter } as Files);
        // Resetting is the learner's choice: the draft becomes the starter (that is, none).
        this.drafts.save({ ...this.data.starter } as Files);
        break;
      case 'solution':
        // Open the editor first, so the code shown is the code that will run.
        await Promise.all([this.openEditor(), this.showingSolution ? null : this.solution()]);
        await this.showSolution(!this.showingSolution);
        break;
      case 'share':
        await this.share();
        break;
      case 'pair':
        // Opened from a partner link: the room is joined (the panel did it); show the lab.
        this.section.scrollIntoView({ block: 'start' });
        break;
      case 'navigated':
        // The frame is already gone (runner-bridge removed it); end the session with it.
        await this.stop(false);
        this.section.dataset['run'] = 'navigated';
        this.notices.add(this.t['lab.navigated']);
        break;
      default:
        break;
    }
  }

  /** The lab's solution in this page's language, fetched once (it is not in the page). */
  solution(): Promise<Files> {
    this.solutionLoading ??= fetch(solutionPath(this.data.id, this.data.locale)).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText} (${response.url})`);
      return (await response.json()) as Files;
    });
    // A failed fetch is tried again on the next click.
    this.solutionLoading.catch(() => (this.solutionLoading = null));
    return this.solutionLoading;
  }

  async showSolution(show: boolean): Promise<void> {
    if (show === this.showingSolution) return;
    if (show) {
      const solution = await this.solution();
      this.drafts.stash(this.currentFiles());
      this.showingSolution = true;
      this.setFiles({ ...solution });
    } else {
      const restored = this.drafts.unstash();
      this.showingSolution = false;
      this.setFiles(restored ?? this.currentFiles());
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
      this.notices.add(this.t['lab.shareTooLarge']);
      return;
    }
    const url = `${location.origin}${location.pathname}${shareHash(this.data.id, encoded)}`;
    try {
      await navigator.clipboard.writeText(url);
      this.notices.add(this.t['lab.linkCopied'], 'ok');
    } catch {
      // Clipboard refused (permissions, insecure context): show the link to copy by hand.
      const p = this.notices.add('');
      const input = Object.assign(document.createElement('input'), { readOnly: true, value: url, size: 40 });
      input.setAttribute('aria-label', this.t['lab.copyLink']);
      p.append(input);
      input.select();
    }
  }

  /** Ends the live run, if any; the section's run state is then `after`. */
  async stop(announce: boolean, after: 'stopped' | 'starting' = 'stopped'): Promise<void> {
    const session = this.session;
    this.session = null;
    if (liveLab === this) {
      liveLab = null;
      setFrameLive(false);
    }
    this.buttons.stop.disabled = true;
    if (!session) return;
    await session.stop();
    this.inspector?.stopped();
    this.section.dataset['run'] = after;
    if (announce) this.notices.add(this.t['lab.stopped'], 'ok');
  }

  /** An error found on the page, before any frame: shown like the frame's own. */
  pageError(message: string, line: number, column = 1): void {
    this.onEvent({ type: 'error', phase: 'syntax', message, line, column, at: 0 });
  }

  /**
   * Run goes straight to the frame: the code is on the page, and Monaco (about 1 MiB gz, and
   * its workers) loads only for editing. Type errors are therefore reported only once the
   * editor is open, since its worker is what checks them.
   */
  async start(): Promise<void> {
    // Starting from the click on: the previous run's end ('done') must not show while it stops.
    this.section.dataset['run'] = 'starting';
    await this.stop(false, 'starting');
    this.notices.clearPassing();
    this.editor?.clearMarkers();
    this.console.clear();
    this.feed.clear();
    this.inspector?.reset();
    this.goals.show(new Set(), false);
    this.section.dataset['run'] = 'starting';
    const output = this.section.querySelector<HTMLElement>('.lab-output')!;
    output.hidden = false;
    // Transpile here, not in the frame: a syntax error shows at once, and the frame, which
    // then needs no parser, starts faster. The lab origin's address is asked for meanwhile.
    const files = this.currentFiles();
    const [config, preparing] = await Promise.allSettled([labConfig(), this.prepare(files[ENTRY_FILE] ?? '')]);
    if (config.status === 'rejected' || preparing.status === 'rejected') {
      this.section.dataset['run'] = 'failed';
      this.notices.add(this.t['lab.frameFailed']);
      return;
    }
    const origin = config.value.labOrigin;
    const prepared = preparing.value;
    if (!prepared.ok) {
      const { message, line, column } = prepared.error;
      this.pageError(message, line, column);
      return;
    }
    const unknown = prepared.imports.find((entry) => !isLabModule(entry.name));
    if (unknown) {
      this.pageError(interpolate(this.t['lab.error.import'], { module: unknown.name, modules: LAB_MODULES.join(', ') }), unknown.line);
      return;
    }
    // Awaiting lets another lab start meanwhile, so look again until none is live; from the
    // loop's end to the frame's creation nothing awaits.
    while (liveLab && liveLab !== this) {
      const other = liveLab;
      await other.stop(false);
      other.notices.add(other.t['lab.stoppedForOther'], 'ok');
    }
    liveLab = this;
    setFrameLive(true);
    this.buttons.stop.disabled = false;
    const standbyFrame = takeStandby(this.section);
    const session: RunSession = new RunSession({
      standby: standbyFrame,
      slot: this.section.querySelector('.lab-frame-slot')!,
      labOrigin: origin,
      title: this.t['lab.output'],
      files,
      script: prepared.script,
      modules: prepared.imports.map((entry) => entry.name as LabModule),
      watch: watchOf(this.runGoals()),
      locale: this.data.locale,
      goals: this.runGoals(),
      pairing: this.pair?.info ?? null,
      onEvent: (event) => this.onEvent(event),
      onGoals: (met) => this.onGoals(met),
      // Only what the console would have shown is counted there; the observer's own events are not lines.
      onDropped: (event) => {
        if (feedClass(event) !== 'observer') this.console.dropped();
      },
      onFlood: () => this.flooded(session),
      onFail: () => {
        this.section.dataset['run'] = 'failed';
        this.notices.add(this.t['lab.frameFailed']);
        // The likely cause on a phone in LAN mode: the lab origin's certificate was never accepted.
        if (isLanOrigin(origin)) this.notices.add(interpolate(this.t['lab.frameFailedLan'], { origin: `${origin}/` }));
      },
      onNavigated: () => void this.act('navigated'),
      onDownload: (name, blob) => {
        this.downloadOffer?.remove();
        this.downloadOffer = offerDownload(this.notices, this.t, this.data.locale, name, blob);
      },
    });
    this.session = session;
    // Bring the output into view: the learner wants to see it, and browsers stop painting
    // frames scrolled out of view (a video there shows no new frames).
    this.session.frame.scrollIntoView({ block: 'nearest' });
    if (this.editor) void this.reportTypeErrors(this.editor, this.session);
  }

  /**
   * Type errors are reported, with their lines, and the run goes ahead anyway, as in the
   * TypeScript playground: the checker's worker may take a moment, the run does not wait for it.
   */
  async reportTypeErrors(editor: LabEditor, session: RunSession): Promise<void> {
    const problems = await editor.typeErrors(ENTRY_FILE).catch(() => []);
    if (this.session !== session || problems.length === 0) return;
    const text = (v: string) => ({ t: 'string', v }) as const;
    this.console.add({ type: 'console', level: 'info', args: [text(interpolate(this.t['lab.typeErrors'], { count: problems.length }))], at: 0 });
    for (const problem of problems) {
      this.console.add({ type: 'console', level: 'warn', args: [text(problem.message)], line: problem.line, at: 0 });
    }
  }

  /** main.ts as the frame runs it: prepared at build time if the page holds it, else here, with the transpiler loaded now. */
  async prepare(source: string): Promise<PrepareResult> {
    const built = preparedFor(source, this.data);
    if (built) return built;
    const { prepareLabCode } = await loadTranspiler();
    return prepareLabCode(source, { entry: LAB_ENTRY, guard: LAB_GUARD });
  }

  /** The partner tab's code: the lab's partner.ts, or in a symmetric lab its solution (Lab.astro puts it in the page). */
  partnerFiles(): Files {
    return { ...(this.data.partner ?? this.data.starter) } as Files;
  }

  /** The goals this run's board judges: a partner tab judges, on its own feed, the goals about it. */
  runGoals(): readonly Goal[] {
    if (!this.pair?.isGuest) return this.data.goals;
    return this.data.goals.filter((goal) => goal.of === 'partner').map((goal) => ({ ...goal, of: 'self' as const }));
  }

  /**
   * A partner goal is met when every partner tab that reported met it: in a pair, the one
   * partner; in a mesh, each tab that joined (a tab counts once it reported, so one that just
   * arrived and decodes nothing yet holds the goal back until it does).
   */
  onPartnerGoals(met: ReadonlySet<string>, from: Role): void {
    if (this.pair?.isGuest) return;
    this.partnerReports.set(from, met);
    const reports = [...this.partnerReports.values()];
    const about = this.data.goals.filter((goal) => goal.of === 'partner').map((goal) => goal.id);
    this.partnerMet = new Set(about.filter((id) => reports.every((report) => report.has(id))));
    this.onGoals(this.ownMet);
  }

  onEvent(event: FeedEvent): void {
    this.feed.push(event);
    if (event.type === 'done') {
      this.section.dataset['run'] = 'done';
      this.announcer.say(this.t['lab.announce.done']);
    } else if (event.type === 'error') {
      this.section.dataset['run'] = 'error';
      this.announcer.say(interpolate(event.line ? this.t['lab.announce.errorAt'] : this.t['lab.announce.error'], { line: event.line ?? '', message: event.message }));
    } else if (this.section.dataset['run'] === 'starting') this.section.dataset['run'] = 'running';
    this.console.add(event);
    if (event.type === 'error' && event.line) this.editor?.markError(ENTRY_FILE, event.line, event.column ?? 1, event.message);
    if (this.inspector) this.inspector.add(event);
    else if (event.type === 'pc-created') this.loadInspector();
  }

  /**
   * The Inspector's code loads with the first connection, once the page has a moment: it is
   * 70 KB to compile, and the run's first lines should not wait behind it. It then reads what
   * the feed holds so far.
   */
  loadInspector(): void {
    if (this.inspectorLoading) return;
    this.inspectorLoading = true;
    new Promise<void>((idle) => whenIdle(idle, INSPECTOR_WAIT_MS)).then(() => import('./inspector-panel.ts')).then(
      ({ InspectorPanel }) => {
        const inspector = new InspectorPanel(this.section.querySelector('.lab-output')!, { labId: this.data.id, locale: this.data.locale, t: this.t });
        for (const event of this.feed.toArray()) inspector.add(event);
        if (!this.session) inspector.stopped();
        this.inspector = inspector;
      },
      (error: unknown) => {
        this.inspectorLoading = false;
        this.fail(error);
      },
    );
  }

  /** The run session removed a frame that kept flooding the page: say why, and end the run as Stop does. */
  flooded(session: RunSession): void {
    const rate = GATE_LIMITS.floodRate.toLocaleString(this.data.locale);
    this.notices.add(interpolate(this.t['lab.flooded'], { rate, seconds: GATE_LIMITS.floodMs / 1000 }));
    this.section.dataset['run'] = 'stopped';
    this.buttons.stop.disabled = true;
    // Queued like a click, so it cannot interleave with a Run the learner already asked for.
    this.queue = this.queue.then(() => (this.session === session ? this.stop(false) : undefined)).catch((error: unknown) => this.fail(error));
  }

  onGoals(met: ReadonlySet<string>): void {
    if (this.pair?.isGuest) {
      this.pair.sendGoals(met);
      return;
    }
    this.ownMet = met;
    const all = this.goals.show(new Set([...met, ...this.partnerMet]));
    if (all && this.goals.recordDone(this.data.id)) this.notices.add(this.t['lab.allMet'], 'ok');
  }
}

const labs = new WeakMap<HTMLElement, Promise<Lab>>();
/** The section's lab, made once its language's strings are here (the loader asked for them with this module). */
function labFor(section: HTMLElement): Promise<Lab> {
  let lab = labs.get(section);
  if (!lab) {
    const data = JSON.parse(section.dataset['labJson'] ?? '{}') as LabData;
    lab = labStrings(data.locale).then((t) => {
      const made = new Lab(section, data, t);
      section.dataset['active'] = 'true';
      // What the lab is doing, for the Inspector and the browser tests: one feed, the files.
      Object.defineProperty(section, 'labState', {
        configurable: true,
        value: { feed: () => made.feed.toArray(), files: () => made.currentFiles() },
      });
      return made;
    });
    lab.catch(() => labs.delete(section)); // the next click asks again
    labs.set(section, lab);
  }
  return lab;
}

/**
 * Before the first click: asks where the lab origin is and opens a connection to it, so the
 * frame's document does not wait for a DNS lookup and a handshake.
 */
export function warmUp(): void {
  // A saved draft on the page is not the code it was built with: Run will transpile it.
  if (document.querySelector('.lab .lab-draft')) loadTranspiler().catch(() => undefined);
  labConfig().then(
    ({ labOrigin }) => {
      if (document.querySelector(`link[rel="preconnect"][href="${CSS.escape(labOrigin)}"]`)) return;
      document.head.append(Object.assign(document.createElement('link'), { rel: 'preconnect', href: labOrigin }));
    },
    () => undefined, // the click asks again, and says what went wrong
  );
}

/**
 * Pointing at Edit: start loading the editor the click will open (the full one only; a slow
 * link or Save-Data gets the text box, and nothing is fetched for it).
 */
export function preloadEditor(): void {
  // Edited code is transpiled before it runs, whichever editor opens.
  loadTranspiler().catch(() => undefined);
  if (chooseEditor(editorHints(), readEditorPick()) === 'full') import('./editor.ts').catch(() => undefined);
}

export async function activateLab(section: HTMLElement, action: string): Promise<void> {
  await (await labFor(section)).act(action);
}

/** A page opened from a share link: show the shared code in its lab, run nothing. */
export async function openSharedLink(): Promise<void> {
  const parsed = parseShareHash(location.hash);
  if (!parsed) return;
  const section = document.querySelector<HTMLElement>(`.lab[data-lab="${CSS.escape(parsed.lab)}"]`);
  if (!section) return;
  const [lab, payload] = await Promise.all([labFor(section), decodeShare(parsed.encoded)]);
  if (!payload || payload.lab !== parsed.lab) {
    lab.notices.add(lab.t['lab.shareBroken']);
    return;
  }
  lab.notices.add(lab.t['lab.shared']);
  lab.setFiles({ ...lab.data.starter, ...payload.files } as Files);
  await lab.openEditor();
  section.scrollIntoView({ block: 'start' });
}
