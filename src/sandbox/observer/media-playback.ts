/**
 * <video> and <audio> elements playing something other than a live stream (a recording's
 * blob: URL, a file): how far playback got, so a goal can tell a recording was watched.
 */
import type { FeedEventOf } from '../../lib/feed.ts';
import { labelFor } from './element-label.ts';
import { createThrottle, type Interceptor, type Throttle } from './intercept.ts';

/** At most two events a second per element; the end of playback is reported at once. */
const PLAYBACK_INTERVAL_MS = 500;
const EVENTS = ['timeupdate', 'ended'];

type Source = FeedEventOf<'media-playback'>['source'];

interface PlaybackRecord {
  /** What is playing: a new source starts a new count. */
  readonly url: string;
  readonly source: Source;
  label: string;
  played: number;
  reported: number;
  readonly throttle: Throttle;
}

export interface MediaPlayback {
  /** Reports positions that wait for their interval to pass. */
  flush(): void;
}

export function observeMediaPlayback(ctx: Interceptor): MediaPlayback {
  const { win, guard } = ctx;
  const MediaElement = win.HTMLMediaElement;
  if (typeof MediaElement !== 'function') return { flush() {} };
  const records = new Map<HTMLMediaElement, PlaybackRecord>();
  const listened = new WeakSet<HTMLMediaElement>();

  function sourceOf(media: HTMLMediaElement): { url: string; source: Source } | null {
    const object = media.srcObject;
    // A MediaStream is live (video-frames covers it); a Blob object plays like a blob: URL.
    if (object) return object instanceof win.Blob ? { url: 'srcObject', source: 'blob' } : null;
    const url = media.currentSrc || media.src;
    if (url === '') return null;
    return { url, source: url.startsWith('blob:') ? 'blob' : 'url' };
  }

  function recordFor(media: HTMLMediaElement, found: { url: string; source: Source }): PlaybackRecord {
    const known = records.get(media);
    if (known && known.url === found.url) return known;
    const record: PlaybackRecord = {
      ...found,
      label: labelFor(media),
      played: 0,
      reported: 0,
      throttle: createThrottle(ctx, PLAYBACK_INTERVAL_MS, () => {
        if (record.played <= record.reported) return;
        record.reported = record.played;
        if (media.isConnected) record.label = labelFor(media);
        ctx.report({ type: 'media-playback', element: record.label, source: record.source, played: record.played });
      }),
    };
    records.set(media, record);
    return record;
  }

  function onMediaEvent(event: Event): void {
    const media = event.target;
    if (!(media instanceof MediaElement)) return;
    const found = sourceOf(media);
    if (!found) return;
    const record = recordFor(media, found);
    const ended = event.type === 'ended';
    // Positions count only when playback reached them, not a seek or a paused element's jump.
    const playing = ended || (!media.paused && !media.seeking);
    const position = media.currentTime;
    if (playing && Number.isFinite(position) && position > record.played) record.played = position;
    if (ended) record.throttle.fire();
    else record.throttle.poke();
  }

  // Media events do not bubble, but they pass the window on their way down: one capturing
  // listener sees every element in the document, before the element's own listeners.
  for (const type of EVENTS) ctx.on(win, type, onMediaEvent, true);

  // An element never put in the document (`new Audio(url).play()`) is reached through play().
  ctx.wrapMethod(MediaElement.prototype, 'play', (original) =>
    ({
      play(this: HTMLMediaElement, ...args: unknown[]): unknown {
        const result = ctx.invoke(original, this, args);
        guard(() => {
          if (this.isConnected || listened.has(this)) return;
          listened.add(this);
          for (const type of EVENTS) ctx.on(this, type, onMediaEvent);
        });
        return result;
      },
    }).play,
  );

  return {
    flush() {
      for (const record of records.values()) record.throttle.flush();
    },
  };
}
