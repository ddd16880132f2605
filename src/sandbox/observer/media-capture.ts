/**
 * getUserMedia and getDisplayMedia (requests, failures, the tracks they give) and the life of
 * every track the run got, local or remote, up to its end and who ended it.
 */
import type { FeedEventOf, TrackSource } from '../../lib/feed.ts';
import { isRecord, type Interceptor } from './intercept.ts';

type EndCause = FeedEventOf<'track-ended'>['cause'];

export interface Tracks {
  /** Numbers a track and reports it once; returns its id. */
  register(track: MediaStreamTrack, source: TrackSource): string;
  /** Reports tracks that ended without an event (their connection was closed). */
  syncEnded(): void;
  /** Stops every live track of the run (cause 'runner'). */
  stopAll(): void;
}

export function observeMediaCapture(ctx: Interceptor): Tracks {
  const { win, report, invoke, guard } = ctx;
  // Strong references on purpose: stopAll() must reach every track of the run.
  const tracks = new Map<MediaStreamTrack, string>();
  const ended = new WeakSet<MediaStreamTrack>();
  const nativeGetTracks = ctx.nativeMethod(win.MediaStream?.prototype, 'getTracks');

  function register(track: MediaStreamTrack, source: TrackSource): string {
    const known = tracks.get(track);
    if (known !== undefined) return known;
    const id = ctx.idFor(track, 'track');
    tracks.set(track, id);
    report({ type: 'track', track: id, kind: track.kind, label: track.label, source });
    ctx.on(track, 'ended', () => markEnded(track, 'ended'));
    if (track.readyState === 'ended') markEnded(track, 'ended');
    return id;
  }

  function markEnded(track: MediaStreamTrack, cause: EndCause): void {
    const id = tracks.get(track);
    if (id === undefined || ended.has(track)) return;
    ended.add(track);
    report({ type: 'track-ended', track: id, cause });
  }

  const mediaProto = typeof win.MediaDevices === 'function' ? win.MediaDevices.prototype : undefined;
  for (const api of ['getUserMedia', 'getDisplayMedia'] as const) {
    ctx.wrapMethod(mediaProto, api, (original) =>
      ({
        capture(this: MediaDevices, ...args: unknown[]): unknown {
          report({ type: 'media-request', api, constraints: ctx.inspected(args[0]) });
          const result = invoke(original, this, args);
          if (!(result instanceof win.Promise)) return result;
          return ctx.tap(
            result as Promise<unknown>,
            (stream) => {
              if (!(stream instanceof win.MediaStream) || !nativeGetTracks) return;
              for (const track of invoke(nativeGetTracks, stream, []) as MediaStreamTrack[]) register(track, api);
            },
            (error) => {
              const name = isRecord(error) ? error['name'] : undefined;
              const message = isRecord(error) ? error['message'] : undefined;
              // OverconstrainedError names the constraint it could not satisfy; Chromium's message is empty.
              const constraint = isRecord(error) ? error['constraint'] : undefined;
              report({
                type: 'media-error',
                api,
                name: typeof name === 'string' ? name : 'Error',
                message: typeof message === 'string' ? message : String(error),
                ...(typeof constraint === 'string' && constraint !== '' ? { constraint } : {}),
              });
            },
          );
        },
      }).capture,
    );
  }

  // 'ended' does not fire when the page itself calls stop().
  const nativeStop = ctx.wrapMethod(win.MediaStreamTrack?.prototype, 'stop', (original) =>
    ({
      stop(this: MediaStreamTrack, ...args: unknown[]): unknown {
        const result = invoke(original, this, args);
        if (tracks.has(this)) guard(() => markEnded(this, 'stop'));
        return result;
      },
    }).stop,
  );

  return {
    register: (track, source) => {
      let id = '';
      guard(() => {
        id = register(track, source);
      });
      return id;
    },
    syncEnded() {
      for (const track of tracks.keys()) guard(() => (track.readyState === 'ended' ? markEnded(track, 'ended') : undefined));
    },
    stopAll() {
      for (const track of tracks.keys()) {
        guard(() => {
          if (track.readyState !== 'live') return markEnded(track, 'ended');
          if (nativeStop) invoke(nativeStop, track, []);
          markEnded(track, 'runner');
        });
      }
    },
  };
}
