/**
 * One peer connection in the Inspector: its timeline, its candidates with the selected pair
 * marked, both session descriptions explained line by line, and the live charts with their
 * numbers in words. Each part is redrawn only when what it shows changed.
 */
import type { PcView, TimelineEntry } from '../lib/inspector/model.ts';
import { isSelected } from '../lib/inspector/model.ts';
import type { StatsPoint } from '../lib/inspector/stats-series.ts';
import { interpolate } from '../lib/interpolate.ts';
import type { Locale } from '../lib/lab-manifest.ts';
import type { LabUiKey } from '../lib/ui-keys.ts';
import type { CandidateEnd } from '../lib/feed.ts';
import { node } from './dom.ts';
import type { ChartGroup } from './inspector-charts.ts';
import { explainedSdp } from './inspector-sdp.ts';

type Strings = Readonly<Record<LabUiKey, string>>;

export class PcPanel {
  readonly element: HTMLElement;
  readonly #locale: Locale;
  readonly #t: Strings;
  readonly #state: HTMLElement;
  readonly #timeline: HTMLOListElement;
  readonly #candidates: HTMLElement;
  readonly #selected: HTMLElement;
  readonly #sdp: { local: HTMLDetailsElement; remote: HTMLDetailsElement };
  readonly #chartHost: HTMLElement;
  readonly #latest: HTMLElement;
  #charts: ChartGroup | null = null;
  #chartsLoading = false;
  #shown = { timeline: 0, candidates: -1, selected: '', local: -1, remote: -1, points: -1 };
  #points: readonly StatsPoint[] = [];

  constructor(id: string, locale: Locale, t: Strings) {
    this.#locale = locale;
    this.#t = t;
    this.element = node('section', 'inspector-pc');
    this.element.dataset['pc'] = id;
    const heading = node('h3', 'inspector-pc-name');
    heading.id = `inspector-${id}-${Math.random().toString(36).slice(2, 8)}`;
    this.element.setAttribute('aria-labelledby', heading.id);
    this.#state = node('span', 'inspector-pc-state');
    heading.append(node('code', '', id), ' ', this.#state);

    const timelineBox = node('div', 'inspector-timeline');
    const timelineHeading = node('h4', '', t['lab.inspector.timeline']);
    timelineHeading.id = `${heading.id}-timeline`;
    this.#timeline = node('ol');
    // A long timeline scrolls: focusable, so a keyboard can scroll it, and named by its heading.
    this.#timeline.tabIndex = 0;
    this.#timeline.setAttribute('aria-labelledby', `${heading.id} ${timelineHeading.id}`);
    timelineBox.append(timelineHeading, this.#timeline);

    const candidateBox = node('div', 'inspector-candidates');
    this.#selected = node('p', 'inspector-selected');
    this.#candidates = node('div', 'inspector-candidate-table');
    const candidateHeading = node('h4', '', t['lab.inspector.candidates']);
    candidateHeading.id = `${heading.id}-candidates`;
    // Many candidates scroll the table: like the timeline, a keyboard must be able to reach and scroll it.
    this.#candidates.tabIndex = 0;
    this.#candidates.setAttribute('role', 'region');
    this.#candidates.setAttribute('aria-labelledby', `${heading.id} ${candidateHeading.id}`);
    candidateBox.append(candidateHeading, this.#selected, this.#candidates);

    const grid = node('div', 'inspector-grid');
    grid.append(timelineBox, candidateBox);

    const charts = node('div', 'inspector-charts');
    this.#chartHost = node('div', 'inspector-chart-list');
    this.#latest = node('p', 'inspector-latest');
    charts.append(node('h4', '', t['lab.inspector.charts']), this.#chartHost, this.#latest);

    this.#sdp = { local: node('details', 'inspector-sdp'), remote: node('details', 'inspector-sdp') };
    for (const side of ['local', 'remote'] as const) {
      this.#sdp[side].dataset['side'] = side;
      this.#sdp[side].append(node('summary', '', interpolate(t[side === 'local' ? 'lab.inspector.localSdp' : 'lab.inspector.remoteSdp'], { type: '–' })));
    }
    this.element.append(heading, grid, charts, this.#sdp.local, this.#sdp.remote);
  }

  render(pc: PcView): void {
    this.#state.textContent = stateWord(pc, this.#t);
    this.element.dataset['state'] = pc.closed ? 'closed' : (pc.states.connectionState ?? 'new');
    this.#renderTimeline(pc.timeline);
    this.#renderCandidates(pc);
    for (const side of ['local', 'remote'] as const) this.#renderSdp(side, pc[side]);
    this.#renderStats(pc.points);
  }

  destroy(): void {
    this.#charts?.destroy();
    this.#charts = null;
    this.element.remove();
  }

  #renderTimeline(entries: readonly TimelineEntry[]): void {
    if (entries.length === this.#shown.timeline) return;
    for (const entry of entries.slice(this.#shown.timeline)) this.#timeline.append(this.#timelineItem(entry));
    this.#shown.timeline = entries.length;
  }

  #timelineItem(entry: TimelineEntry): HTMLLIElement {
    const t = this.#t;
    const item = node('li');
    item.dataset['kind'] = entry.kind;
    item.dataset['value'] = entry.value;
    item.append(node('span', 'inspector-at', `+${(entry.at / 1000).toFixed(3)} s`), ' ');
    if (entry.kind === 'turn-restarted') {
      item.append(interpolate(t['lab.inspector.turnRestarted'], { ms: entry.value }));
    } else if (entry.kind === 'created' || entry.kind === 'restart-ice' || entry.kind === 'closed') {
      item.append(t[entry.kind === 'created' ? 'lab.inspector.created' : entry.kind === 'closed' ? 'lab.inspector.closed' : 'lab.inspector.restartIce']);
    } else {
      item.append(node('code', '', entry.kind), ' → ', node('strong', '', entry.value));
    }
    return item;
  }

  #renderCandidates(pc: PcView): void {
    const t = this.#t;
    const pair = pc.latest?.selectedPair ?? null;
    const selectedKey = pair ? `${endText(pair.local)}|${endText(pair.remote)}` : '';
    const errors = pc.candidateErrors.length;
    if (pc.candidates.length + errors === this.#shown.candidates && selectedKey === this.#shown.selected) return;
    this.#shown.candidates = pc.candidates.length + errors;
    this.#shown.selected = selectedKey;
    this.#selected.textContent = pair ? interpolate(t['lab.inspector.selectedPair'], { local: endText(pair.local), remote: endText(pair.remote) }) : '';
    this.#selected.hidden = !pair;
    if (pc.candidates.length === 0 && errors === 0) {
      this.#candidates.replaceChildren(node('p', '', t['lab.inspector.noCandidates']));
      return;
    }
    const table = node('table');
    const head = node('tr');
    for (const key of ['lab.inspector.side', 'lab.inspector.type', 'lab.inspector.protocol', 'lab.inspector.address'] as const) {
      const cell = node('th', '', t[key]);
      cell.scope = 'col';
      head.append(cell);
    }
    table.append(node('thead'), node('tbody'));
    table.tHead!.append(head);
    for (const entry of pc.candidates) {
      const row = node('tr');
      const selected = isSelected(entry, pair);
      row.dataset['side'] = entry.side;
      row.dataset['type'] = entry.info?.type ?? '';
      if (selected) row.dataset['selected'] = 'true';
      const side = node('td', '', t[entry.side === 'local' ? 'lab.inspector.local' : 'lab.inspector.remote']);
      const address = node('td');
      address.append(node('code', '', entry.info ? `${entry.info.address}:${entry.info.port}` : entry.line));
      if (selected) address.append(' ', node('strong', 'inspector-selected-mark', t['lab.inspector.selectedMark']));
      row.append(side, node('td', '', entry.info?.type ?? '?'), node('td', '', entry.info?.protocol ?? '?'), address);
      table.tBodies[0]!.append(row);
    }
    const parts: HTMLElement[] = [table];
    if (errors > 0) {
      const list = node('ul', 'inspector-candidate-errors');
      for (const error of pc.candidateErrors) list.append(node('li', '', interpolate(t['lab.inspector.candidateError'], { url: error.url, code: error.errorCode, text: error.errorText })));
      parts.push(list);
    }
    this.#candidates.replaceChildren(...parts);
  }

  #renderSdp(side: 'local' | 'remote', description: PcView['local']): void {
    const at = description?.at ?? -1;
    if (at === this.#shown[side]) return;
    this.#shown[side] = at;
    const t = this.#t;
    const box = this.#sdp[side];
    const title = t[side === 'local' ? 'lab.inspector.localSdp' : 'lab.inspector.remoteSdp'];
    const summary = node('summary', '', interpolate(title, { type: description?.sdpType ?? '–' }));
    box.replaceChildren(summary, description ? explainedSdp(description.sdp, this.#locale, summary.textContent ?? '') : node('p', '', t['lab.inspector.noSdp']));
  }

  #renderStats(points: readonly StatsPoint[]): void {
    this.#points = points;
    const count = points.length;
    if (count === this.#shown.points) return;
    this.#shown.points = count;
    this.element.dataset['points'] = String(count);
    this.#latest.textContent = latestText(points.at(-1), this.#t, this.#locale);
    if (this.#charts) this.#charts.update(points);
    else if (!this.#chartsLoading && count > 0) {
      this.#chartsLoading = true;
      void import('./inspector-charts.ts').then(({ createCharts }) => {
        if (!this.element.isConnected) return;
        this.#charts = createCharts(this.#chartHost, this.#t);
        this.#charts.update(this.#points);
      });
    }
  }
}

/** A connection's state in one word: `connectionState` (ICE's where a browser has no such state), or closed. */
export function stateWord(pc: PcView, t: Strings): string {
  if (pc.closed) return t['lab.inspector.closed'];
  return pc.states.connectionState ?? pc.states.iceConnectionState ?? t['lab.inspector.created'];
}

function endText(end: CandidateEnd): string {
  return `${end.address ?? '?'}:${end.port ?? '?'} ${end.type ?? ''} ${end.protocol ?? ''}`.trim();
}

/** The newest point in words: the charts' text alternative, and what a learner can copy. */
function latestText(point: StatsPoint | undefined, t: Strings, locale: Locale): string {
  if (!point) return t['lab.inspector.noStats'];
  const none = t['lab.inspector.none'];
  const format = (value: number | null, digits: number): string => (value === null ? none : value.toLocaleString(locale, { maximumFractionDigits: digits }));
  return interpolate(t['lab.inspector.latest'], {
    t: format(point.t, 1),
    kbpsIn: format(point.kbpsIn, 0),
    kbpsOut: format(point.kbpsOut, 0),
    fpsIn: format(point.fpsIn, 0),
    fpsOut: format(point.fpsOut, 0),
    rtt: format(point.rttMs, 1),
    jitter: format(point.jitterMs, 1),
    lostIn: format(point.lostIn, 0),
    lostOut: format(point.lostOut, 0),
    audioIn: format(point.audioIn, 2),
    audioOut: format(point.audioOut, 2),
  });
}
