/**
 * When a page's link to the broker reconnects, what status it shows, and whether the partner
 * counts as present. Pure rules over times passed in, so the runtime link only applies them.
 */

export const LINK_TIMING = {
  /** PeerServer drops a peer silent for its alive_timeout (150 s here); PeerJS sends every 5 s too. */
  heartbeatMs: 5000,
  /**
   * `here` to the partner this often. Its main work is to fail: a `here` to a partner whose
   * socket is gone waits the broker's 5 s expiry and comes back as EXPIRE, so a partner that
   * vanished without `bye` shows as gone within about 9 s.
   */
  hereMs: 3000,
  /**
   * A partner still connected but silent this long counts as gone. Long on purpose: a hidden
   * partner tab's timers may wake only once a minute (Chrome's intensive throttling), and the
   * quick ways to learn of a departure are `bye` and EXPIRE, which need no timer on its side.
   */
  presenceTimeoutMs: 75_000,
  /** Failing to reach the broker this long (since the last connection) shows as offline. */
  offlineAfterMs: 30_000,
  /** A socket that neither opened nor was refused by then is given up and retried. */
  connectTimeoutMs: 10_000,
  /**
   * At most 2 s between attempts: a broker back after an outage of any length is found within
   * 2 s, so the pages say "connected" within the 5 s the pairing test holds them to (with an 8 s
   * cap, CI once took 5.4 s on a busy machine; with 3 s, 6.4 s on a slow day, load average 20 on
   * two cores). A classroom of 500 tabs retrying every 2 s is 250 small requests a second, which
   * a broker answers with a refused connection while it is down and a handshake once it is back.
   */
  backoff: { firstMs: 500, maxMs: 2000, jitter: 0.5 },
} as const;

export interface BackoffSchedule {
  readonly firstMs: number;
  readonly maxMs: number;
  /** Share of each delay taken off at random, so a classroom does not reconnect in lockstep. */
  readonly jitter: number;
}

/**
 * The wait before reconnect attempt `attempt` (0 for the first after a loss): `firstMs`
 * doubling up to `maxMs`, less up to `jitter` of it. Never above the schedule, so a broker
 * that is back is found within one undiminished delay.
 */
export function reconnectDelayMs(attempt: number, random: () => number, schedule: BackoffSchedule = LINK_TIMING.backoff): number {
  // 2^30 already exceeds any cap; clamping keeps a long outage's attempt count from overflowing.
  const base = Math.min(schedule.maxMs, schedule.firstMs * 2 ** Math.min(Math.max(0, attempt), 30));
  const draw = Math.min(1, Math.max(0, random()));
  return Math.round(base * (1 - schedule.jitter * draw));
}

export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'room-full';

export interface LinkState {
  /** Another tab holds this page's id: final, the link stops trying. */
  readonly roomFull: boolean;
  /** The current socket holds the id. */
  readonly connected: boolean;
  /** The link held its id at some point since it was opened. */
  readonly everConnected: boolean;
  /** When the current run of failures began (the loss, or the first attempt); null while connected. */
  readonly failingSinceMs: number | null;
}

/*
 * navigator.onLine is not consulted: it says whether the machine has a network, and a site on
 * `localhost` works without one (a laptop on a train; the tests' loopback-only namespace, where
 * Chromium reports false). Only failing to reach the broker itself counts.
 */

export function linkStatus(state: LinkState, nowMs: number, offlineAfterMs: number = LINK_TIMING.offlineAfterMs): LinkStatus {
  if (state.roomFull) return 'room-full';
  if (state.connected) return 'connected';
  if (state.failingSinceMs !== null && nowMs - state.failingSinceMs >= offlineAfterMs) return 'offline';
  return state.everConnected ? 'reconnecting' : 'connecting';
}

/*
 * The partner as this page knows it is one number: when it last heard from the partner's page
 * (`heardAtMs`), or null before that and once the partner said `bye` or the broker reported it
 * gone (EXPIRE, LEAVE).
 */

export function partnerPresent(heardAtMs: number | null, nowMs: number, timeoutMs: number = LINK_TIMING.presenceTimeoutMs): boolean {
  return heardAtMs !== null && nowMs - heardAtMs < timeoutMs;
}

/** When partnerPresent turns false with no news, or null when it already is false. */
export function presenceDeadline(heardAtMs: number | null, timeoutMs: number = LINK_TIMING.presenceTimeoutMs): number | null {
  return heardAtMs === null ? null : heardAtMs + timeoutMs;
}

/**
 * After this page's own link was down: the partner was not silent, this page was deaf, so its
 * silence counts from now. A partner who left meanwhile is reported by the EXPIRE of the
 * `hello` sent on reconnecting, within seconds, rather than by a guess made while deaf.
 */
export function presenceResumed(heardAtMs: number | null, nowMs: number): number | null {
  return heardAtMs === null ? null : Math.max(heardAtMs, nowMs);
}
