/**
 * How long to wait before the next attempt to reach the broker: half a second, doubling to
 * eight, each wait shortened by up to a quarter at random so that a room's tabs, cut off by
 * the same restart, do not all knock at the same instant.
 */
export const BACKOFF = { firstMs: 500, maxMs: 8000, jitter: 0.25 } as const;

/** The wait before attempt `attempt` (0 for the first retry); `random` in [0, 1). */
export function backoffDelay(attempt: number, random: number): number {
  const base = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 - BACKOFF.jitter * random));
}
