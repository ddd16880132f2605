/**
 * WebRTC and media objects, summarised by the state a learner looks for: a stream's tracks,
 * a connection's states, a channel's readiness, a whole stats report. Recognised by their
 * Object.prototype.toString tag, never by instanceof: they come from the lab frame's realm,
 * and tests fake them in Node.
 */
import type { Inspected } from '../feed.ts';
import { builtinTag } from './guards.ts';
import type { MapLike } from './builtins.ts';
import type { Entries, Walk } from './walk.ts';

/**
 * Stats objects kept from one report. A call with audio, video and a few candidates has
 * 30–60; the console lets the learner open each, so keep far more than a plain Map's 50.
 */
export const STATS_MAX_REPORTS = 200;
/** Fields kept per stats object: a video inbound-rtp has about 70. */
export const STATS_MAX_FIELDS = 120;

const PC_STATES = ['signalingState', 'iceGatheringState', 'iceConnectionState', 'connectionState'] as const;
const TRACK_KEYS = ['kind', 'label', 'id', 'readyState', 'enabled', 'muted'] as const;

/** The description of a WebRTC or media object, or undefined when `tag` names none. */
export function describeWebRtc(value: object, tag: string, level: number, walk: Walk): Inspected | undefined {
  const fields = (keys: readonly string[]): Inspected => ({
    t: 'object',
    tag,
    entries: keys.map((key) => [key, walk.read(value, key, level)] as const),
    more: 0,
  });
  switch (tag) {
    case 'MediaStream':
      return describeStream(value, level, walk);
    case 'MediaStreamTrack':
      return describeTrack(value, level, walk, true);
    case 'RTCPeerConnection': {
      const entries: Entries = PC_STATES.map((key) => [key, walk.read(value, key, level)] as const);
      for (const key of ['localDescription', 'remoteDescription'] as const) {
        entries.push([key, walk.guard(() => descriptionType(value, key))]);
      }
      return { t: 'object', tag, entries, more: 0 };
    }
    case 'RTCDataChannel':
      return fields(['label', 'id', 'readyState', 'ordered', 'bufferedAmount', 'protocol']);
    case 'RTCSessionDescription':
      return fields(['type', 'sdp']);
    case 'RTCIceCandidate':
      return fields(['candidate', 'sdpMid', 'sdpMLineIndex']);
    case 'RTCStatsReport':
      return typeof (value as { forEach?: unknown }).forEach === 'function' ? describeStatsReport(value as MapLike, level, walk) : undefined;
    default:
      return undefined;
  }
}

function describeStream(stream: object, level: number, walk: Walk): Inspected {
  const tracks = walk.guard((): Inspected => {
    if (level + 1 > walk.depth) return { t: 'elided', tag: 'Array' };
    const list: unknown = (stream as { getTracks?: () => unknown }).getTracks?.();
    if (!Array.isArray(list)) return { t: 'undefined' };
    const shown: unknown[] = list.slice(0, walk.maxEntries);
    return {
      t: 'array',
      // Inside a stream a track is listed without its settings, to keep the line short.
      items: shown.map((track): Inspected => {
        if (typeof track !== 'object' || track === null) return walk.at(track, level + 2);
        walk.count();
        if (level + 2 > walk.depth) return { t: 'elided', tag: 'MediaStreamTrack' };
        return describeTrack(track, level + 2, walk, false);
      }),
      more: list.length - shown.length,
    };
  });
  return {
    t: 'object',
    tag: 'MediaStream',
    entries: [
      ['id', walk.read(stream, 'id', level)],
      ['active', walk.read(stream, 'active', level)],
      ['tracks', tracks],
    ],
    more: 0,
  };
}

function describeTrack(track: object, level: number, walk: Walk, withSettings: boolean): Inspected {
  const entries: Entries = TRACK_KEYS.map((key) => [key, walk.read(track, key, level)] as const);
  if (withSettings) {
    const settings = walk.guard(() => {
      const getSettings: unknown = (track as { getSettings?: unknown }).getSettings;
      return typeof getSettings === 'function' ? walk.at(getSettings.call(track), level + 1) : { t: 'undefined' };
    });
    entries.push(['settings', settings]);
  }
  return { t: 'object', tag: 'MediaStreamTrack', entries, more: 0 };
}

/** A description's type, or null: the full SDP is its own log line when the learner wants it. */
function descriptionType(pc: object, key: 'localDescription' | 'remoteDescription'): Inspected {
  const description: unknown = (pc as Record<string, unknown>)[key];
  if (description === null || description === undefined) return { t: 'null' };
  const type: unknown = (description as { type?: unknown }).type;
  return typeof type === 'string' ? { t: 'string', v: type } : { t: 'null' };
}

/**
 * id → stats object, each with all its fields (up to the limits above): the console panel
 * shows every entry expandable, so an id with `{…}` would not do.
 */
function describeStatsReport(report: MapLike, level: number, walk: Walk): Inspected {
  const entries: Array<readonly [Inspected, Inspected]> = [];
  let more = 0;
  report.forEach((stats, id) => {
    if (entries.length >= STATS_MAX_REPORTS || walk.exhausted()) {
      more++;
      return;
    }
    entries.push([walk.at(id, level + 1), walk.guard(() => describeStats(stats, level + 1, walk))]);
  });
  return { t: 'map', tag: 'RTCStatsReport', entries, more };
}

function describeStats(stats: unknown, level: number, walk: Walk): Inspected {
  // Real stats are plain objects; anything else (a faked report) is walked as usual.
  if (typeof stats !== 'object' || stats === null || level > walk.depth || builtinTag(stats) !== 'Object') return walk.at(stats, level);
  walk.count();
  const keys = Object.keys(stats);
  const shown = keys.slice(0, STATS_MAX_FIELDS);
  return {
    t: 'object',
    tag: 'Object',
    entries: shown.map((key) => [key, walk.read(stats, key, level)] as const),
    more: keys.length - shown.length,
  };
}
