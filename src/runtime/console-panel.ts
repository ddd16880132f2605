/**
 * The lab's console panel: what the code logged and every error, each on the learner's own
 * line, with a plain-language hint for the media errors learners actually meet.
 */
import type { FeedEvent } from '../lib/feed.ts';
import { formatConsoleArgs } from '../lib/inspect-value.ts';

export type Strings = Readonly<Record<string, string>>;

const MAX_ENTRIES = 500;
const HINTED = new Set(['NotAllowedError', 'NotFoundError', 'NotReadableError', 'OverconstrainedError', 'SecurityError']);

export function interpolate(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

export interface ConsolePanel {
  add(event: FeedEvent): void;
  clear(): void;
}

export function createConsolePanel(element: HTMLElement, strings: Strings): ConsolePanel {
  const append = (level: string, text: string, line?: number): void => {
    const entry = document.createElement('div');
    entry.className = 'entry';
    entry.dataset['level'] = level;
    if (line) {
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = `main.ts:${line}`;
      where.title = interpolate(strings['lab.line'] ?? 'line {{line}}', { line });
      entry.append(where);
    }
    entry.append(text);
    element.append(entry);
    while (element.childElementCount > MAX_ENTRIES) element.firstElementChild?.remove();
    element.scrollTop = element.scrollHeight;
  };

  return {
    add(event) {
      switch (event.type) {
        case 'console':
          append(event.level === 'table' ? 'log' : event.level, formatConsoleArgs(event.args), event.line);
          break;
        case 'error': {
          const label = strings[`lab.error.${event.phase}`] ?? 'Error';
          const where = event.line ? ` (${interpolate(strings['lab.line'] ?? 'line {{line}}', { line: event.line })})` : '';
          append('error', `${label}${where}: ${event.message}`, event.line);
          break;
        }
        case 'media-error':
          append('error', `${event.api}: ${event.name}: ${event.message}`);
          if (HINTED.has(event.name)) append('warn', strings[`lab.hint.${event.name}`] ?? '');
          break;
        default:
          break;
      }
    },
    clear() {
      element.replaceChildren();
    },
  };
}
