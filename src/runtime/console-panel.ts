/**
 * The lab's console panel: what the code logged and every error, each on the learner's own
 * line, with a plain-language hint for the media errors learners actually meet. What each
 * entry says is decided in src/lib/console-entries.ts; this file builds the elements.
 *
 * It paints at most once per animation frame (src/lib/console-batch.ts): lab code can log far
 * faster than a page can lay out lines, and one layout per line froze the lesson page.
 */
import { createConsoleBatch, type ConsoleOp } from '../lib/console-batch.ts';
import { consoleChange, type ConsoleEntry, type Strings } from '../lib/console-entries.ts';
import type { FeedEvent } from '../lib/feed.ts';
import type { ConsolePart } from '../lib/inspect/console-parts.ts';
import { truncationNote } from '../lib/inspect/format.ts';
import { interpolate } from '../lib/interpolate.ts';
import { node } from './dom.ts';

export type { Strings };

const MAX_ENTRIES = 500;
/** Changes one animation frame puts on screen; the rest wait for the next, so no frame lays out hundreds of lines. */
const PER_FRAME = 100;
/** SDP longer than this starts folded: a whole offer is 40+ lines and would flood the panel. */
const SDP_OPEN_LINES = 8;

export interface ConsolePanel {
  add(event: FeedEvent): void;
  /** A message the page dropped (see src/lib/feed-gate.ts): counted in a note where it would have shown. */
  dropped(): void;
  clear(): void;
}

/**
 * Errors and the end of a run are shown at once, with everything before them: whoever waits
 * for a run to end (a learner, a test) then reads a complete console. The page caps errors,
 * so this cannot bring back a layout per line.
 */
const showsAtOnce = (event: FeedEvent): boolean => event.type === 'error' || event.type === 'done' || event.type === 'stopped';

export function createConsolePanel(element: HTMLElement, strings: Strings): ConsolePanel {
  const batch = createConsoleBatch(MAX_ENTRIES);
  /** The last entry's element, which a 'replace-last' replaces, and the drop note last shown. */
  let lastShown: HTMLElement | undefined;
  let note: HTMLElement | undefined;
  let frame: number | undefined;

  const paint = (limit: number): void => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    frame = undefined;
    if (!batch.pending) return;
    const fragment = document.createDocumentFragment();
    for (const op of batch.take(limit)) apply(op, fragment);
    element.append(fragment);
    while (element.childElementCount > MAX_ENTRIES) element.firstElementChild?.remove();
    element.scrollTop = element.scrollHeight;
    if (batch.pending) schedule();
  };

  const apply = (op: ConsoleOp, fragment: DocumentFragment): void => {
    switch (op.op) {
      case 'append':
        lastShown = renderEntry(op.entry, strings);
        fragment.append(lastShown);
        break;
      case 'replace-last': {
        const shown = renderEntry(op.entry, strings);
        if (lastShown?.isConnected) lastShown.replaceWith(shown);
        else fragment.append(shown);
        lastShown = shown;
        break;
      }
      case 'dropped':
        note = node('div', 'entry dropped', droppedText(op.count, strings));
        note.dataset['level'] = 'dropped';
        fragment.append(note);
        break;
      case 'dropped-more':
        if (note) note.textContent = droppedText(op.count, strings);
        break;
    }
  };

  const schedule = (): void => {
    frame ??= requestAnimationFrame(() => {
      frame = undefined;
      paint(PER_FRAME);
    });
  };

  return {
    add(event) {
      // A run's first line is the answer to Run: it shows at once, not a frame later (one line cannot flood).
      const first = element.childElementCount === 0 && !batch.pending;
      const change = consoleChange(event, batch.last, strings);
      if (change) batch.add(change);
      if (showsAtOnce(event) || (first && change)) paint(Infinity);
      else if (change) schedule();
    },
    dropped() {
      batch.drop();
      schedule();
    },
    clear() {
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      batch.clear();
      lastShown = undefined;
      note = undefined;
      element.replaceChildren();
    },
  };
}

function droppedText(count: number, strings: Strings): string {
  if (count === 1) return strings['lab.console.droppedOne'];
  return interpolate(strings['lab.console.dropped'], { count: count.toLocaleString(document.documentElement.lang || undefined) });
}

function renderEntry(entry: ConsoleEntry, strings: Strings): HTMLElement {
  const shown = node('div', 'entry');
  shown.dataset['level'] = entry.level;
  if (entry.line) {
    const where = node('span', 'where', `main.ts:${entry.line}`);
    where.title = interpolate(strings['lab.line'] ?? 'line {{line}}', { line: entry.line });
    shown.append(where);
  }
  for (const part of entry.parts) {
    shown.append(part.kind === 'text' ? part.text : part.kind === 'sdp' ? renderSdp(part, strings) : renderStats(part, strings));
  }
  if (entry.hint) shown.append(node('p', 'hint', entry.hint));
  return shown;
}

function renderSdp(part: Extract<ConsolePart, { kind: 'sdp' }>, strings: Strings): HTMLElement {
  const lines = node('div', 'sdp-lines');
  for (const line of part.lines) lines.append(node('span', 'sdp-line', line));
  if (part.truncated > 0) lines.append(node('span', 'sdp-line more', truncationNote(part.truncated)));
  const count = interpolate(strings['lab.console.sdpLines'] ?? 'SDP, {{count}} lines', { count: part.lines.length });
  if (part.lines.length <= SDP_OPEN_LINES) {
    const block = node('div', 'sdp');
    if (part.title !== '') block.append(node('span', 'sdp-title', part.title));
    block.append(lines);
    return block;
  }
  const block = node('details', 'sdp');
  block.append(node('summary', '', part.title === '' ? count : `${part.title} · ${count}`), lines);
  return block;
}

/** The report folded, each stats object folded inside it: id and type first, fields on opening. */
function renderStats(part: Extract<ConsolePart, { kind: 'stats' }>, strings: Strings): HTMLElement {
  const more = (count: number): HTMLElement => node('p', 'more', interpolate(strings['lab.console.more'] ?? '…{{count}} more', { count }));
  const report = node('details', 'stats');
  report.append(node('summary', '', `${part.tag}(${part.entries.length + part.more})`));
  for (const stats of part.entries) {
    const item = node('details', 'stats-entry');
    const summary = node('summary');
    summary.append(node('span', 'stats-type', stats.type), ' ', node('span', 'stats-id', stats.id));
    const fields = node('dl', 'stats-fields');
    for (const [key, value] of stats.fields) fields.append(node('dt', '', key), node('dd', '', value));
    item.append(summary, fields);
    if (stats.more > 0) item.append(more(stats.more));
    report.append(item);
  }
  if (part.more > 0) report.append(more(part.more));
  return report;
}
