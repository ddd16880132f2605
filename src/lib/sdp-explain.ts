/**
 * SDP, line by line: each line of a session description with what it means for this session,
 * in English and Korean. sdp-transform reads the whole description (which codec a payload type
 * is, which m-section a line is in) and each line's fields; the words are in sdp-lines.ts.
 * Never throws: a line it does not know, or cannot read, has no explanation and is shown as is.
 */
import { grammar, parse, parseParams } from 'sdp-transform';
import type { Fields, LineContext, Localized, Section } from './sdp-context.ts';
import { SDP_LINES } from './sdp-lines.ts';

export type { Localized } from './sdp-context.ts';

export interface ExplainedLine {
  readonly line: string;
  /** `v=`, `m=`, `a=rtpmap`, …: the line type, with the attribute name for `a=` lines; `''` for text that is no SDP line. */
  readonly kind: string;
  readonly explanation: Localized | null;
  /** Before the first `m=` line: it applies to the whole session. */
  readonly session: boolean;
  /** Which m-section (0 for the first) the line is in; null at session level. */
  readonly mediaIndex: number | null;
}

/** The shape sdp-transform's parser accepts as a line, so its m-sections count like ours. */
const SDP_LINE = /^([a-z])=(.*)$/;

export function explainSdp(sdp: string): ExplainedLine[] {
  if (typeof sdp !== 'string' || sdp === '') return [];
  const lines = sdp.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  const sections = readSections(sdp);
  let mediaIndex: number | null = null;
  return lines.map((line): ExplainedLine => {
    const shape = SDP_LINE.exec(line);
    if (!shape) return { line, kind: '', explanation: null, session: mediaIndex === null, mediaIndex };
    const type = shape[1] ?? '';
    const content = shape[2] ?? '';
    if (type === 'm') mediaIndex = mediaIndex === null ? 0 : mediaIndex + 1;
    const attribute = type === 'a' ? (/^[^:]*/.exec(content)?.[0] ?? '') : '';
    const kind = type === 'a' ? `a=${attribute}` : `${type}=`;
    const context: LineContext = {
      value: type === 'a' ? content.slice(attribute.length + 1) : content,
      attribute,
      fields: readFields(type, content),
      section: mediaIndex === null ? null : (sections[mediaIndex] ?? emptySection(mediaIndex)),
    };
    return { line, kind, explanation: explain(kind, context), session: mediaIndex === null, mediaIndex };
  });
}

function explain(kind: string, context: LineContext): Localized | null {
  const template = Object.hasOwn(SDP_LINES, kind) ? SDP_LINES[kind] : undefined;
  if (!template) return null;
  try {
    return template(context);
  } catch {
    // A line too odd for its template is shown without an explanation, like an unknown one.
    return null;
  }
}

/** The line's fields as sdp-transform's grammar names them (`payload`, `codec`, `ip`, …); empty when it does not match. */
function readFields(type: string, content: string): Fields {
  for (const rule of grammar[type] ?? []) {
    const match = rule.reg.exec(content);
    if (!match) continue;
    if (rule.push === 'invalid') return {};
    const names = rule.names ?? (rule.name ? [rule.name] : []);
    const fields: Record<string, string> = {};
    names.forEach((name, i) => {
      const value = match[i + 1];
      if (value !== undefined && value !== '') fields[name] = value;
    });
    return fields;
  }
  return {};
}

function emptySection(index: number): Section {
  return { index, type: '', codecs: new Map(), associated: new Map() };
}

/** Each m-section's media type and payload types, from sdp-transform's parse of the whole description. */
function readSections(sdp: string): Section[] {
  let media: ReturnType<typeof parse>['media'];
  try {
    media = parse(sdp).media;
  } catch {
    return [];
  }
  return media.map((m, index): Section => {
    const codecs = new Map<number, { name: string; rate?: number; channels?: number }>();
    for (const rtp of m.rtp ?? []) {
      const channels = Number(rtp.encoding);
      codecs.set(Number(rtp.payload), {
        name: String(rtp.codec),
        ...(rtp.rate ? { rate: Number(rtp.rate) } : {}),
        ...(channels > 0 ? { channels } : {}),
      });
    }
    const associated = new Map<number, number>();
    for (const fmtp of m.fmtp ?? []) {
      const apt = Number(parseParams(String(fmtp.config))['apt']);
      if (Number.isInteger(apt)) associated.set(Number(fmtp.payload), apt);
    }
    return { index, type: String(m.type ?? ''), codecs, associated };
  });
}

/** The line type or attribute name, set apart from its value: `a=rtpmap:` + `96 VP8/90000`. */
export function lineParts(entry: ExplainedLine): [head: string, rest: string] {
  if (entry.kind === '') return ['', entry.line];
  const head = entry.line.startsWith('a=') ? (/^a=[^:]*:?/.exec(entry.line)?.[0] ?? '') : entry.line.slice(0, 2);
  return [head, entry.line.slice(head.length)];
}
