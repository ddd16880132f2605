import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { EMPTY_FACTS, addEvent, metGoals } from '../../src/lib/goals.ts';
import { parseLab } from '../../src/lib/lab-schema.ts';

const lab = parseLab('demo', {
  title: { en: 'Demo', ko: '데모' },
  summary: { en: 'Demo.', ko: '데모.' },
  goals: [
    { id: 'remote-video', title: { en: 'Remote video', ko: '원격 비디오' }, check: { kind: 'video-frames', element: 'video#remote', minFrames: 5 } },
    { id: 'open', title: { en: 'Open', ko: '열림' }, check: { kind: 'datachannel-open' } },
    { id: 'hello', title: { en: 'Hello', ko: '안녕' }, check: { kind: 'datachannel-message', text: 'hello' } },
    { id: 'connected', title: { en: 'Connected', ko: '연결됨' }, check: { kind: 'connection-state', state: 'connected' } },
  ],
});

const fold = (events: FeedEvent[]) => events.reduce(addEvent, EMPTY_FACTS);

describe('goals from the feed', () => {
  it('meets nothing on an empty feed', () => {
    expect(metGoals(lab.goals, EMPTY_FACTS)).toEqual(new Set());
  });

  it('needs frames on the named video, not any video', () => {
    const local = fold([{ type: 'video-frames', element: 'video#local', frames: 100, width: 640, height: 480 }]);
    expect(metGoals(lab.goals, local).has('remote-video')).toBe(false);
    const remote = addEvent(local, { type: 'video-frames', element: 'video#remote', frames: 5, width: 640, height: 480 });
    expect(metGoals(lab.goals, remote).has('remote-video')).toBe(true);
  });

  it('needs the exact text for a message goal', () => {
    const facts = fold([
      { type: 'dc-state', dc: 'dc1', value: 'open' },
      { type: 'dc-message', dc: 'dc1', direction: 'out', bytes: 5, text: 'hello', messages: 1, totalBytes: 5 },
      { type: 'dc-message', dc: 'dc2', direction: 'in', bytes: 4, text: 'hell', messages: 1, totalBytes: 4 },
    ]);
    expect(metGoals(lab.goals, facts)).toEqual(new Set(['open']));
    const later = addEvent(facts, { type: 'dc-message', dc: 'dc2', direction: 'in', bytes: 5, text: 'hello', messages: 2, totalBytes: 9 });
    expect(metGoals(lab.goals, later)).toEqual(new Set(['open', 'hello']));
  });

  it('keeps a goal met after the state moves on', () => {
    const connected = fold([{ type: 'pc-state', pc: 'pc1', which: 'connectionState', value: 'connected' }]);
    const met = metGoals(lab.goals, connected);
    const closed = addEvent(connected, { type: 'pc-state', pc: 'pc1', which: 'connectionState', value: 'closed' });
    expect(metGoals(lab.goals, closed, met).has('connected')).toBe(true);
  });
});
