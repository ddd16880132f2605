/** Reading ICE candidate lines (RFC 8839 `candidate:` attributes) as the feed carries them. */
import { CANDIDATE_TYPES, type CandidateType } from './feed.ts';

export interface CandidateInfo {
  readonly type: CandidateType;
  readonly protocol: string;
  readonly address: string;
  readonly port: number;
}

/** Parses `candidate:… 1 udp 2122260223 192.0.2.1 54321 typ host …`; null for anything else. */
export function parseCandidate(line: string): CandidateInfo | null {
  const fields = line.replace(/^a=/, '').trim().split(/\s+/);
  if (!fields[0]?.startsWith('candidate:') || fields.length < 8 || fields[6] !== 'typ') return null;
  const type = fields[7] as CandidateType;
  if (!CANDIDATE_TYPES.includes(type)) return null;
  // Digits only: Number() would also read 0x1f, 1e3 or -1 as ports.
  const port = /^\d{1,5}$/.test(fields[5] ?? '') ? Number(fields[5]) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) return null;
  return { type, protocol: (fields[2] ?? '').toLowerCase(), address: fields[4] ?? '', port };
}

/** The ice-ufrag of an SDP blob (the first one: with BUNDLE every section shares it). */
export function iceUfrag(sdp: string): string | null {
  return /^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1] ?? null;
}
