/**
 * Counts open connections per key (a client IP) and refuses the one over the cap.
 * Keys whose count returns to zero are forgotten, so the map cannot grow without bound.
 */
export interface ConnectionCounter {
  tryAcquire(key: string): boolean;
  release(key: string): void;
  count(key: string): number;
  /** Number of distinct keys holding at least one connection. */
  readonly size: number;
}

export function createConnectionCounter(limitPerKey: number): ConnectionCounter {
  if (!Number.isInteger(limitPerKey) || limitPerKey < 1) {
    throw new RangeError(`connection cap must be a positive integer, got ${limitPerKey}`);
  }
  const counts = new Map<string, number>();
  return {
    tryAcquire(key) {
      const current = counts.get(key) ?? 0;
      if (current >= limitPerKey) return false;
      counts.set(key, current + 1);
      return true;
    },
    release(key) {
      const current = counts.get(key) ?? 0;
      if (current <= 1) counts.delete(key);
      else counts.set(key, current - 1);
    },
    count(key) {
      return counts.get(key) ?? 0;
    },
    get size() {
      return counts.size;
    },
  };
}
