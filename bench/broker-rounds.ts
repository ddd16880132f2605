/**
 * The broker comparison over several rounds, ours and the standalone PeerServer alternating
 * (which goes first alternates too), so a change in the machine's load falls on both: each
 * figure is the median of the rounds, with the spread (lowest–highest) beside it.
 */
import { percentile, type LoadResult } from './broker-load.ts';

export interface ServerStats {
  readonly cpuMs: number;
  readonly rssBytes: number;
}

export type Round = LoadResult & ServerStats;

/** A figure over the rounds: its median, lowest and highest. */
export interface Spread {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export interface Pooled {
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface Combined {
  readonly rounds: number;
  /** The fewest peers connected in any round. */
  readonly connected: number;
  readonly falseDisconnects: number;
  readonly relayed: number;
  readonly lost: number;
  readonly connectP50Ms: Spread;
  readonly connectP99Ms: Spread;
  readonly latencyP50Ms: Spread;
  readonly latencyP99Ms: Spread;
  /** Percentiles of every relay of every round together: steadier than the median of per-round p99s. */
  readonly latencyPooled: Pooled;
  /** The same for every handshake of every round. */
  readonly connectPooled: Pooled;
  readonly cpuMs: Spread;
  readonly rssBytes: Spread;
}

const spread = (values: readonly number[]): Spread => ({ median: percentile(values, 50), low: Math.min(...values), high: Math.max(...values) });
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

type Figure = { [K in keyof Round]: Round[K] extends number ? K : never }[keyof Round];

export function combineRounds(rounds: readonly Round[]): Combined {
  const of = (key: Figure): number[] => rounds.map((round) => round[key]);
  const each = (times: (round: Round) => readonly number[], p: number): number[] => rounds.map((round) => percentile(times(round), p));
  const handshakes = (round: Round) => round.connectTimesMs;
  const relays = (round: Round) => round.latenciesMs;
  const pool = (values: readonly number[]): Pooled => ({ p50Ms: percentile(values, 50), p99Ms: percentile(values, 99) });
  return {
    rounds: rounds.length,
    connected: Math.min(...of('connected')),
    falseDisconnects: sum(of('falseDisconnects')),
    relayed: sum(of('relayed')),
    lost: sum(of('lost')),
    connectP50Ms: spread(each(handshakes, 50)),
    connectP99Ms: spread(each(handshakes, 99)),
    latencyP50Ms: spread(each(relays, 50)),
    latencyP99Ms: spread(each(relays, 99)),
    latencyPooled: pool(rounds.flatMap(relays)),
    connectPooled: pool(rounds.flatMap(handshakes)),
    cpuMs: spread(of('cpuMs')),
    rssBytes: spread(of('rssBytes')),
  };
}

/** Runs `rounds` rounds of both kinds, alternating which goes first. */
export async function alternate(rounds: number, run: (kind: 'lab' | 'standalone') => Promise<Round>): Promise<{ lab: Combined; standalone: Combined }> {
  const results = { lab: [] as Round[], standalone: [] as Round[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['lab', 'standalone'] as const) : (['standalone', 'lab'] as const);
    for (const kind of order) results[kind].push(await run(kind));
  }
  return { lab: combineRounds(results.lab), standalone: combineRounds(results.standalone) };
}
