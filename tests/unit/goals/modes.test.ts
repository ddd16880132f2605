/** Modes and run boundaries: when "once met, stays met" would lie. */
import { describe, expect, it } from 'vitest';
import { createGoalBoard } from '../../../src/lib/goals/goal-board.ts';
import { at, goals, metAfter, stats } from './feed-builder.ts';

const capped = goals({ check: { kind: 'outbound-bitrate', media: 'video', maxBps: 300_000 }, mode: 'throughout', windowMs: 5000 });
/** A pc-stats report every second with `kbps` of video sent over the last second. */
function sending(kbpsBySecond: readonly number[]) {
  let bytes = 0;
  return kbpsBySecond.map((kbps, second) => {
    bytes += (kbps * 1000) / 8;
    return at(second * 1000, { type: 'pc-stats', pc: 'pc1', stats: stats({ timestamp: 1_700_000_000_000 + second * 1000, videoBytesSent: bytes }) });
  });
}

describe('throughout a window', () => {
  it('is met when the cap held for the whole window', () => {
    expect(metAfter(capped, sending([0, 250, 240, 260, 250, 255, 250, 245]))).toEqual(new Set(['g0']));
  });

  it('is not met when the cap held for less than the window', () => {
    expect(metAfter(capped, sending([0, 250, 240, 260, 250]))).toEqual(new Set());
  });

  it('starts the window again after a break', () => {
    // 4 s under, one second over, 4 s under: never 5 s without a break.
    expect(metAfter(capped, sending([0, 250, 250, 250, 250, 900, 250, 250, 250, 250]))).toEqual(new Set());
  });

  it('does not pass a cap by sending nothing', () => {
    expect(metAfter(capped, sending([0, 0, 0, 0, 0, 0, 0, 0, 0]))).toEqual(new Set());
  });
});

describe('at the end', () => {
  const closedAtEnd = goals({ check: { kind: 'connection-state', state: 'closed' }, mode: 'at-end' });
  const connectedAtEnd = goals({ check: { kind: 'connection-state', state: 'connected' }, mode: 'at-end' });
  const state = (ms: number, value: string) => at(ms, { type: 'pc-state', pc: 'pc1', which: 'connectionState', value });

  it('follows the latest state', () => {
    const feed = [state(10, 'connecting'), state(50, 'connected'), state(900, 'closed')];
    expect(metAfter(closedAtEnd, feed)).toEqual(new Set(['g0']));
    expect(metAfter(connectedAtEnd, feed)).toEqual(new Set());
  });
});

describe('eventually', () => {
  it('stays met after the condition stops holding', () => {
    const connected = goals({ check: { kind: 'connection-state', state: 'connected' } });
    const feed = [at(50, { type: 'pc-state', pc: 'pc1', which: 'connectionState', value: 'connected' }), at(900, { type: 'pc-state', pc: 'pc1', which: 'connectionState', value: 'closed' })];
    expect(metAfter(connected, feed)).toEqual(new Set(['g0']));
  });

  it('starts unmet on every new board (every Run)', () => {
    const open = goals({ check: { kind: 'datachannel-open' } });
    const first = createGoalBoard(open);
    first.add(at(5, { type: 'dc-state', dc: 'dc1', value: 'open', id: 1 }));
    expect(first.met).toEqual(new Set(['g0']));
    expect(createGoalBoard(open).judge(10_000)).toEqual(new Set());
  });
});

describe('partner goals', () => {
  const partnerSees = goals({ check: { kind: 'video-frames', element: 'video#remote' }, of: 'partner' });
  const frames = at(800, { type: 'video-frames', element: 'video#remote', frames: 40, width: 640, height: 480 });

  it('are judged on the partner feed only', () => {
    expect(metAfter(partnerSees, [frames])).toEqual(new Set());
    expect(metAfter(partnerSees, [['partner', frames]])).toEqual(new Set(['g0']));
  });
});

describe('the schema', () => {
  it('refuses a window on a goal that is not "throughout"', () => {
    expect(() => goals({ check: { kind: 'datachannel-open' }, windowMs: 100 })).toThrow(/windowMs/);
  });

  it('refuses an unknown kind, naming the field', () => {
    expect(() => goals({ check: { kind: 'frames-maybe' } })).toThrow(/goals\.0\.check/);
  });
});
