/**
 * A slow link for the bench. Its rate is set on the namespace's loopback with a token bucket
 * (tc tbf), so it paces every byte between the browser and the servers, the editor's workers'
 * downloads included: Chromium's own emulation, set on a page, does not reach what a dedicated
 * worker fetches, and the editor's megabyte of TypeScript worker would arrive at loopback speed.
 * The round trip is added by Chromium's emulation on the page (this kernel has no netem), so
 * the workers' one request each does not pay it. Only inside the bench's own network namespace:
 * never on a machine's real `lo`.
 */
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';

export interface Link {
  readonly name: string;
  /** Round-trip time added to each of the page's requests, ms. */
  readonly rttMs: number;
  /** Megabits per second, both directions together; 0: unlimited. */
  readonly mbps: number;
}

export const LINKS: readonly Link[] = [
  { name: 'loopback', rttMs: 0, mbps: 0 },
  { name: '10 Mbit/s, 40 ms', rttMs: 40, mbps: 10 },
  { name: '1.6 Mbit/s, 150 ms', rttMs: 150, mbps: 1.6 },
];

const run = (command: string, args: readonly string[]): void => {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
};

/** Runs `work` with the link's rate on loopback; the namespace's `lo` is itself again afterwards. */
export async function onLink<T>(link: Link, isolated: boolean, work: () => Promise<T>): Promise<T> {
  if (link.mbps === 0) return work();
  if (!isolated) throw new Error(`bench: the link "${link.name}" paces the network namespace's lo, and this run is not isolated`);
  // An Ethernet-sized MTU, so a small bucket paces packets as a real link would (lo's 64 KiB
  // packets would each need a 64 KiB burst).
  run('ip', ['link', 'set', 'lo', 'mtu', '1500']);
  run('tc', ['qdisc', 'replace', 'dev', 'lo', 'root', 'tbf', 'rate', `${link.mbps * 1000}kbit`, 'burst', '16kb', 'limit', '1mb']);
  try {
    return await work();
  } finally {
    run('tc', ['qdisc', 'del', 'dev', 'lo', 'root']);
    run('ip', ['link', 'set', 'lo', 'mtu', '65536']);
  }
}

/** Adds the link's round trip to every request the page makes. */
export async function addRoundTrip(context: BrowserContext, page: Page, link: Link): Promise<void> {
  if (link.rttMs === 0) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: link.rttMs, downloadThroughput: -1, uploadThroughput: -1 });
}
