import { describe, expect, it } from 'vitest';
import { alternate, combineRounds, type Round } from '../../bench/broker-rounds.ts';

const round = (p50: number, extra: Partial<Round> = {}): Round => ({
  connected: 100,
  falseDisconnects: 0,
  relayed: 10,
  lost: 0,
  latenciesMs: [1, 2],
  connectTimesMs: [p50, p50 * 3],
  cpuMs: 1000,
  rssBytes: 1,
  ...extra,
});

describe('the broker comparison over rounds', () => {
  it('gives each figure as the median of the rounds with its spread, and adds up what must be zero', () => {
    const combined = combineRounds([round(5), round(9, { falseDisconnects: 1, connected: 98 }), round(6, { lost: 2 })]);
    expect(combined.connectP50Ms).toEqual({ median: 6, low: 5, high: 9 });
    expect(combined.connectP99Ms).toEqual({ median: 18, low: 15, high: 27 });
    expect(combined.falseDisconnects).toBe(1);
    expect(combined.lost).toBe(2);
    expect(combined.relayed).toBe(30);
    expect(combined.connected).toBe(98);
  });

  it('pools every relay of every round for the latency percentiles', () => {
    const slow = Array.from({ length: 100 }, (_, i) => (i < 98 ? 1 : 50));
    const combined = combineRounds([round(5, { latenciesMs: slow }), round(5, { latenciesMs: Array(100).fill(1) })]);
    // Two slow relays in 200: the pooled p99 (the 198th) is fast, while one round alone has 50.
    expect(combined.latencyPooled).toEqual({ p50Ms: 1, p99Ms: 1 });
    const heavier = combineRounds([round(5, { latenciesMs: slow }), round(5, { latenciesMs: slow })]);
    expect(heavier.latencyPooled.p99Ms).toBe(50);
    expect(combined.connectPooled).toEqual({ p50Ms: 5, p99Ms: 15 });
  });

  it('alternates which broker goes first', async () => {
    const order: string[] = [];
    await alternate(3, async (kind) => (order.push(kind), round(1)));
    expect(order).toEqual(['lab', 'standalone', 'standalone', 'lab', 'lab', 'standalone']);
  });
});
