/**
 * What the lesson page lets through of a run's feed, decided on the page: the frame runs the
 * learner's code and cannot be trusted to limit itself. One gate per run. Each event is
 * admitted (it reaches the feed, the goals and the console), dropped (counted, so the console
 * can say how many), or, once the run has flooded the page for long enough, answered with
 * 'flood': the page then removes the frame.
 *
 * Which events a cap applies to, and why:
 * - `console`: learner code can log as fast as a loop turns, and no goal reads console
 *   events, so these take the tightest cap. A burst (a loop printing a few hundred lines)
 *   passes whole; past it, lines come through at a readable rate.
 * - `error`: learner code can throw as fast as it logs (a throw in a timer), and each error
 *   also marks the editor, so errors get a cap too, but their own: a console flood never
 *   hides an error, and the first errors of a run always show.
 * - `observer`: what the observer reports about WebRTC and media objects. The observer
 *   samples and coalesces on its own (a channel's traffic at most every 100 ms, stats once a
 *   second), so a working lab sends few; the cap is generous and only stops code that
 *   creates objects in a loop. Goals read these, so no legitimate lab comes near it.
 * - `end` ('done', 'stopped'): the runner sends each once; the page's idea of whether the run
 *   is over must never be dropped.
 *
 * A class that ran dry stays closed until its bucket has refilled by `resume` tokens: a flood
 * then shows as runs of lines between single "N dropped" lines, rather than one line in
 * every few, each followed by its own note.
 *
 * Flooding is separate from the caps: it counts every event that arrives, dropped ones too,
 * since each costs the page a message to receive. A run over `floodRate` events a second
 * for `floodMs` without a break is flooding. A loop of 10,000 lines is one burst (the loop
 * guard ends any synchronous loop within a second), so it is capped but never ends the run.
 */
import type { FeedEvent } from './feed.ts';
import { createTokenBucket, type TokenBucket } from './token-bucket.ts';

export type FeedClass = 'console' | 'error' | 'observer' | 'end';
type CappedClass = Exclude<FeedClass, 'end'>;

export interface ClassCap {
  /** Events let through at once, from a full bucket. */
  readonly burst: number;
  /** Events a second let through once the burst is spent. */
  readonly perSecond: number;
  /** Tokens a dry bucket must gather back before events of its class pass again. */
  readonly resume: number;
}

export interface GateLimits {
  readonly caps: Readonly<Record<CappedClass, ClassCap>>;
  /** Events a second (every class, dropped ones included) above which a second counts as flooded. */
  readonly floodRate: number;
  /** How long a flood may go on, unbroken, before the run is ended. */
  readonly floodMs: number;
}

export const GATE_LIMITS: GateLimits = {
  caps: {
    // The burst is as many lines as the console panel keeps.
    console: { burst: 500, perSecond: 100, resume: 100 },
    error: { burst: 50, perSecond: 10, resume: 10 },
    observer: { burst: 2000, perSecond: 500, resume: 500 },
  },
  // Ten times the console's rate, and far more than any lab's observer sends; a second of it
  // is already more lines than a person can read.
  floodRate: 1000,
  floodMs: 3000,
};

export type GateVerdict = 'admit' | 'drop' | 'flood';

export interface FeedGate {
  /** Decides on one event arriving at `nowMs` (the page's clock). */
  offer(event: FeedEvent, nowMs: number): GateVerdict;
  /** Events dropped so far, by class. */
  readonly dropped: Readonly<Record<FeedClass, number>>;
  /** Whether the gate dropped an event within the last second before `nowMs`: the run is flooding now. */
  dropping(nowMs: number): boolean;
}

export function feedClass(event: FeedEvent): FeedClass {
  switch (event.type) {
    case 'console':
      return 'console';
    case 'error':
      return 'error';
    case 'done':
    case 'stopped':
      return 'end';
    default:
      return 'observer';
  }
}

const WINDOW_MS = 1000;

export function createFeedGate(startMs: number, limits: GateLimits = GATE_LIMITS): FeedGate {
  const classes = Object.fromEntries(
    (Object.entries(limits.caps) as [CappedClass, ClassCap][]).map(([name, cap]) => [
      name,
      { cap, bucket: createTokenBucket({ capacity: cap.burst, refillPerSecond: cap.perSecond }, startMs), dry: false },
    ]),
  ) as Record<CappedClass, { readonly cap: ClassCap; readonly bucket: TokenBucket; dry: boolean }>;
  const dropped: Record<FeedClass, number> = { console: 0, error: 0, observer: 0, end: 0 };
  let lastDropAt = -Infinity;

  // Arrivals counted in whole seconds from the start; `overSince` is the start of the first
  // second of the current unbroken run of flooded seconds.
  let windowStart = startMs;
  let arrivals = 0;
  let overSince: number | undefined;

  const flooding = (nowMs: number): boolean => {
    if (nowMs - windowStart >= WINDOW_MS) {
      const closedOver = arrivals > limits.floodRate;
      const next = nowMs - windowStart < 2 * WINDOW_MS;
      if (!(closedOver && next)) overSince = undefined;
      windowStart += Math.floor((nowMs - windowStart) / WINDOW_MS) * WINDOW_MS;
      arrivals = 0;
    }
    arrivals++;
    if (arrivals > limits.floodRate) overSince ??= windowStart;
    return overSince !== undefined && nowMs - overSince >= limits.floodMs;
  };

  const admits = (name: CappedClass, nowMs: number): boolean => {
    const state = classes[name];
    if (state.dry) {
      if (state.bucket.available(nowMs) < state.cap.resume) return false;
      state.dry = false;
    }
    if (state.bucket.take(nowMs)) return true;
    state.dry = true;
    return false;
  };

  return {
    offer(event, nowMs) {
      if (flooding(nowMs)) return 'flood';
      const name = feedClass(event);
      if (name === 'end' || admits(name, nowMs)) return 'admit';
      dropped[name]++;
      lastDropAt = nowMs;
      return 'drop';
    },
    dropped,
    dropping: (nowMs) => nowMs - lastDropAt < WINDOW_MS,
  };
}
