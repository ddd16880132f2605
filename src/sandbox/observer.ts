/**
 * Watches the learner's WebRTC and media objects from inside the lab frame and writes what
 * they do to the feed (see ../lib/feed.ts). It is installed before the learner's code runs,
 * once per frame (every run gets a fresh frame), so every object the run creates passes
 * through here. Each concern lives in ./observer/; this file only puts them together.
 *
 * The learner's code must behave exactly as it would without us:
 * - we listen with addEventListener (the on* properties belong to the learner) and our
 *   listeners are added first, so the feed shows an event before the learner's handler runs;
 * - wrapped methods call the original with the same `this` and arguments, let synchronous
 *   errors through untouched and return what it returned, except promises (see `tap`);
 * - wrapped constructors are subclasses: instanceof, name, length and statics stay;
 * - nothing we do may throw into the learner's code: every observation is guarded;
 * - we call natives captured at install time, never what the learner may have replaced.
 */
import type { FeedEventBody, FeedWatch, Inspected } from '../lib/feed.ts';
import { observeDataChannels } from './observer/data-channels.ts';
import { observeElementSamples } from './observer/element-samples.ts';
import { createInterceptor, type LabWindow } from './observer/intercept.ts';
import { observeMediaCapture } from './observer/media-capture.ts';
import { observeSenders } from './observer/senders.ts';
import { observeMediaPlayback } from './observer/media-playback.ts';
import { observeMediaRecorders } from './observer/media-recorder.ts';
import { observePeerConnections } from './observer/peer-connections.ts';
import { observeVideoFrames } from './observer/video-frames.ts';

export interface Observer {
  /**
   * Ends the run's media and connections: reports what waits to be reported, stops every
   * track (track-ended, cause 'runner'), closes every peer connection (pc-closed) and stops
   * all sampling.
   */
  stopAll(): void;
  /** From now on, samples the elements a lab's goals watch (element-value, canvas events). */
  watch(watch: FeedWatch): void;
}

export interface ObserverOptions {
  /** How often each open peer connection's getStats() is summarised as pc-stats. */
  statsIntervalMs?: number;
  /** Shortest time between two video-frames events for one <video>. */
  videoIntervalMs?: number;
}

export function installObserver(
  win: LabWindow,
  emit: (event: FeedEventBody) => void,
  inspect: (value: unknown) => Inspected,
  options?: ObserverOptions,
): Observer {
  const ctx = createInterceptor(win, emit, inspect);
  const tracks = observeMediaCapture(ctx);
  const channels = observeDataChannels(ctx);
  // Before the connection class is replaced, so it wraps the native prototype's methods.
  observeSenders(ctx);
  const pcs = observePeerConnections(ctx, channels, tracks, options?.statsIntervalMs ?? 1000);
  const recorders = observeMediaRecorders(ctx);
  const playback = observeMediaPlayback(ctx);
  const videos = observeVideoFrames(ctx, options?.videoIntervalMs ?? 500);
  const samples = observeElementSamples(ctx);

  return {
    stopAll(): void {
      ctx.guard(channels.flush);
      ctx.guard(recorders.flush);
      ctx.guard(playback.flush);
      ctx.guard(tracks.stopAll);
      ctx.guard(pcs.closeAll);
      ctx.guard(videos.stop);
      ctx.guard(samples.stop);
    },
    watch(watch: FeedWatch): void {
      ctx.guard(() => samples.watch(watch));
    },
  };
}
