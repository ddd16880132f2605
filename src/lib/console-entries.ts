/**
 * What the lab console shows for each feed event, as plain data: the text and blocks of an
 * entry, its line, its hint. Pure, so the wording rules are tested without a page; the panel
 * (src/runtime/console-panel.ts) only turns entries into elements.
 */
import type { FeedEvent } from './feed.ts';
import { consoleParts, type ConsolePart } from './inspect/console-parts.ts';
import { interpolate } from './interpolate.ts';
import type { LabUiKey } from './ui-keys.ts';

/** UI strings of the lab (keys `lab.…` of src/content/i18n/<locale>.json); a misspelt key fails the type check. */
export type Strings = Readonly<Record<LabUiKey, string>>;

export type EntryLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface ConsoleEntry {
  readonly level: EntryLevel;
  readonly parts: readonly ConsolePart[];
  /** The learner's line in main.ts, when known. */
  readonly line?: number;
  /** A plain-language hint shown with the entry. */
  readonly hint?: string;
  /** On a media error: what an uncaught rethrow of it must match to be folded in. */
  readonly media?: { readonly name: string; readonly at: number; readonly uncaught: boolean };
}

/** Add an entry, or replace the last one (an uncaught media error folded into its report). */
export interface ConsoleChange {
  readonly op: 'append' | 'replace-last';
  readonly entry: ConsoleEntry;
}

const HINTED = ['NotAllowedError', 'NotFoundError', 'NotReadableError', 'OverconstrainedError', 'SecurityError'] as const;
const isHinted = (name: string): name is (typeof HINTED)[number] => (HINTED as readonly string[]).includes(name);

/**
 * How long after a media error an uncaught error of the same name still counts as that one
 * rethrown (the goal checks use the same second).
 */
const UNCAUGHT_WINDOW_MS = 1000;

const VIDEO_CONSTRAINTS = new Set(['width', 'height', 'aspectRatio', 'frameRate', 'facingMode', 'resizeMode', 'pan', 'tilt', 'zoom']);
const AUDIO_CONSTRAINTS = new Set([
  'sampleRate',
  'sampleSize',
  'channelCount',
  'latency',
  'volume',
  'echoCancellation',
  'autoGainControl',
  'noiseSuppression',
  'voiceIsolation',
]);

export function consoleChange(event: FeedEvent, last: ConsoleEntry | undefined, strings: Strings): ConsoleChange | undefined {
  switch (event.type) {
    case 'console': {
      return append(withLine({ level: event.level === 'table' ? 'log' : event.level, parts: consoleParts(event.args) }, event.line));
    }
    case 'error': {
      if (event.phase === 'runtime' && last?.media && rethrows(event.message, event.at, last.media)) {
        return { op: 'replace-last', entry: uncaught(last, last.media, event.line, strings) };
      }
      const label = strings[`lab.error.${event.phase}`] ?? 'Error';
      const text = `${label}${where(event.line, strings)}: ${event.message.replace(/: $/, '')}`;
      return append(withLine({ level: 'error', parts: [{ kind: 'text', text }] }, event.line));
    }
    case 'media-error': {
      const detail = mediaErrorDetail(event, strings);
      const text = `${event.api}: ${event.name}${detail === '' ? '' : `: ${detail}`}`;
      const hint = isHinted(event.name) ? strings[`lab.hint.${event.name}`] : undefined;
      const entry: ConsoleEntry = { level: 'error', parts: [{ kind: 'text', text }], media: { name: event.name, at: event.at, uncaught: false } };
      return append(hint === undefined ? entry : { ...entry, hint });
    }
    default:
      return undefined;
  }
}

/**
 * The browser's message, or — where it has none, as Chromium's OverconstrainedError — which
 * constraint failed, in the learner's language.
 */
function mediaErrorDetail(event: Extract<FeedEvent, { type: 'media-error' }>, strings: Strings): string {
  if (event.constraint === undefined || event.constraint === '') return event.message;
  const device =
    event.api === 'getDisplayMedia'
      ? 'screen'
      : VIDEO_CONSTRAINTS.has(event.constraint)
        ? 'camera'
        : AUDIO_CONSTRAINTS.has(event.constraint)
          ? 'microphone'
          : 'device';
  const text = interpolate(strings[`lab.media.constraint.${device}`] ?? '“{{constraint}}”', { constraint: event.constraint });
  return event.message === '' ? text : `${text} (${event.message})`;
}

/** The runner reports an uncaught error as `Name: message`, or `Uncaught <value>` for non-Errors. */
function rethrows(message: string, at: number, media: NonNullable<ConsoleEntry['media']>): boolean {
  // Only a known gap rules it out: events without a time still fold by adjacency.
  if (media.uncaught || at - media.at > UNCAUGHT_WINDOW_MS) return false;
  return [media.name, `Uncaught ${media.name}`].some((head) => message === head || message.startsWith(`${head}:`) || message.startsWith(`${head} `));
}

function uncaught(entry: ConsoleEntry, media: NonNullable<ConsoleEntry['media']>, line: number | undefined, strings: Strings): ConsoleEntry {
  const label = `${strings['lab.error.uncaught'] ?? 'Uncaught'}${where(line, strings)}`;
  const [first, ...rest] = entry.parts;
  const parts: ConsolePart[] = first?.kind === 'text' ? [{ kind: 'text', text: `${label}: ${first.text}` }, ...rest] : [{ kind: 'text', text: label }, ...entry.parts];
  return withLine({ ...entry, parts, media: { ...media, uncaught: true } }, line ?? entry.line);
}

function where(line: number | undefined, strings: Strings): string {
  return line ? ` (${interpolate(strings['lab.line'] ?? 'line {{line}}', { line })})` : '';
}

function withLine(entry: ConsoleEntry, line: number | undefined): ConsoleEntry {
  return line ? { ...entry, line } : entry;
}

function append(entry: ConsoleEntry): ConsoleChange {
  return { op: 'append', entry };
}
