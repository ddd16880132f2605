/**
 * The lab's console panel: what the code logged and every error, each on the learner's own
 * line, with a plain-language hint for the media errors learners actually meet. What each
 * entry says is decided in src/lib/console-entries.ts; this file builds the elements.
 */
import { consoleChange, type ConsoleEntry, type Strings } from '../lib/console-entries.ts';
import type { FeedEvent } from '../lib/feed.ts';
import type { ConsolePart } from '../lib/inspect/console-parts.ts';
import { truncationNote } from '../lib/inspect/format.ts';
import { interpolate } from '../lib/interpolate.ts';
import { node } from './dom.ts';

export type { Strings };

const MAX_ENTRIES = 500;
/** SDP longer than this starts folded: a whole offer is 40+ lines and would flood the panel. */
const SDP_OPEN_LINES = 8;

export interface ConsolePanel {
  add(event: FeedEvent): void;
  clear(): void;
}

export function createConsolePanel(element: HTMLElement, strings: Strings): ConsolePanel {
  let last: { entry: ConsoleEntry; element: HTMLElement } | undefined;

  return {
    add(event) {
      const change = consoleChange(event, last?.entry, strings);
      if (!change) return;
      const shown = renderEntry(change.entry, strings);
      if (change.op === 'replace-last' && last?.element.isConnected) last.element.replaceWith(shown);
      else element.append(shown);
      last = { entry: change.entry, element: shown };
      while (element.childElementCount > MAX_ENTRIES) element.firstElementChild?.remove();
      element.scrollTop = element.scrollHeight;
    },
    clear() {
      last = undefined;
      element.replaceChildren();
    },
  };
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
