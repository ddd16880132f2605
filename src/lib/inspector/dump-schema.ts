/**
 * Reading a dump back (dump.ts writes them). A dump is a file from someone else: anything in it
 * may be wrong, so every event is checked for the fields the Inspector reads before the model
 * sees it, and a bad file is refused with the reason, never half shown. Loaded only when a
 * learner imports a file, so zod stays out of the lesson page.
 */
import { z } from 'zod';
import { PC_STATE_NAMES, type FeedEvent } from '../feed.ts';
import { DUMP_FORMAT, DUMP_VERSION, type InspectorDump } from './dump.ts';

/** Larger than any dump an hour's run makes (MAX_EVENTS of stats is about 15 MB). */
export const MAX_DUMP_CHARS = 32 * 1024 * 1024;

const text = z.string().max(1024 * 1024);
const at = z.number().finite().min(0);
const count = z.number().finite();
const reading = z.number().finite().nullable();
const end = z.object({ type: z.string().nullable(), address: z.string().nullable(), port: z.number().nullable(), protocol: z.string().nullable() });

const stats = z.object({
  timestamp: count,
  framesDecoded: count,
  framesSent: count,
  bytesReceived: count,
  bytesSent: count,
  videoBytesSent: count,
  videoBytesReceived: count,
  audioBytesSent: count,
  audioBytesReceived: count,
  codecs: z.object({ outboundVideo: z.string().nullable(), inboundVideo: z.string().nullable(), outboundAudio: z.string().nullable(), inboundAudio: z.string().nullable() }),
  roundTripTime: reading,
  localCandidateType: z.string().nullable(),
  remoteCandidateType: z.string().nullable(),
  selectedPair: z.object({ local: end, remote: end }).nullable(),
  packetsLostOut: count,
  packetsLostIn: count,
  jitterIn: reading,
  framesPerSecondIn: reading,
  framesPerSecondOut: reading,
  audioLevelIn: reading,
  audioLevelOut: reading,
});

const pc = text;
const event = z.discriminatedUnion('type', [
  // The connection's configuration is a console value; the Inspector does not show it, and does not import it.
  z.object({ type: z.literal('pc-created'), at, pc }).transform((e) => ({ ...e, config: { t: 'undefined' as const } })),
  z.object({ type: z.literal('pc-state'), at, pc, which: z.enum(PC_STATE_NAMES as [string, ...string[]]), value: text }),
  z.object({ type: z.literal('pc-description'), at, pc, side: z.enum(['local', 'remote']), sdpType: text, sdp: z.string().max(1024 * 1024) }),
  z.object({ type: z.literal('pc-candidate'), at, pc, side: z.enum(['local', 'remote']), candidate: text.nullable() }),
  z.object({ type: z.literal('pc-candidate-error'), at, pc, url: text, errorCode: count, errorText: text }),
  z.object({ type: z.literal('pc-restart-ice'), at, pc }),
  z.object({ type: z.literal('pc-stats'), at, pc, stats }),
  z.object({ type: z.literal('pc-closed'), at, pc }),
  z.object({ type: z.literal('turn-restarted'), at, ms: count }),
]);

const dump = z.object({
  format: z.literal(DUMP_FORMAT),
  version: z.literal(DUMP_VERSION),
  lab: text,
  exportedAt: text,
  userAgent: text,
  events: z.array(event).max(100_000),
});

export type DumpProblem = 'too-large' | 'not-json' | 'not-a-dump' | 'newer-version' | 'damaged';

export type ParsedDump = { readonly ok: true; readonly dump: InspectorDump } | { readonly ok: false; readonly problem: DumpProblem; readonly detail: string };

export function parseDump(source: string): ParsedDump {
  if (source.length > MAX_DUMP_CHARS) return { ok: false, problem: 'too-large', detail: `${source.length} characters` };
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  const head = z.object({ format: z.literal(DUMP_FORMAT), version: z.number() }).safeParse(json);
  if (!head.success) return { ok: false, problem: 'not-a-dump', detail: 'no "format": "webrtc-lab-inspector"' };
  if (head.data.version > DUMP_VERSION) return { ok: false, problem: 'newer-version', detail: `version ${head.data.version}` };
  const parsed = dump.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: 'damaged', detail: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' };
  }
  return { ok: true, dump: { ...parsed.data, events: parsed.data.events as FeedEvent[] } };
}
