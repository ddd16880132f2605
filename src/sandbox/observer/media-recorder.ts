/**
 * MediaRecorder: when it records and how many bytes it has handed out (dataavailable), so a
 * goal can tell that a recording was made before it was played back.
 */
import { createThrottle, observedSubclass, type Interceptor, type Throttle } from './intercept.ts';

/** A recorder with a small timeslice fires dataavailable very often; the feed needs a few a second. */
const RECORDER_INTERVAL_MS = 250;

export interface Recorders {
  /** Reports byte counts that wait for their interval to pass. */
  flush(): void;
}

export function observeMediaRecorders(ctx: Interceptor): Recorders {
  const { win } = ctx;
  const throttles = new Set<Throttle>();
  const NativeRecorder = win.MediaRecorder;
  if (typeof NativeRecorder !== 'function') return { flush() {} };

  function observe(recorder: MediaRecorder): void {
    let state: 'recording' | 'inactive' = 'inactive';
    let bytes = 0;
    const throttle = createThrottle(ctx, RECORDER_INTERVAL_MS, () => {
      ctx.report({ type: 'recorder', state, mimeType: recorder.mimeType, bytes });
    });
    throttles.add(throttle);
    ctx.on(recorder, 'start', () => {
      state = 'recording';
      throttle.fire();
    });
    ctx.on<BlobEvent>(recorder, 'dataavailable', (event) => {
      bytes += event.data.size;
      throttle.poke();
    });
    // The last dataavailable comes just before 'stop', so this event carries the final count.
    ctx.on(recorder, 'stop', () => {
      state = 'inactive';
      throttle.fire();
    });
  }

  win.MediaRecorder = observedSubclass(ctx, NativeRecorder, (recorder) => observe(recorder));

  return {
    flush() {
      for (const throttle of throttles) throttle.flush();
    },
  };
}
