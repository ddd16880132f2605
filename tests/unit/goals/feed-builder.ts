/** Small builders for feeds in goal tests: realistic event shapes with the run clock. */
import { ChannelFlowTally } from '../../../src/lib/channel-flow.ts';
import type { ChannelFlow, FeedEvent, FeedEventBody, StatsSummary } from '../../../src/lib/feed.ts';
import { parseLab } from '../../../src/lib/lab-schema.ts';
import type { Goal } from '../../../src/lib/goal-checks.ts';
import { createGoalBoard, type FeedOrigin } from '../../../src/lib/goals/goal-board.ts';

export const at = (ms: number, body: FeedEventBody): FeedEvent => ({ ...body, at: ms }) as FeedEvent;

/** Goals as a lab.ts declares them, through the real schema (defaults applied). */
export function goals(...checks: ReadonlyArray<Record<string, unknown>>): Goal[] {
  return parseLab('demo', {
    title: { en: 'Demo', ko: '데모' },
    summary: { en: 'Demo.', ko: '데모.' },
    goals: checks.map((extra, index) => ({ id: `g${index}`, title: { en: 'Goal', ko: '목표' }, ...extra })),
  }).goals;
}

/** Runs a feed through a fresh board, then judges at `end` (default: the last event's time). */
export function metAfter(goalList: readonly Goal[], feed: ReadonlyArray<FeedEvent | readonly [FeedOrigin, FeedEvent]>, end?: number): ReadonlySet<string> {
  const board = createGoalBoard(goalList);
  let last = 0;
  for (const item of feed) {
    const [from, event] = Array.isArray(item) ? (item as readonly [FeedOrigin, FeedEvent]) : (['self', item as FeedEvent] as const);
    board.add(event, from);
    if (from === 'self') last = event.at;
  }
  return board.judge(end ?? last);
}

/** The cumulative flow after these payloads, digested as the observer does (its own tally). */
export function flowOf(payloads: ReadonlyArray<string | Uint8Array>): ChannelFlow {
  const tally = new ChannelFlowTally();
  for (const payload of payloads) {
    if (typeof payload === 'string') tally.addText(payload);
    else tally.addBinary(payload);
  }
  return tally.take().flow;
}

export function stats(partial: Partial<StatsSummary>): StatsSummary {
  return {
    timestamp: 0,
    framesDecoded: 0,
    framesSent: 0,
    bytesReceived: 0,
    bytesSent: 0,
    videoBytesSent: 0,
    videoBytesReceived: 0,
    audioBytesSent: 0,
    audioBytesReceived: 0,
    codecs: { outboundVideo: null, inboundVideo: null, outboundAudio: null, inboundAudio: null },
    roundTripTime: null,
    localCandidateType: null,
    remoteCandidateType: null,
    selectedPair: null,
    packetsLostOut: 0,
    packetsLostIn: 0,
    jitterIn: null,
    framesPerSecondIn: null,
    framesPerSecondOut: null,
    audioLevelIn: null,
    audioLevelOut: null,
    ...partial,
  };
}

export const channel = (pc: string, dc: string, extra: Partial<FeedEventOf<'dc-created'>> = {}): FeedEventBody => ({
  type: 'dc-created',
  pc,
  dc,
  label: 'chat',
  ordered: true,
  maxRetransmits: null,
  maxPacketLifeTime: null,
  negotiated: false,
  id: null,
  protocol: '',
  remote: false,
  ...extra,
});

type FeedEventOf<T extends FeedEvent['type']> = Extract<FeedEventBody, { type: T }>;
