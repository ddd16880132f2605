/**
 * What the Inspector shows of one run, reduced from the lab's feed: per peer connection, its
 * state changes in order, the candidates each side gathered or was given, both session
 * descriptions, and a time series from its periodic getStats summaries. Pure, so a recorded
 * feed (or an imported dump) shows exactly as the live run did.
 */
import type { CandidateEnd, FeedEvent, PcStateName, StatsSummary } from '../feed.ts';
import { parseCandidate, type CandidateInfo } from '../ice-candidate.ts';
import { createRing } from '../ring-buffer.ts';
import { statsPoint, type StatsPoint } from './stats-series.ts';

export type TimelineKind = PcStateName | 'created' | 'restart-ice' | 'turn-restarted' | 'closed';

export interface TimelineEntry {
  readonly at: number;
  readonly kind: TimelineKind;
  /** The state's new value; for turn-restarted, the milliseconds coturn was away; empty for created, restart-ice and closed. */
  readonly value: string;
}

export interface CandidateEntry {
  readonly at: number;
  readonly side: 'local' | 'remote';
  readonly line: string;
  readonly info: CandidateInfo | null;
}

export interface DescriptionEntry {
  readonly at: number;
  readonly sdpType: string;
  readonly sdp: string;
}

export interface CandidateErrorEntry {
  readonly at: number;
  readonly url: string;
  readonly errorCode: number;
  readonly errorText: string;
}

export interface PcView {
  readonly id: string;
  readonly timeline: readonly TimelineEntry[];
  /** The latest value of each state. */
  readonly states: Readonly<Partial<Record<PcStateName, string>>>;
  readonly candidates: readonly CandidateEntry[];
  readonly candidateErrors: readonly CandidateErrorEntry[];
  readonly local: DescriptionEntry | null;
  readonly remote: DescriptionEntry | null;
  readonly points: readonly StatsPoint[];
  readonly latest: StatsSummary | null;
  readonly closed: boolean;
}

/** A mutable PcView, kept inside the model only. */
interface PcRecord {
  id: string;
  timeline: TimelineEntry[];
  states: Partial<Record<PcStateName, string>>;
  candidates: CandidateEntry[];
  candidateErrors: CandidateErrorEntry[];
  local: DescriptionEntry | null;
  remote: DescriptionEntry | null;
  points: StatsPoint[];
  latest: StatsSummary | null;
  closed: boolean;
}

/** Points kept per connection: at one a second, the last hour. */
export const MAX_POINTS = 3600;
/** Candidates kept per connection: a host with many interfaces gathers dozens, never thousands. */
export const MAX_CANDIDATES = 200;
/** Events kept for an export: four connections' stats for over an hour; beyond it the oldest go. */
export const MAX_EVENTS = 20_000;

export interface InspectorModel {
  /** Takes one feed event; true when it changed what the Inspector shows. */
  add(event: FeedEvent): boolean;
  readonly pcs: readonly PcView[];
  /** The events the model took that it shows, in order (the newest MAX_EVENTS): what an export writes. */
  events(): FeedEvent[];
}

const INSPECTED = new Set<FeedEvent['type']>(['pc-created', 'pc-state', 'pc-description', 'pc-candidate', 'pc-candidate-error', 'pc-restart-ice', 'pc-stats', 'pc-closed', 'turn-restarted']);

/** Whether the Inspector has anything to show for this event (the rest of the feed is the console's and the goals'). */
export function isInspected(event: FeedEvent): boolean {
  return INSPECTED.has(event.type);
}

export function createInspectorModel(): InspectorModel {
  const records = new Map<string, PcRecord>();
  const events = createRing<FeedEvent>(MAX_EVENTS);

  const recordFor = (id: string, at: number): PcRecord => {
    let record = records.get(id);
    if (!record) {
      record = { id, timeline: [{ at, kind: 'created', value: '' }], states: {}, candidates: [], candidateErrors: [], local: null, remote: null, points: [], latest: null, closed: false };
      records.set(id, record);
    }
    return record;
  };

  const take = (event: FeedEvent): boolean => {
    switch (event.type) {
      case 'pc-created':
        recordFor(event.pc, event.at);
        return true;
      case 'pc-state': {
        const record = recordFor(event.pc, event.at);
        if (record.states[event.which] === event.value) return false;
        record.states[event.which] = event.value;
        record.timeline.push({ at: event.at, kind: event.which, value: event.value });
        return true;
      }
      case 'pc-restart-ice':
        recordFor(event.pc, event.at).timeline.push({ at: event.at, kind: 'restart-ice', value: '' });
        return true;
      case 'turn-restarted':
        // The server every relayed connection depends on: a mark on each connection's timeline.
        for (const record of records.values()) if (!record.closed) record.timeline.push({ at: event.at, kind: 'turn-restarted', value: String(event.ms) });
        return true;
      case 'pc-closed': {
        const record = recordFor(event.pc, event.at);
        if (record.closed) return false;
        record.closed = true;
        record.timeline.push({ at: event.at, kind: 'closed', value: '' });
        return true;
      }
      case 'pc-description': {
        const record = recordFor(event.pc, event.at);
        record[event.side] = { at: event.at, sdpType: event.sdpType, sdp: event.sdp };
        return true;
      }
      case 'pc-candidate': {
        // null is the end of gathering, which the iceGatheringState timeline already shows.
        if (event.candidate === null || event.candidate === '') return false;
        const record = recordFor(event.pc, event.at);
        if (record.candidates.length >= MAX_CANDIDATES) return false;
        record.candidates.push({ at: event.at, side: event.side, line: event.candidate, info: parseCandidate(event.candidate) });
        return true;
      }
      case 'pc-candidate-error': {
        const record = recordFor(event.pc, event.at);
        if (record.candidateErrors.length >= MAX_CANDIDATES) return false;
        record.candidateErrors.push({ at: event.at, url: event.url, errorCode: event.errorCode, errorText: event.errorText });
        return true;
      }
      case 'pc-stats': {
        const record = recordFor(event.pc, event.at);
        const point = statsPoint(record.latest, event.stats, event.at);
        record.latest = event.stats;
        if (record.points.length >= MAX_POINTS) record.points.shift();
        record.points.push(point);
        return true;
      }
      default:
        return false;
    }
  };

  return {
    add(event) {
      if (!take(event)) return false;
      events.push(event);
      return true;
    },
    get pcs() {
      return [...records.values()];
    },
    events: () => events.toArray(),
  };
}

/** The gathered candidate that is one end of the selected pair, if it is among them. */
export function isSelected(entry: CandidateEntry, pair: StatsSummary['selectedPair']): boolean {
  if (!pair || !entry.info) return false;
  const end: CandidateEnd = entry.side === 'local' ? pair.local : pair.remote;
  return end.address === entry.info.address && end.port === entry.info.port && (end.protocol ?? entry.info.protocol) === entry.info.protocol;
}
