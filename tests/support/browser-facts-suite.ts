/**
 * The browser facts, run in one browser: each probe in a fresh page of the site, compared with
 * what the lessons say this browser does. Also checks that the recorded getStats() report the
 * stats summary is unit-tested on still has this browser's shape (RECORD_STATS=1 re-records it),
 * and that the SDP explainer explains every line of this browser's session descriptions
 * (RECORD_SDP=1 records them as the unit tests' fixtures).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSER_FACTS, type BrowserFact, type BrowserName } from './browser-facts.ts';
import { probeSource } from './browser-probes.ts';
import { explainSdp } from '../../src/lib/sdp-explain.ts';
import { patient } from './patience.ts';

export interface ProbePage {
  evaluate(source: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Opens a fresh page (with no media permission yet) for a fact, at `url`. */
export type OpenPage = (fact: BrowserFact | null, url: string) => Promise<ProbePage>;

const STATS_FIXTURES: Readonly<Record<BrowserName, string>> = {
  chromium: 'stats-chromium-156.json',
  firefox: 'stats-firefox-153.json',
};

const SDP_FIXTURES: Readonly<Record<BrowserName, string>> = {
  chromium: 'sdp-chromium-156.json',
  firefox: 'sdp-firefox-153.json',
};

/** What the 'sdp-samples' probe returns, and the SDP fixtures hold. */
export interface RecordedSdps {
  browser: string;
  call: SdpPair;
  dataOnly: SdpPair;
  callGathered: SdpPair;
  dataOnlyGathered: SdpPair;
}
type SdpPair = { offer: string; answer: string };

/** Each line of these descriptions that the explainer has no words for, named by where it stands. */
export function unexplainedLines(recorded: RecordedSdps): string[] {
  const pairs = { call: recorded.call, dataOnly: recorded.dataOnly, callGathered: recorded.callGathered, dataOnlyGathered: recorded.dataOnlyGathered };
  return Object.entries(pairs).flatMap(([name, pair]) =>
    (['offer', 'answer'] as const).flatMap((type) =>
      explainSdp(pair[type])
        .filter((entry) => entry.explanation === null)
        .map((entry) => `${name}.${type}: ${entry.line}`),
    ),
  );
}

type Report = ReadonlyArray<Readonly<Record<string, unknown>>>;
interface RecordedStats {
  sender: Report;
  receiver: Report;
  dataOnly: Report;
}

/** What the stats summary relies on, and browsers differ in. */
function statsShape(recorded: RecordedStats): Record<string, boolean> {
  const all = [...recorded.sender, ...recorded.receiver, ...recorded.dataOnly];
  const of = (type: string): Report => all.filter((s) => s['type'] === type);
  return {
    transportNamesPair: of('transport').every((s) => typeof s['selectedCandidatePairId'] === 'string'),
    transportCountsBytes: of('transport').some((s) => typeof s['bytesSent'] === 'number'),
    pairMarkedSelected: of('candidate-pair').some((s) => s['selected'] === true),
    pairHasRoundTrip: of('candidate-pair').some((s) => typeof s['currentRoundTripTime'] === 'number'),
    videoCountsFramesSent: of('outbound-rtp').some((s) => s['kind'] === 'video' && typeof s['framesSent'] === 'number'),
  };
}

/**
 * The address the test namespace puts on lo besides 127.0.0.1 (scripts/isolate.ts): a page served
 * there over plain http is what a phone sees at http://192.168.x.x, not a secure context.
 */
const LAN_LIKE_ADDRESS = '10.99.0.1';

/** A plain-http page at a non-loopback address, for the facts about insecure contexts. */
function useInsecureOrigin(): () => string {
  let server: Server | undefined;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>insecure origin</title><p>A plain-http page at a LAN-like address.</p>');
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', (error) => reject(new Error(`cannot listen on ${LAN_LIKE_ADDRESS}: run the tests with npm test, which adds it to lo in its namespace`, { cause: error })));
      server!.listen(0, LAN_LIKE_ADDRESS, resolve);
    });
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return () => `http://${LAN_LIKE_ADDRESS}:${(server!.address() as AddressInfo).port}/`;
}

/**
 * A STUN server that never answers: it reads every request and drops it. A fixed port where
 * nothing listens would do the same until something else on the machine happens to bind it.
 */
function useSilentStunServer(): () => number {
  let socket: Socket | undefined;
  beforeAll(async () => {
    socket = createSocket('udp4');
    socket.on('message', () => {});
    await new Promise<void>((resolve) => socket!.bind(0, '127.0.0.1', resolve));
  });
  afterAll(() => socket?.close());
  return () => socket!.address().port;
}

/**
 * `concurrent`: run the probes side by side (Chromium: one waits 40 s for a STUN server that never
 * answers). Firefox ESR 153 over BiDi failed to create a page while others were being closed
 * (DiscardedBrowsingContextError), so its probes run one after another.
 */
export function browserFactTests(browser: BrowserName, open: OpenPage, { concurrent }: { concurrent: boolean }): void {
  const home = (): string => inject('baseUrl') + '/';
  const insecure = useInsecureOrigin();
  const silentStunPort = useSilentStunServer();

  (concurrent ? describe.concurrent : describe)(`what the lessons say ${browser} does`, () => {
    for (const fact of BROWSER_FACTS) {
      if (!(browser in fact.expect)) continue;
      it(`${fact.probe}${fact.at === 'insecure-origin' ? ' (plain http, LAN-like address)' : ''}: ${fact.said[0]?.en ?? ''}`, { timeout: patient(fact.timeoutMs ?? 30_000) }, async () => {
        const page = await open(fact, fact.at === 'insecure-origin' ? insecure() : home());
        try {
          expect(await page.evaluate(probeSource(fact.probe, { silentStunPort: silentStunPort() }))).toEqual(fact.expect[browser]);
        } finally {
          await page.close();
        }
      });
    }

    it(`its getStats() report still has the shape recorded in ${STATS_FIXTURES[browser]}`, async () => {
      const fixture = new URL(`../unit/fixtures/${STATS_FIXTURES[browser]}`, import.meta.url);
      const page = await open(null, home());
      const live = (await page.evaluate(probeSource('stats-reports'))) as RecordedStats & { browser: string };
      await page.close();
      const recorded = JSON.parse(readFileSync(fixture, 'utf8')) as RecordedStats;
      if (process.env['RECORD_STATS'] === '1') writeFileSync(fixture, JSON.stringify({ ...recorded, ...live }, null, 1) + '\n');
      else expect(statsShape(live)).toEqual(statsShape(recorded));
    });

    it(`explains every line of its session descriptions (recorded in ${SDP_FIXTURES[browser]})`, async () => {
      const page = await open(null, home());
      const live = (await page.evaluate(probeSource('sdp-samples'))) as RecordedSdps;
      await page.close();
      if (process.env['RECORD_SDP'] === '1') writeFileSync(new URL(`../unit/fixtures/${SDP_FIXTURES[browser]}`, import.meta.url), JSON.stringify(live, null, 1) + '\n');
      // A browser that starts writing a new kind of line fails here until the explainer knows it.
      expect(unexplainedLines(live)).toEqual([]);
    });
  });
}
