/**
 * One run as the lesson page sees it: the frame (runner-bridge), this run's feed, and the goal
 * board judging it. Goals that need time to pass (an error handled for a second, a bitrate held
 * for five) are judged on a tick as well as on every event, on the frame's clock.
 *
 * Every event passes the page's gate first (src/lib/feed-gate.ts): a flood of lines is capped,
 * and a frame that keeps flooding is removed here, at once, without asking it.
 */
import type { FeedEvent } from '../lib/feed.ts';
import { createFeedGate, type FeedGate } from '../lib/feed-gate.ts';
import type { Goal } from '../lib/goal-checks.ts';
import { createGoalBoard, type GoalBoard } from '../lib/goals/goal-board.ts';
import { startRun, type PendingFrame, type RunHandle, type RunOptions } from './runner-bridge.ts';

const TICK_MS = 250;

export interface SessionOptions extends RunOptions {
  readonly goals: readonly Goal[];
  onGoals(met: ReadonlySet<string>): void;
  /** The gate dropped this event: it reached neither the feed nor the goals. */
  onDropped(event: FeedEvent): void;
  /** The frame flooded the page for too long and has been removed; the run is over. */
  onFlood(): void;
  /** A frame already loading for this run (made on Run's approach), if any. */
  readonly standby?: PendingFrame | null;
}

export class RunSession {
  readonly #board: GoalBoard;
  readonly #handle: RunHandle;
  readonly #options: SessionOptions;
  readonly #gate: FeedGate;
  #flooded = false;
  #tick: ReturnType<typeof setInterval> | undefined;
  /** Page time minus frame time, learned from the first event, to estimate the frame's clock between events. */
  #offset: number | undefined;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#board = createGoalBoard(options.goals);
    this.#gate = createFeedGate(performance.now());
    this.#handle = startRun({ ...options, onEvent: (event) => this.#receive(event) }, options.standby ?? undefined);
    this.#tick = setInterval(() => this.#judge(), TICK_MS);
  }

  get frame(): HTMLIFrameElement {
    return this.#handle.frame;
  }

  #receive(event: FeedEvent): void {
    // Messages the frame posted before it was removed may still arrive.
    if (this.#flooded) return;
    const verdict = this.#gate.offer(event, performance.now());
    if (verdict === 'flood') {
      this.#flood();
      return;
    }
    if (verdict === 'drop') {
      this.#options.onDropped(event);
      return;
    }
    this.#offset ??= performance.now() - event.at;
    this.#options.onEvent(event);
    const before = this.#board.met;
    this.#board.add(event);
    // Painting the goals on every event would be a DOM write per line of a flood.
    if (!sameIds(before, this.#board.met)) this.#options.onGoals(this.#board.met);
  }

  #flood(): void {
    this.#flooded = true;
    clearInterval(this.#tick);
    this.#tick = undefined;
    // Gone from the page first, so stopping neither asks it nor waits for it; stopping then
    // closes the channel, and what the frame had queued on it is never delivered.
    this.#handle.frame.remove();
    void this.#handle.stop();
    this.#options.onFlood();
  }

  #judge(): void {
    if (this.#offset === undefined) return;
    const before = this.#board.met;
    const met = this.#board.judge(performance.now() - this.#offset);
    if (!sameIds(before, met)) this.#options.onGoals(met);
  }

  /** Ends the run: the frame releases what it holds and goes; the goals keep their last state. */
  async stop(): Promise<void> {
    clearInterval(this.#tick);
    this.#tick = undefined;
    // A frame in a flood would answer Stop only behind everything it has queued: remove it
    // without asking (that ends its tracks and connections too), and stopping closes its channel.
    if (this.#gate.dropping(performance.now())) this.#handle.frame.remove();
    await this.#handle.stop();
    this.#judge();
  }
}

const sameIds = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((id) => b.has(id));
