/** Judges for what the learner's page does with media: video shown, errors handled, tracks, meters, canvases, recordings. */
import type { JudgeTable } from './judge.ts';
import { key } from './judge.ts';

/** An uncaught error this soon after a media error means the code did not handle it. */
export const HANDLED_AFTER_MS = 1000;

/** `video#remote` names that video and its family `video#remote-…` (one per peer in a mesh). */
function namesVideo(element: string, label: string): boolean {
  return label === element || label.startsWith(`${element}-`);
}

type MediaJudges = Pick<JudgeTable, 'video-frames' | 'media-error-handled' | 'track-ended' | 'sender-track' | 'element-value-moves' | 'canvas-image' | 'recording-played'>;

export const mediaJudges: MediaJudges = {
  'video-frames': (check, of) => {
    const videos = new Map<string, { frames: number; width: number; height: number }>();
    return {
      add(event, from) {
        if (from !== of || event.type !== 'video-frames') return;
        if (check.element !== undefined && !namesVideo(check.element, event.element)) return;
        videos.set(event.element, { frames: event.frames, width: event.width, height: event.height });
      },
      holds: () =>
        [...videos.values()].filter((v) => v.frames >= check.minFrames && v.width >= (check.minWidth ?? 0) && v.height >= (check.minHeight ?? 0))
          .length >= (check.minElements ?? 1),
    };
  },

  'media-error-handled': (check, of) => {
    const raised: number[] = [];
    const uncaught: number[] = [];
    return {
      add(event, from) {
        if (from !== of) return;
        if (event.type === 'media-error' && event.name === check.name && (check.api === undefined || event.api === check.api)) raised.push(event.at);
        else if (event.type === 'error' && event.phase !== 'syntax') uncaught.push(event.at);
      },
      holds: (now) =>
        raised.some((at) => now - at >= HANDLED_AFTER_MS && !uncaught.some((errorAt) => errorAt >= at && errorAt <= at + HANDLED_AFTER_MS)),
    };
  },

  'sender-track': (check, of) => {
    const tracks = new Map<string, { source: string; kind: string }>();
    let sending = false;
    return {
      add(event, from) {
        if (from !== of) return;
        if (event.type === 'track') tracks.set(event.track, { source: event.source, kind: event.kind });
        if (event.type !== 'sender-track' || event.track === null) return;
        const track = tracks.get(event.track);
        if (track?.source === check.source && (check.media === undefined || track.kind === check.media)) sending = true;
      },
      holds: () => sending,
    };
  },

  'track-ended': (check, of) => {
    const tracks = new Map<string, { source: string; kind: string }>();
    let ended = false;
    return {
      add(event, from) {
        if (from !== of) return;
        if (event.type === 'track') tracks.set(event.track, { source: event.source, kind: event.kind });
        if (event.type !== 'track-ended' || event.cause === 'runner') return;
        const track = tracks.get(event.track);
        if (!track) return;
        if (check.source !== undefined && track.source !== check.source) return;
        if (check.media !== undefined && track.kind !== check.media) return;
        if (check.cause !== undefined && event.cause !== check.cause) return;
        ended = true;
      },
      holds: () => ended,
    };
  },

  'element-value-moves': (check, of) => {
    let changes = 0;
    let last: number | undefined;
    return {
      add(event, from) {
        if (from !== of || event.type !== 'element-value' || event.element !== check.element) return;
        // The first sample is where the meter starts, not a movement.
        if (last !== undefined && event.value !== last) changes += 1;
        last = event.value;
      },
      holds: () => changes >= check.minChanges,
    };
  },

  'canvas-image': (check, of) => {
    let image = false;
    return {
      add(event, from) {
        if (from !== of || event.type !== 'canvas' || event.element !== check.element) return;
        image = !event.blank && event.width > 0 && event.height > 0;
      },
      holds: () => image,
    };
  },

  'recording-played': (check, of) => {
    let recorded = false;
    const played = new Map<string, number>();
    return {
      add(event, from) {
        if (from !== of) return;
        if (event.type === 'recorder' && event.bytes > 0) recorded = true;
        if (event.type === 'media-playback' && event.source === 'blob') played.set(key(from, event.element), Math.max(event.played, played.get(key(from, event.element)) ?? 0));
      },
      holds: () => recorded && [...played.values()].some((seconds) => seconds >= check.minSeconds),
    };
  },
};
