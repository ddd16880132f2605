/**
 * Frames each <video> in the document presents, counted with requestVideoFrameCallback and
 * reported every `intervalMs` while they grow.
 */
import { labelFor } from './element-label.ts';
import type { Interceptor } from './intercept.ts';

interface VideoRecord {
  label: string;
  frames: number;
  reported: number;
  width: number;
  height: number;
  handle: number | undefined;
}

export interface VideoFrames {
  /** Reports the last counts and stops counting. */
  stop(): void;
}

export function observeVideoFrames(ctx: Interceptor, intervalMs: number): VideoFrames {
  const { win, invoke, guard } = ctx;
  const requestFrame = ctx.nativeMethod(win.HTMLVideoElement?.prototype, 'requestVideoFrameCallback');
  const cancelFrame = ctx.nativeMethod(win.HTMLVideoElement?.prototype, 'cancelVideoFrameCallback');
  const videos = new Map<HTMLVideoElement, VideoRecord>();
  let timer: number | undefined;
  let stopped = false;

  function reportFrames(): void {
    for (const [video, record] of videos) {
      if (record.frames === record.reported) continue;
      record.reported = record.frames;
      // Labels follow the page (an id set after insertion); a detached element keeps its last one.
      if (video.isConnected) record.label = labelFor(video);
      ctx.report({ type: 'video-frames', element: record.label, frames: record.frames, width: record.width, height: record.height });
    }
  }

  function watchVideo(video: HTMLVideoElement): void {
    if (videos.has(video) || !requestFrame) return;
    const request = requestFrame;
    const record: VideoRecord = { label: labelFor(video), frames: 0, reported: 0, width: 0, height: 0, handle: undefined };
    videos.set(video, record);
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
      guard(() => {
        record.frames += 1;
        record.width = metadata.width;
        record.height = metadata.height;
        record.handle = stopped ? undefined : (invoke(request, video, [onFrame]) as number);
      });
    };
    record.handle = invoke(request, video, [onFrame]) as number;
    timer ??= ctx.timers.every(reportFrames, intervalMs);
  }

  function scan(node: Node): void {
    if (node instanceof win.HTMLVideoElement) watchVideo(node);
    if (node instanceof win.Element || node instanceof win.Document) {
      for (const video of node.querySelectorAll('video')) watchVideo(video);
    }
  }

  const mutations = new win.MutationObserver((records) => {
    guard(() => {
      for (const record of records) for (const node of record.addedNodes) scan(node);
    });
  });
  guard(() => {
    mutations.observe(win.document, { childList: true, subtree: true });
    scan(win.document);
  });

  return {
    stop() {
      stopped = true;
      guard(reportFrames);
      if (timer !== undefined) ctx.timers.cancelEvery(timer);
      timer = undefined;
      for (const [video, record] of videos) {
        guard(() => {
          if (record.handle !== undefined && cancelFrame) invoke(cancelFrame, video, [record.handle]);
          record.handle = undefined;
        });
      }
      mutations.disconnect();
    },
  };
}
