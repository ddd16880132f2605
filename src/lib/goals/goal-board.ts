/**
 * Goals judged from a lab's feed alone: the same events the console shows and the tests read,
 * so a goal is met exactly when the learner could see that it happened. One board per run:
 * met goals reset at every Run.
 *
 * Modes: `eventually` stays met once its condition held; `throughout` needs the condition to
 * hold without a break for its window (a cap that was only respected for an instant, or by
 * sending nothing, does not pass); `at-end` follows the condition, so the run's last state decides.
 */
import type { FeedEvent, FeedWatch } from '../feed.ts';
// Types only: the schema's module brings zod, which the page's lab code has no use for.
import type { Goal, GoalCheck, GoalKind } from '../goal-checks.ts';
import { channelJudges } from './channel-judges.ts';
import { connectionJudges } from './connection-judges.ts';
import type { FeedOrigin, Judge, JudgeFactory, JudgeTable } from './judge.ts';
import { mediaJudges } from './media-judges.ts';

export type { FeedOrigin } from './judge.ts';

/** How long a `throughout` goal must hold when its lab gives no window. */
export const DEFAULT_WINDOW_MS = 5000;

const JUDGES: JudgeTable = { ...mediaJudges, ...channelJudges, ...connectionJudges };

function judgeFor(check: GoalCheck, of: FeedOrigin): Judge {
  // The table is keyed by kind, so the factory found is the one for this check's own type.
  const factory = JUDGES[check.kind] as JudgeFactory<GoalKind>;
  return factory(check as never, of);
}

interface Tracked {
  readonly goal: Goal;
  readonly judge: Judge;
  met: boolean;
  heldSince: number | undefined;
}

export interface GoalBoard {
  /** Folds one event of this tab's feed (or, in a pairing lab, the partner's) and judges at its time. */
  add(event: FeedEvent, from?: FeedOrigin): void;
  /** Judges every goal at `now` (ms since the run started) and returns the ids met. */
  judge(now: number): ReadonlySet<string>;
  /** The ids met at the last judgement. */
  readonly met: ReadonlySet<string>;
}

export function createGoalBoard(goals: readonly Goal[]): GoalBoard {
  const tracked: Tracked[] = goals.map((goal) => ({ goal, judge: judgeFor(goal.check, goal.of), met: false, heldSince: undefined }));
  let met = new Set<string>();
  let latest = 0;

  function judge(now: number): ReadonlySet<string> {
    latest = Math.max(latest, now);
    for (const entry of tracked) {
      const { goal } = entry;
      if (goal.mode === 'eventually') {
        entry.met ||= entry.judge.holds(latest);
      } else if (goal.mode === 'at-end') {
        entry.met = entry.judge.holds(latest);
      } else if (!entry.met) {
        if (entry.judge.holds(latest)) {
          entry.heldSince ??= latest;
          entry.met = latest - entry.heldSince >= (goal.windowMs ?? DEFAULT_WINDOW_MS);
        } else {
          entry.heldSince = undefined;
        }
      }
    }
    met = new Set(tracked.filter((entry) => entry.met).map((entry) => entry.goal.id));
    return met;
  }

  return {
    add(event, from = 'self') {
      for (const entry of tracked) entry.judge.add(event, from);
      // A partner's clock is not ours: its events are judged at our latest time.
      judge(from === 'self' ? event.at : latest);
    },
    judge,
    get met() {
      return met;
    },
  };
}

/** What the frame must sample for these goals (elements and canvases the feed cannot see otherwise). */
export function watchOf(goals: readonly Goal[]): FeedWatch {
  const values = new Set<string>();
  const canvases = new Set<string>();
  for (const { check } of goals) {
    if (check.kind === 'element-value-moves') values.add(check.element);
    if (check.kind === 'canvas-image') canvases.add(check.element);
  }
  return { values: [...values], canvases: [...canvases] };
}
