/**
 * One run as the lesson page sees it: the frame (runner-bridge), this run's feed, and the goal
 * board judging it. Goals that need time to pass (an error handled for a second, a bitrate held
 * for five) are judged on a tick as well as on every event, on the frame's clock.
 */
import type { FeedEvent } from '../lib/feed.ts';
import type { Goal } from '../lib/goal-checks.ts';
import { createGoalBoard, type GoalBoard } from '../lib/goals/goal-board.ts';
import { startRun, type RunHandle, type RunOptions } from './runner-bridge.ts';

const TICK_MS = 250;

export interface SessionOptions extends RunOptions {
  readonly goals: readonly Goal[];
  onGoals(met: ReadonlySet<string>): void;
}

export class RunSession {
  readonly #board: GoalBoard;
  readonly #handle: RunHandle;
  readonly #options: SessionOptions;
  #tick: ReturnType<typeof setInterval> | undefined;
  /** Page time minus frame time, learned from the first event, to estimate the frame's clock between events. */
  #offset: number | undefined;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#board = createGoalBoard(options.goals);
    this.#handle = startRun({ ...options, onEvent: (event) => this.#receive(event) });
    this.#tick = setInterval(() => this.#judge(), TICK_MS);
  }

  get frame(): HTMLIFrameElement {
    return this.#handle.frame;
  }

  #receive(event: FeedEvent): void {
    this.#offset ??= performance.now() - event.at;
    this.#options.onEvent(event);
    this.#board.add(event);
    this.#options.onGoals(this.#board.met);
  }

  #judge(): void {
    if (this.#offset === undefined) return;
    const before = this.#board.met;
    const met = this.#board.judge(performance.now() - this.#offset);
    if (met.size !== before.size || [...met].some((id) => !before.has(id))) this.#options.onGoals(met);
  }

  /** Ends the run: the frame releases what it holds and goes; the goals keep their last state. */
  async stop(): Promise<void> {
    clearInterval(this.#tick);
    this.#tick = undefined;
    await this.#handle.stop();
    this.#judge();
  }
}
