/**
 * The Inspector under a lab's output: what chrome://webrtc-internals shows, for this run's
 * connections only, in the learner's language. Loaded when the lab's code makes its first
 * RTCPeerConnection. It reads the run's feed (the same events the goals judge), so it costs
 * the lab frame nothing more; while closed it keeps its model and a one-line summary, and
 * draws nothing else. Export writes the events as a dump that Import (here, or in any lab's
 * Inspector) reads back through the same model.
 */
import type { FeedEvent } from '../lib/feed.ts';
import { dumpFileName, makeDump, type InspectorDump } from '../lib/inspector/dump.ts';
import { createInspectorModel, isInspected, type InspectorModel, type PcView } from '../lib/inspector/model.ts';
import { interpolate } from '../lib/interpolate.ts';
import type { Locale } from '../lib/lab-manifest.ts';
import type { LabUiKey } from '../lib/ui-keys.ts';
import inspectorCss from '../components/lab-inspector.css?inline';
import { node } from './dom.ts';
import { addStyles } from './lazy-styles.ts';
import { PcPanel, stateWord } from './inspector-pc.ts';
import { saveFile } from './save-file.ts';

type Strings = Readonly<Record<LabUiKey, string>>;

addStyles('lab-inspector', inspectorCss);

/** At most this often the open panel redraws: stats come once a second per connection, states in bursts. */
const RENDER_MS = 250;

export interface InspectorOptions {
  readonly labId: string;
  readonly locale: Locale;
  readonly t: Strings;
}

export class InspectorPanel {
  readonly element: HTMLDetailsElement;
  readonly #options: InspectorOptions;
  readonly #summary: HTMLElement;
  readonly #status: HTMLElement;
  readonly #banner: HTMLElement;
  readonly #list: HTMLElement;
  #live: InspectorModel = createInspectorModel();
  /** An imported dump being shown instead of the run; the run's model keeps taking events meanwhile. */
  #imported: { dump: InspectorDump; model: InspectorModel } | null = null;
  #running = true;
  #panels = new Map<string, PcPanel>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(after: HTMLElement, options: InspectorOptions) {
    this.#options = options;
    const { t } = options;
    this.element = node('details', 'lab-inspector');
    const summary = node('summary');
    summary.append(node('span', 'lab-inspector-title', t['lab.inspector.title']), ' ');
    this.#summary = node('span', 'lab-inspector-summary');
    summary.append(this.#summary);
    const bar = node('div', 'lab-inspector-bar');
    const exportButton = node('button', '', t['lab.inspector.export']);
    exportButton.type = 'button';
    exportButton.dataset['inspector'] = 'export';
    exportButton.addEventListener('click', () => this.#export());
    const importLabel = node('label', 'lab-inspector-import');
    const input = node('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void this.importFile(file);
    });
    importLabel.append(node('span', '', t['lab.inspector.import']), input);
    this.#status = node('p', 'lab-inspector-status');
    this.#status.setAttribute('role', 'status');
    bar.append(exportButton, importLabel);
    this.#banner = node('div', 'lab-inspector-banner');
    this.#banner.hidden = true;
    this.#list = node('div', 'lab-inspector-pcs');
    this.element.append(summary, bar, this.#status, this.#banner, this.#list);
    this.element.addEventListener('toggle', () => this.#render());
    after.after(this.element);
  }

  get #model(): InspectorModel {
    return this.#imported?.model ?? this.#live;
  }

  add(event: FeedEvent): void {
    if (!isInspected(event) || !this.#live.add(event) || this.#imported) return;
    this.#schedule();
  }

  /** A new run: the last run's view goes, the next connection's starts. */
  reset(): void {
    this.#live = createInspectorModel();
    this.#running = true;
    this.#status.textContent = '';
    if (!this.#imported) this.#clear();
    this.#schedule();
  }

  /** Stop: the frame (and its stats polling) is gone; what it showed stays to be read. */
  stopped(): void {
    this.#running = false;
    this.#schedule();
  }

  async importFile(file: Blob): Promise<void> {
    const { t } = this.#options;
    const { parseDump } = await import('../lib/inspector/dump-schema.ts');
    const parsed = parseDump(await file.text());
    if (!parsed.ok) {
      this.#status.textContent = interpolate(t[`lab.inspector.problem.${parsed.problem}`], { detail: parsed.detail });
      return;
    }
    const model = createInspectorModel();
    for (const event of parsed.dump.events) model.add(event);
    this.#imported = { dump: parsed.dump, model };
    this.#status.textContent = '';
    this.#banner.replaceChildren(
      node('p', '', interpolate(t['lab.inspector.imported'], { lab: parsed.dump.lab, when: parsed.dump.exportedAt, browser: browserName(parsed.dump.userAgent) })),
      this.#backButton(),
    );
    this.#banner.hidden = false;
    this.element.dataset['showing'] = 'import';
    this.#clear();
    this.element.open = true;
    this.#render();
  }

  #backButton(): HTMLButtonElement {
    const back = node('button', '', this.#options.t['lab.inspector.backToRun']);
    back.type = 'button';
    back.addEventListener('click', () => {
      this.#imported = null;
      this.#banner.hidden = true;
      this.#banner.replaceChildren();
      delete this.element.dataset['showing'];
      this.#clear();
      this.#render();
    });
    return back;
  }

  #export(): void {
    const dump = makeDump(this.#imported?.dump.lab ?? this.#options.labId, this.#model.events(), new Date(), this.#imported?.dump.userAgent ?? navigator.userAgent);
    const name = dumpFileName(dump);
    saveFile(name, new Blob([JSON.stringify(dump)], { type: 'application/json' }));
    this.#status.textContent = interpolate(this.#options.t['lab.inspector.exported'], { file: name, events: dump.events.length });
  }

  #clear(): void {
    for (const panel of this.#panels.values()) panel.destroy();
    this.#panels.clear();
    this.#list.replaceChildren();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#render();
    }, RENDER_MS);
  }

  #render(): void {
    const { t } = this.#options;
    const pcs = this.#model.pcs;
    const running = this.#imported ? false : this.#running;
    this.element.dataset['running'] = String(running);
    this.#summary.textContent = summaryText(pcs, running, t);
    // Closed, it draws nothing but the summary: a lab that runs with the Inspector shut pays only for the model.
    if (!this.element.open) return;
    for (const pc of pcs) {
      let panel = this.#panels.get(pc.id);
      if (!panel) {
        panel = new PcPanel(pc.id, this.#options.locale, t);
        this.#panels.set(pc.id, panel);
        this.#list.append(panel.element);
      }
      panel.render(pc);
    }
  }
}

function summaryText(pcs: readonly PcView[], running: boolean, t: Strings): string {
  const states = pcs.map((pc) => `${pc.id}: ${stateWord(pc, t)}`);
  if (!running) states.push(t['lab.inspector.stopped']);
  return states.length > 0 ? `· ${states.join(' · ')}` : '';
}

/** "Firefox 153", "Chrome 156": enough to say whose stats these are. */
function browserName(userAgent: string): string {
  const match = /(Firefox|Edg|OPR|Chrome|Version)\/(\d+)/.exec(userAgent);
  if (!match) return userAgent.slice(0, 80);
  const name = { Edg: 'Edge', OPR: 'Opera', Version: 'Safari' }[match[1] as 'Edg' | 'OPR' | 'Version'] ?? match[1];
  return `${name} ${match[2]}`;
}
