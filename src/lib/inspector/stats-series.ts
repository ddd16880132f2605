/**
 * One point of the Inspector's charts from two successive getStats summaries: rates are the
 * difference of two cumulative counts over the interval the browser measured (the reports'
 * own timestamps), never over the page's clock, which a busy page stretches.
 */
import type { StatsSummary } from '../feed.ts';

export interface StatsPoint {
  /** Seconds since the run started (the frame's clock), the charts' x axis. */
  readonly t: number;
  /** kbit/s, null for the first report (a rate needs two). */
  readonly kbpsIn: number | null;
  readonly kbpsOut: number | null;
  readonly fpsIn: number | null;
  readonly fpsOut: number | null;
  /** Milliseconds. */
  readonly rttMs: number | null;
  readonly jitterMs: number | null;
  /** Cumulative, as the browser counts them. */
  readonly lostIn: number;
  readonly lostOut: number;
  readonly audioIn: number | null;
  readonly audioOut: number | null;
}

/** kbit/s between two byte counts `ms` apart; null when there is no interval, or the count went back (a new transport). */
function kbps(before: number, after: number, ms: number): number | null {
  if (!(ms > 0) || after < before) return null;
  return ((after - before) * 8) / ms;
}

const ms = (seconds: number | null): number | null => (seconds === null ? null : seconds * 1000);

/** The `??`s below are for summaries recorded before those fields existed (the feed fixtures). */
export function statsPoint(previous: StatsSummary | null, current: StatsSummary, at: number): StatsPoint {
  const interval = previous ? current.timestamp - previous.timestamp : 0;
  return {
    t: at / 1000,
    kbpsIn: previous ? kbps(previous.bytesReceived, current.bytesReceived, interval) : null,
    kbpsOut: previous ? kbps(previous.bytesSent, current.bytesSent, interval) : null,
    fpsIn: current.framesPerSecondIn ?? null,
    fpsOut: current.framesPerSecondOut ?? null,
    rttMs: ms(current.roundTripTime),
    jitterMs: ms(current.jitterIn ?? null),
    lostIn: current.packetsLostIn ?? 0,
    lostOut: current.packetsLostOut ?? 0,
    audioIn: current.audioLevelIn ?? null,
    audioOut: current.audioLevelOut ?? null,
  };
}
