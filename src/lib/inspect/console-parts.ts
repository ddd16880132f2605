/**
 * One console call, cut into what the console panel shows: text, and the values that read
 * better as blocks than inline — SDP line by line, a stats report entry by entry. Plain data:
 * the panel turns it into elements.
 */
import type { Inspected } from '../feed.ts';
import { formatInspected, formatTopArg, substitute } from './format.ts';
import { looksLikeSdp, sdpLines } from './sdp.ts';

/** One stats object of a report: its id and type, and its other fields as text. */
export interface StatsEntry {
  readonly id: string;
  readonly type: string;
  readonly fields: ReadonlyArray<readonly [string, string]>;
  /** Fields left out by inspect(). */
  readonly more: number;
}

export type ConsolePart =
  | { readonly kind: 'text'; readonly text: string }
  /** `title` describes what held the SDP (`RTCSessionDescription {type: "offer"}`); empty for a bare string. */
  | { readonly kind: 'sdp'; readonly title: string; readonly lines: readonly string[]; readonly truncated: number }
  | { readonly kind: 'stats'; readonly tag: string; readonly entries: readonly StatsEntry[]; readonly more: number };

export function consoleParts(args: readonly Inspected[]): ConsolePart[] {
  const [first] = args;
  // SDP is no format string, even where it holds a %.
  const { head, rest } = first?.t === 'string' && looksLikeSdp(first.v) ? { head: undefined, rest: args } : substitute(args);
  const parts: ConsolePart[] = [];
  const addText = (text: string): void => {
    const last = parts.at(-1);
    if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: `${last.text} ${text}` };
    else parts.push({ kind: 'text', text });
  };
  if (head !== undefined) addText(head);
  for (const arg of rest) {
    const block = blockPart(arg);
    if (block) parts.push(block);
    else addText(formatTopArg(arg));
  }
  return parts;
}

function blockPart(arg: Inspected): ConsolePart | undefined {
  if (arg.t === 'map' && arg.tag === 'RTCStatsReport') {
    return { kind: 'stats', tag: arg.tag, entries: arg.entries.map(([id, stats]) => statsEntry(id, stats)), more: arg.more };
  }
  if (arg.t === 'string' && looksLikeSdp(arg.v)) return sdpPart('', arg);
  if (arg.t === 'object') {
    const sdp = arg.entries.find(([key]) => key === 'sdp')?.[1];
    const type = arg.entries.find(([key]) => key === 'type')?.[1];
    // RTCSessionDescription, or the plain { type, sdp } an init or toJSON() gives.
    if (sdp?.t === 'string' && type?.t === 'string' && looksLikeSdp(sdp.v)) {
      const title = formatInspected({ ...arg, entries: arg.entries.filter(([key]) => key !== 'sdp') });
      return sdpPart(title, sdp);
    }
  }
  return undefined;
}

function sdpPart(title: string, sdp: Extract<Inspected, { t: 'string' }>): ConsolePart {
  return { kind: 'sdp', title, lines: sdpLines(sdp.v), truncated: sdp.truncated ?? 0 };
}

function statsEntry(id: Inspected, stats: Inspected): StatsEntry {
  const idText = id.t === 'string' ? id.v : formatInspected(id);
  // Only a faked report holds anything but objects: show what it is where the type goes.
  if (stats.t !== 'object') return { id: idText, type: formatInspected(stats), fields: [], more: 0 };
  const type = stats.entries.find(([key]) => key === 'type')?.[1];
  return {
    id: idText,
    type: type?.t === 'string' ? type.v : '',
    fields: stats.entries.filter(([key]) => key !== 'id' && key !== 'type').map(([key, value]) => [key, formatInspected(value)] as const),
    more: stats.more,
  };
}
