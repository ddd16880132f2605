/**
 * Bounds what PeerServer queues for ids that are not connected. PeerServer keeps every message
 * to an absent id for its expire timeout, with no cap of its own: one sender within every rate
 * limit could still park thousands of messages per second across made-up ids. Counted here,
 * per destination and in total, over the same expiry window. Time is passed in, for tests.
 */
export interface AbsentQueueLimits {
  readonly perDestination: number;
  readonly total: number;
  /** PeerServer's expire_timeout: a queued message is gone after this. */
  readonly expireMs: number;
}

export interface AbsentQueue {
  /** Counts a message for `dst` and says whether it fits. */
  tryQueue(dst: string, nowMs: number): boolean;
  /** `dst` connected: PeerServer hands it its queue, which is then empty. */
  delivered(dst: string): void;
  size(nowMs: number): number;
}

export function createAbsentQueue(limits: AbsentQueueLimits): AbsentQueue {
  /** Enqueue times per destination, oldest first. */
  const queued = new Map<string, number[]>();
  let total = 0;

  const expire = (nowMs: number): void => {
    for (const [dst, times] of queued) {
      let drop = 0;
      while (drop < times.length && nowMs - times[drop]! >= limits.expireMs) drop += 1;
      if (drop === 0) continue;
      total -= drop;
      if (drop === times.length) queued.delete(dst);
      else times.splice(0, drop);
    }
  };

  return {
    tryQueue(dst, nowMs) {
      expire(nowMs);
      const times = queued.get(dst) ?? [];
      if (times.length >= limits.perDestination || total >= limits.total) return false;
      times.push(nowMs);
      queued.set(dst, times);
      total += 1;
      return true;
    },
    delivered(dst) {
      total -= queued.get(dst)?.length ?? 0;
      queued.delete(dst);
    },
    size(nowMs) {
      expire(nowMs);
      return total;
    },
  };
}
