import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { createFeedGate, feedClass, GATE_LIMITS, type GateLimits, type GateVerdict } from '../../src/lib/feed-gate.ts';

const line = (at = 0): FeedEvent => ({ type: 'console', at, level: 'log', args: [{ t: 'string', v: 'x' }] });
const error = (at = 0): FeedEvent => ({ type: 'error', at, phase: 'runtime', message: 'Error: x' });
const stats = (at = 0): FeedEvent => ({ type: 'pc-closed', at, pc: 'pc1' });
const done: FeedEvent = { type: 'done', at: 0 };
const stopped: FeedEvent = { type: 'stopped', at: 0 };

/** Small numbers, so each rule shows in a few events. */
const SMALL: GateLimits = {
  caps: {
    console: { burst: 5, perSecond: 10, resume: 3 },
    error: { burst: 2, perSecond: 1, resume: 1 },
    observer: { burst: 4, perSecond: 4, resume: 2 },
  },
  floodRate: 20,
  floodMs: 3000,
};

/** Offers `count` events evenly over `[from, from + spanMs)`; returns the verdicts. */
function offerSpread(gate: ReturnType<typeof createFeedGate>, make: (at: number) => FeedEvent, count: number, from: number, spanMs: number): GateVerdict[] {
  return Array.from({ length: count }, (_, i) => {
    const at = from + (i * spanMs) / count;
    return gate.offer(make(at), at);
  });
}

const tally = (verdicts: readonly GateVerdict[]) => ({
  admit: verdicts.filter((v) => v === 'admit').length,
  drop: verdicts.filter((v) => v === 'drop').length,
  flood: verdicts.filter((v) => v === 'flood').length,
});

describe('feed gate', () => {
  it('sorts events into console, error, end and everything the observer reports', () => {
    expect([line(), error(), done, stopped, stats()].map(feedClass)).toEqual(['console', 'error', 'end', 'end', 'observer']);
  });

  it('lets a burst of console lines through whole, then drops and counts the rest', () => {
    const gate = createFeedGate(0, SMALL);
    const verdicts = Array.from({ length: 8 }, () => gate.offer(line(), 0));
    expect(verdicts).toEqual(['admit', 'admit', 'admit', 'admit', 'admit', 'drop', 'drop', 'drop']);
    expect(gate.dropped.console).toBe(3);
  });

  it('keeps a dry class closed until it has gathered `resume` tokens, so lines pass in runs', () => {
    const gate = createFeedGate(0, SMALL);
    for (let i = 0; i < 6; i++) gate.offer(line(), 0); // burst spent, now dry
    // 10 a second: one token at 100 ms, not yet the 3 to resume.
    expect(gate.offer(line(), 100)).toBe('drop');
    expect(gate.offer(line(), 250)).toBe('drop');
    // 3 tokens at 300 ms (the drops took none): a run of three passes, then dry again.
    expect([300, 300, 300, 300].map((at) => gate.offer(line(), at))).toEqual(['admit', 'admit', 'admit', 'drop']);
  });

  it('gives errors their own cap: a console flood never hides an error', () => {
    const gate = createFeedGate(0, SMALL);
    for (let i = 0; i < 50; i++) gate.offer(line(), 0);
    expect(gate.offer(error(), 0)).toBe('admit');
    expect(gate.offer(error(), 0)).toBe('admit');
    expect(gate.offer(error(), 0)).toBe('drop');
    expect(gate.dropped).toMatchObject({ console: 45, error: 1 });
  });

  it('never drops the end of a run', () => {
    const gate = createFeedGate(0, SMALL);
    for (let i = 0; i < 19; i++) gate.offer(line(), 0);
    expect(gate.offer(done, 0)).toBe('admit');
    expect(gate.offer(stopped, 0)).toBe('admit');
  });

  it('caps what the observer reports separately and generously', () => {
    const gate = createFeedGate(0, SMALL);
    for (let i = 0; i < 10; i++) gate.offer(line(), 0);
    expect(tally(Array.from({ length: 6 }, () => gate.offer(stats(), 0)))).toEqual({ admit: 4, drop: 2, flood: 0 });
  });

  it('ends a run that floods past the rate for the whole flood time, and not before', () => {
    const gate = createFeedGate(0, SMALL);
    // 40 a second, twice the flood rate, for 2.9 s: capped, not ended.
    expect(tally(offerSpread(gate, line, 116, 0, 2900)).flood).toBe(0);
    // Into the fourth second: three whole seconds flooded.
    const verdicts = offerSpread(gate, line, 8, 2900, 200);
    expect(verdicts.indexOf('flood')).toBeGreaterThan(0);
    expect(verdicts.slice(verdicts.indexOf('flood')).every((v) => v === 'flood')).toBe(true);
  });

  it('forgives a single burst, however large, followed by quiet', () => {
    const gate = createFeedGate(0, GATE_LIMITS);
    // 10,000 lines within half a second (the loop guard ends a synchronous loop within 1 s).
    const burst = tally(offerSpread(gate, line, 10_000, 0, 500));
    expect(burst.flood).toBe(0);
    expect(burst.admit).toBeGreaterThanOrEqual(GATE_LIMITS.caps.console.burst);
    expect(burst.admit).toBeLessThan(GATE_LIMITS.caps.console.burst + GATE_LIMITS.caps.console.resume);
    // Then a lab's ordinary traffic: a stats event a second, for a minute.
    const after = tally(offerSpread(gate, stats, 60, 600, 60_000));
    expect(after).toEqual({ admit: 60, drop: 0, flood: 0 });
  });

  it('forgives a flood with a quiet second inside it', () => {
    const gate = createFeedGate(0, SMALL);
    expect(tally(offerSpread(gate, line, 80, 0, 2000)).flood).toBe(0); // two flooded seconds
    expect(tally(offerSpread(gate, line, 5, 2000, 1000)).flood).toBe(0); // a quiet one
    expect(tally(offerSpread(gate, line, 80, 3000, 2000)).flood).toBe(0); // two more
  });

  it('forgives a flood followed by a silence, and lets lines through again after it', () => {
    const gate = createFeedGate(0, SMALL);
    expect(tally(offerSpread(gate, line, 60, 0, 1000)).drop).toBeGreaterThan(0);
    // The flooded second is not followed by another: the next one, whenever it comes, starts afresh.
    expect(gate.offer(line(), 3500)).toBe('admit');
    expect(tally(offerSpread(gate, line, 20, 3500, 1000)).flood).toBe(0);
  });

  it('says it is dropping for a second after its last drop', () => {
    const gate = createFeedGate(0, SMALL);
    expect(gate.dropping(0)).toBe(false);
    for (let i = 0; i < 6; i++) gate.offer(line(), 100);
    expect(gate.dropping(100)).toBe(true);
    expect(gate.dropping(1099)).toBe(true);
    expect(gate.dropping(1100)).toBe(false);
  });

  it('lets a steady lab through untouched for good: a line every 20 ms and stats every second', () => {
    const gate = createFeedGate(0, GATE_LIMITS);
    const verdicts: GateVerdict[] = [];
    for (let at = 0; at < 120_000; at += 20) {
      verdicts.push(gate.offer(line(at), at));
      if (at % 1000 === 0) verdicts.push(gate.offer(stats(at), at));
    }
    expect(tally(verdicts)).toEqual({ admit: verdicts.length, drop: 0, flood: 0 });
  });
});
