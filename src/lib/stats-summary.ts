/**
 * Reduces one getStats() report to the few numbers the lab shows and goals check. Pure: it
 * takes the report's stat dictionaries (`report.values()`), so recorded reports test it.
 *
 * Browsers differ in what they fill (see the recorded reports in tests/unit/fixtures): Firefox's
 * `transport` stats name the selected pair but count no bytes, and Firefox also marks that pair
 * with a non-standard `selected`; older reports say `mediaType` for `kind`, or have no
 * transport stats at all; a report taken before negotiation has neither RTP nor pairs. Every
 * field is read defensively.
 */
import type { CandidateEnd, MediaKind, StatsSummary } from './feed.ts';

/** A stats dictionary as the browser gave it. */
type Stat = Readonly<Record<string, unknown>>;

/** Stats measured here on the report's clock; remote-* stats carry the remote end's older times. */
const LOCAL_TYPES = new Set(['outbound-rtp', 'inbound-rtp', 'transport', 'candidate-pair', 'peer-connection']);

function isStat(value: unknown): value is Stat {
  return typeof value === 'object' && value !== null;
}

function num(stat: Stat | undefined, key: string): number {
  const value = stat?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function str(stat: Stat | undefined, key: string): string | null {
  const value = stat?.[key];
  return typeof value === 'string' ? value : null;
}

/** A number the stat has, or null: a missing jitter is not a jitter of 0. */
function maybe(stat: Stat | undefined, key: string): number | null {
  const value = stat?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The larger of two optional readings. */
function most(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function candidateEnd(stat: Stat | undefined): CandidateEnd | null {
  if (!stat) return null;
  // Older reports (and Firefox before 2023) call the address `ip`.
  return { type: str(stat, 'candidateType'), address: str(stat, 'address') ?? str(stat, 'ip'), port: maybe(stat, 'port'), protocol: str(stat, 'protocol') };
}

function kindOf(stat: Stat): MediaKind | null {
  const kind = stat['kind'] ?? stat['mediaType'];
  return kind === 'audio' || kind === 'video' ? kind : null;
}

export function summarizeStats(stats: Iterable<unknown>): StatsSummary {
  const all: Stat[] = [];
  const byId = new Map<string, Stat>();
  for (const value of stats) {
    if (!isStat(value)) continue;
    all.push(value);
    const id = str(value, 'id');
    if (id !== null) byId.set(id, value);
  }

  let timestamp = 0;
  let anyTimestamp = 0;
  let framesDecoded = 0;
  let framesSent = 0;
  const payload = { videoSent: 0, videoReceived: 0, audioSent: 0, audioReceived: 0 };
  let sawRtp = false;
  let transportIn = 0;
  let transportOut = 0;
  let transportCounts = false;
  let pair: Stat | undefined;
  const codecs: { outboundVideo: string | null; inboundVideo: string | null; outboundAudio: string | null; inboundAudio: string | null } = {
    outboundVideo: null,
    inboundVideo: null,
    outboundAudio: null,
    inboundAudio: null,
  };
  const media = { lostIn: 0, lostOut: 0, jitterIn: null as number | null, fpsIn: null as number | null, fpsOut: null as number | null, levelIn: null as number | null, levelOut: null as number | null };
  const codecOf = (stat: Stat): string | null => str(byId.get(str(stat, 'codecId') ?? ''), 'mimeType');

  for (const stat of all) {
    const type = stat['type'];
    anyTimestamp = Math.max(anyTimestamp, num(stat, 'timestamp'));
    if (typeof type === 'string' && LOCAL_TYPES.has(type)) timestamp = Math.max(timestamp, num(stat, 'timestamp'));
    const kind = kindOf(stat);
    if (type === 'inbound-rtp') {
      sawRtp = true;
      const bytes = num(stat, 'bytesReceived');
      media.lostIn += num(stat, 'packetsLost');
      media.jitterIn = most(media.jitterIn, maybe(stat, 'jitter'));
      if (kind === 'video') {
        payload.videoReceived += bytes;
        framesDecoded += num(stat, 'framesDecoded');
        media.fpsIn = most(media.fpsIn, maybe(stat, 'framesPerSecond'));
        codecs.inboundVideo ??= codecOf(stat);
      } else if (kind === 'audio') {
        payload.audioReceived += bytes;
        media.levelIn = most(media.levelIn, maybe(stat, 'audioLevel'));
        codecs.inboundAudio ??= codecOf(stat);
      }
    } else if (type === 'outbound-rtp') {
      sawRtp = true;
      const bytes = num(stat, 'bytesSent');
      if (kind === 'video') {
        payload.videoSent += bytes;
        // Firefox counts frames encoded, not sent; on a healthy sender they are the same frames.
        framesSent += typeof stat['framesSent'] === 'number' ? num(stat, 'framesSent') : num(stat, 'framesEncoded');
        media.fpsOut = most(media.fpsOut, maybe(stat, 'framesPerSecond'));
        codecs.outboundVideo ??= codecOf(stat);
      } else if (kind === 'audio') {
        payload.audioSent += bytes;
        codecs.outboundAudio ??= codecOf(stat);
      }
    } else if (type === 'remote-inbound-rtp') {
      media.lostOut += num(stat, 'packetsLost');
    } else if (type === 'media-source' && kind === 'audio') {
      media.levelOut = most(media.levelOut, maybe(stat, 'audioLevel'));
    } else if (type === 'transport') {
      transportCounts ||= typeof stat['bytesSent'] === 'number' || typeof stat['bytesReceived'] === 'number';
      transportIn += num(stat, 'bytesReceived');
      transportOut += num(stat, 'bytesSent');
      const selected = str(stat, 'selectedCandidatePairId');
      if (!pair && selected !== null) pair = byId.get(selected);
    }
  }
  // Without a transport naming it: the pair ICE settled on, or the one marked `selected` (non-standard).
  pair ??=
    all.find((s) => s['type'] === 'candidate-pair' && s['nominated'] === true && s['state'] === 'succeeded') ??
    all.find((s) => s['type'] === 'candidate-pair' && s['selected'] === true);
  const local = pair ? byId.get(str(pair, 'localCandidateId') ?? '') : undefined;
  const remote = pair ? byId.get(str(pair, 'remoteCandidateId') ?? '') : undefined;
  const rtt = pair?.['currentRoundTripTime'];
  // Media labs count RTP payload; a data-only connection has no RTP, so count what the transport
  // carried, or, where the transport counts nothing (Firefox), what the selected pair carried.
  const fallback = transportCounts ? { in: transportIn, out: transportOut } : { in: num(pair, 'bytesReceived'), out: num(pair, 'bytesSent') };
  return {
    timestamp: timestamp || anyTimestamp,
    framesDecoded,
    framesSent,
    bytesReceived: sawRtp ? payload.videoReceived + payload.audioReceived : fallback.in,
    bytesSent: sawRtp ? payload.videoSent + payload.audioSent : fallback.out,
    videoBytesSent: payload.videoSent,
    videoBytesReceived: payload.videoReceived,
    audioBytesSent: payload.audioSent,
    audioBytesReceived: payload.audioReceived,
    codecs,
    roundTripTime: typeof rtt === 'number' && Number.isFinite(rtt) ? rtt : null,
    localCandidateType: str(local, 'candidateType'),
    remoteCandidateType: str(remote, 'candidateType'),
    selectedPair: local && remote ? { local: candidateEnd(local)!, remote: candidateEnd(remote)! } : null,
    packetsLostOut: media.lostOut,
    packetsLostIn: media.lostIn,
    jitterIn: media.jitterIn,
    framesPerSecondIn: media.fpsIn,
    framesPerSecondOut: media.fpsOut,
    audioLevelIn: media.levelIn,
    audioLevelOut: media.levelOut,
  };
}
