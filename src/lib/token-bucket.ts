/**
 * A token bucket: `capacity` tokens at most, refilled continuously at `refillPerSecond`.
 * Time is passed in (milliseconds) so the limiter is deterministic under test.
 */
export interface TokenBucketOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export interface TokenBucket {
  /** Takes `cost` tokens if there are that many; says whether it could. */
  take(nowMs: number, cost?: number): boolean;
  /** Tokens available at `nowMs` (fractional). */
  available(nowMs: number): number;
}

export function createTokenBucket(options: TokenBucketOptions, startMs: number): TokenBucket {
  const { capacity, refillPerSecond } = options;
  if (!(capacity > 0) || !(refillPerSecond >= 0)) {
    throw new RangeError(`token bucket needs capacity > 0 and refill >= 0, got ${capacity}/${refillPerSecond}`);
  }
  let tokens = capacity;
  let last = startMs;

  const refill = (nowMs: number): void => {
    // A clock that steps backwards (NTP) must not mint or burn tokens.
    const elapsed = Math.max(0, nowMs - last);
    tokens = Math.min(capacity, tokens + (elapsed / 1000) * refillPerSecond);
    last = Math.max(last, nowMs);
  };

  return {
    take(nowMs, cost = 1) {
      refill(nowMs);
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
    available(nowMs) {
      refill(nowMs);
      return tokens;
    },
  };
}
