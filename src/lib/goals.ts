/**
 * Goal checks, evaluated from the lab's feed alone: the same events the Inspector shows and
 * the tests read, so a goal is met exactly when the learner could see that it happened.
 */
import type { FeedEvent } from './feed.ts';
import type { Goal, GoalCheck } from './lab-schema.ts';

export interface FeedFacts {
  readonly videoFrames: ReadonlyMap<string, number>;
  readonly channelsOpened: number;
  readonly messagesIn: readonly string[];
  readonly messagesInCount: number;
  readonly connectionStates: ReadonlySet<string>;
}

export const EMPTY_FACTS: FeedFacts = {
  videoFrames: new Map(),
  channelsOpened: 0,
  messagesIn: [],
  messagesInCount: 0,
  connectionStates: new Set(),
};

/** Folds one event into the facts goals are judged on (returns the same object when nothing changed). */
export function addEvent(facts: FeedFacts, event: FeedEvent): FeedFacts {
  switch (event.type) {
    case 'video-frames': {
      const frames = new Map(facts.videoFrames);
      frames.set(event.element, Math.max(event.frames, frames.get(event.element) ?? 0));
      return { ...facts, videoFrames: frames };
    }
    case 'dc-state':
      return event.value === 'open' ? { ...facts, channelsOpened: facts.channelsOpened + 1 } : facts;
    case 'dc-message':
      if (event.direction !== 'in') return facts;
      return {
        ...facts,
        messagesInCount: event.messages,
        // The observer coalesces bursts and carries the latest text; keep a bounded history.
        messagesIn: event.text === undefined ? facts.messagesIn : [...facts.messagesIn, event.text].slice(-100),
      };
    case 'pc-state':
      return event.which === 'connectionState' ? { ...facts, connectionStates: new Set([...facts.connectionStates, event.value]) } : facts;
    default:
      return facts;
  }
}

export function isMet(check: GoalCheck, facts: FeedFacts): boolean {
  switch (check.kind) {
    case 'video-frames':
      return [...facts.videoFrames].some(([element, frames]) => (!check.element || element.startsWith(check.element)) && frames >= check.minFrames);
    case 'datachannel-open':
      return facts.channelsOpened > 0;
    case 'datachannel-message':
      return check.text === undefined ? facts.messagesInCount > 0 : facts.messagesIn.includes(check.text);
    case 'connection-state':
      return facts.connectionStates.has(check.state);
  }
}

/** Ids of the goals met so far. Goals once met stay met for the run (a call may end later). */
export function metGoals(goals: readonly Goal[], facts: FeedFacts, alreadyMet: ReadonlySet<string> = new Set()): Set<string> {
  const met = new Set(alreadyMet);
  for (const goal of goals) if (isMet(goal.check, facts)) met.add(goal.id);
  return met;
}
