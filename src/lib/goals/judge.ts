/**
 * What every goal kind's judge looks like. A judge folds the feed's events as they come and
 * says whether its condition holds at a moment; modes (eventually, throughout, at-end) are
 * applied on top by the board, so a judge only answers "does it hold now?".
 */
import type { FeedEvent } from '../feed.ts';
import type { GoalCheck, GoalKind } from '../goal-checks.ts';

/** Whose feed an event came from: this tab's, or the partner tab's in a pairing lab. */
export type FeedOrigin = 'self' | 'partner';

export interface Judge {
  add(event: FeedEvent, from: FeedOrigin): void;
  /** Whether the condition holds at `now` (ms since the run started, the feed's clock). */
  holds(now: number): boolean;
}

/** `of` is the side whose doing the goal is about; cross-tab kinds also read the other side. */
export type JudgeFactory<K extends GoalKind> = (check: Extract<GoalCheck, { kind: K }>, of: FeedOrigin) => Judge;

export type JudgeTable = { readonly [K in GoalKind]: JudgeFactory<K> };

/** Object ids are per tab (both tabs have a pc1): qualify them by origin. */
export const key = (from: FeedOrigin, id: string): string => `${from}:${id}`;
