/**
 * What an SDP line's explanation may use: the line's own fields, and the m-section it sits in
 * (its media type and payload types, read from the whole description). Plus the small phrases
 * several explanations share, in both languages.
 */

export interface Localized {
  readonly en: string;
  readonly ko: string;
}

/** A line's fields as sdp-transform's grammar names them, only those present. */
export type Fields = Readonly<Record<string, string>>;

export interface Codec {
  readonly name: string;
  readonly rate?: number;
  readonly channels?: number;
}

export interface Section {
  readonly index: number;
  /** `audio`, `video`, `application`, or `''` when the m= line could not be read. */
  readonly type: string;
  readonly codecs: ReadonlyMap<number, Codec>;
  /** Payload type → the payload type it repairs (`a=fmtp:97 apt=96`). */
  readonly associated: ReadonlyMap<number, number>;
}

export interface LineContext {
  /** For `a=` lines what follows `name:`; for other lines what follows `x=`. */
  readonly value: string;
  /** The `a=` attribute name; `''` for other lines. */
  readonly attribute: string;
  readonly fields: Fields;
  /** The m-section the line is in; null at session level. */
  readonly section: Section | null;
}

export type LineTemplate = (context: LineContext) => Localized;

export const both = (en: string, ko: string): Localized => ({ en, ko });

/** A non-negative integer field, or null when absent or not a number. */
export function int(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/** "payload type 96 (VP8)", or just the number when this section does not map it. */
export function payloadLabel(section: Section | null, payload: number): Localized {
  const codec = section?.codecs.get(payload);
  const name = codec ? ` (${codecDisplayName(codec.name)})` : '';
  const koName = codec ? `(${codecDisplayName(codec.name)})` : '';
  return both(`payload type ${payload}${name}`, `페이로드 타입 ${payload}${koName}`);
}

/** How a codec is usually written: `H264` in SDP is H.264 in prose. */
export function codecDisplayName(name: string): string {
  const known: Readonly<Record<string, string>> = {
    h264: 'H.264',
    h265: 'H.265',
    opus: 'Opus',
    g722: 'G.722',
    rtx: 'RTX',
    red: 'RED',
    ulpfec: 'ULPFEC',
    'flexfec-03': 'FlexFEC',
  };
  return known[name.toLowerCase()] ?? name;
}

/** The kind of media in a section, as a word inside a sentence. */
export function mediaWord(section: Section | null): Localized {
  switch (section?.type) {
    case 'audio':
      return both('audio', '오디오');
    case 'video':
      return both('video', '비디오');
    case 'application':
      return both('data', '데이터');
    default:
      return both('media', '미디어');
  }
}

/** "m-section 2 (video)": which part of the description a line belongs to. */
export function sectionName(section: Section | null): Localized {
  if (!section) return both('the whole session', '세션 전체');
  const media = mediaWord(section);
  return both(`m-section ${section.index + 1} (${media.en})`, `${section.index + 1}번째 m 섹션(${media.ko})`);
}

/** 262144 → "256 KiB"; sizes that are not a whole number of units get one decimal and "about". */
export function byteSize(bytes: number): Localized {
  const units = ['KiB', 'MiB', 'GiB'] as const;
  if (bytes < 1024) return both(`${bytes} bytes`, `${bytes}바이트`);
  let value = bytes;
  let unit: string = units[0];
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  if (Number.isInteger(value)) return both(`${value} ${unit}`, `${value} ${unit}`);
  const rounded = value.toFixed(1).replace(/\.0$/, '');
  return both(`about ${rounded} ${unit}`, `약 ${rounded} ${unit}`);
}

/** An address with its port; IPv6 in brackets so the port cannot be mistaken for part of it. */
export function hostPort(address: string, port: string | number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** "in this m-section", or "in every m-section" for a line at session level. */
export function where(section: Section | null): Localized {
  return section ? both('in this m-section', '이 m 섹션에서') : both('in every m-section', '모든 m 섹션에서');
}

export const capitalize = (text: string): string => (text[0]?.toUpperCase() ?? '') + text.slice(1);

/** Joins localized parts, each language with its own separator. */
export function joinLocalized(parts: readonly Localized[], en = ', ', ko = ', '): Localized {
  return both(parts.map((p) => p.en).join(en), parts.map((p) => p.ko).join(ko));
}
