import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LINK_TIMING,
  linkStatus,
  partnerPresent,
  presenceDeadline,
  presenceResumed,
  reconnectDelayMs,
  type LinkState,
} from '../../src/lib/pairing/link-policy.ts';

describe('reconnect backoff', () => {
  it('starts at half a second and doubles to two, with no jitter drawn', () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((attempt) => reconnectDelayMs(attempt, none))).toEqual([500, 1000, 2000, 2000, 2000, 2000, 2000, 2000]);
  });

  it('takes at most half of each delay off at random, never adding to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, draw) => {
        const full = reconnectDelayMs(attempt, () => 0);
        const delay = reconnectDelayMs(attempt, () => draw);
        expect(delay).toBeLessThanOrEqual(full);
        expect(delay).toBeGreaterThanOrEqual(full / 2);
      }),
    );
    expect(reconnectDelayMs(0, () => 1)).toBe(250);
  });

  it('survives odd inputs: a negative attempt, a random outside [0, 1]', () => {
    expect(reconnectDelayMs(-3, () => 0)).toBe(500);
    expect(reconnectDelayMs(0, () => 7)).toBe(250);
    expect(reconnectDelayMs(0, () => -1)).toBe(500);
  });

  it('tries three times in the first 3.5 s after a loss, so a broker restarted at once is found within 5 s', () => {
    const at = [0, 1, 2].reduce<number[]>((times, attempt) => [...times, (times.at(-1) ?? 0) + reconnectDelayMs(attempt, () => 0)], []);
    expect(at).toEqual([500, 1500, 3500]);
  });
});

describe('link status', () => {
  const base: LinkState = { roomFull: false, connected: false, everConnected: false, failingSinceMs: 0 };

  it('is connecting until the id is first held, then reconnecting after a loss', () => {
    expect(linkStatus(base, 1000)).toBe('connecting');
    expect(linkStatus({ ...base, connected: true, everConnected: true, failingSinceMs: null }, 1000)).toBe('connected');
    expect(linkStatus({ ...base, everConnected: true }, 1000)).toBe('reconnecting');
  });

  it('is offline after thirty seconds of failures, or at once when the browser says so', () => {
    expect(linkStatus({ ...base, everConnected: true }, LINK_TIMING.offlineAfterMs - 1)).toBe('reconnecting');
    expect(linkStatus({ ...base, everConnected: true }, LINK_TIMING.offlineAfterMs)).toBe('offline');
    expect(linkStatus(base, LINK_TIMING.offlineAfterMs)).toBe('offline');
  });

  it('says connected while the socket holds the id, even if the browser claims to be offline', () => {
    // A socket on this machine or the LAN can outlive navigator.onLine; the socket knows better.
    expect(linkStatus({ ...base, connected: true, failingSinceMs: null }, 0)).toBe('connected');
  });

  it('says room full above everything else', () => {
    expect(linkStatus({ ...base, roomFull: true }, 10 ** 9)).toBe('room-full');
  });
});

describe('partner presence', () => {
  const timeout = LINK_TIMING.presenceTimeoutMs;

  it('holds for the timeout after the partner was last heard, and not before it was heard', () => {
    expect(partnerPresent(null, 0)).toBe(false);
    expect(partnerPresent(1000, 1000)).toBe(true);
    expect(partnerPresent(1000, 1000 + timeout - 1)).toBe(true);
    expect(partnerPresent(1000, 1000 + timeout)).toBe(false);
    expect(presenceDeadline(1000)).toBe(1000 + timeout);
    expect(presenceDeadline(null)).toBeNull();
  });

  it('outlasts a hidden tab whose timers wake once a minute', () => {
    expect(timeout).toBeGreaterThan(60_000 + LINK_TIMING.hereMs);
  });

  it('counts silence from the reconnection after this page was deaf', () => {
    expect(presenceResumed(1000, 500_000)).toBe(500_000);
    expect(partnerPresent(presenceResumed(1000, 500_000), 500_000 + 1000)).toBe(true);
    expect(presenceResumed(null, 500_000)).toBeNull();
    expect(presenceResumed(9000, 5000)).toBe(9000);
  });
});
