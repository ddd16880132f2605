/**
 * TURN relay cost for `npm run bench`: two RTCPeerConnections in one Chromium page, joined
 * directly (host candidates on loopback, no servers) and through the local coturn (relay-only,
 * UDP to coturn, a fresh credential per connection). Measured alike for both, alternating so
 * load drift hits both:
 * - gathering: setLocalDescription() → the first candidate of the kind that will be used
 *   (host for direct, relay for relayed: the TURN allocation, 401 round trip included);
 * - setup: setLocalDescription() → the data channel open at both ends;
 * - throughput: a binary payload in 64 KiB messages with bufferedamountlow backpressure, the
 *   first send() → the last byte received, one clock (the page's).
 * The first connection of each kind is a warm-up and is left out. Every wait is bounded, in the
 * page and here, and fails loudly with what it was waiting for: the bench must never hang.
 */
import type { Browser, Page } from 'playwright-core';
import { percentile } from './broker-load.ts';

export interface RelayServer {
  readonly url: string;
  /** Fresh TURN REST credentials for each connection (they expire). */
  mint(): { username: string; credential: string };
}

export interface RelayRun {
  readonly gatherMs: number;
  readonly setupMs: number;
  readonly mibps: number;
  /** The selected pair, as `local ↔ remote` candidate types (proves the route). */
  readonly pair: string;
}

export interface RelayFigures {
  readonly sizeMiB: number;
  readonly runs: number;
  /** Medians of the measured runs. */
  readonly direct: { readonly gatherMs: number; readonly setupMs: number; readonly mibps: number };
  readonly relay: { readonly gatherMs: number; readonly setupMs: number; readonly mibps: number };
  readonly directSamples: readonly RelayRun[];
  readonly relaySamples: readonly RelayRun[];
}

/** One connection plus one transfer, in the page; `deadlineMs` bounds every wait inside it. */
interface PageJob {
  readonly config: RTCConfiguration;
  readonly wantType: 'host' | 'relay';
  readonly bytes: number;
  readonly deadlineMs: number;
}

/** Runs inside the page (serialised by playwright: no imports, no closures over this module). */
async function connectAndSend(job: PageJob): Promise<RelayRun> {
  const bounded = <T>(what: string, promise: Promise<T>): Promise<T> =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`in-page timeout after ${job.deadlineMs} ms: ${what}`)), job.deadlineMs))]);
  const a = new RTCPeerConnection(job.config);
  const b = new RTCPeerConnection(job.config);
  try {
    const errors: string[] = [];
    for (const pc of [a, b]) pc.addEventListener('icecandidateerror', (e) => errors.push(`${e.errorCode} ${e.errorText} ${e.url}`));
    let firstCandidate: number | undefined;
    a.addEventListener('icecandidate', ({ candidate }) => {
      if (candidate && candidate.type === job.wantType) firstCandidate ??= performance.now();
      void b.addIceCandidate(candidate);
    });
    b.addEventListener('icecandidate', ({ candidate }) => void a.addIceCandidate(candidate));
    const dc = a.createDataChannel('bench');
    dc.binaryType = 'arraybuffer';
    const remote = new Promise<RTCDataChannel>((resolve) => b.addEventListener('datachannel', ({ channel }) => resolve(channel)));
    const opened = new Promise<void>((resolve) => dc.addEventListener('open', () => resolve(), { once: true }));
    const started = performance.now();
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription!);
    const why = (): string => `(a ${a.connectionState}, b ${b.connectionState}; candidate errors: ${errors.join('; ') || 'none'})`;
    const channel = await bounded(`the data channel to open ${why()}`, Promise.all([opened, remote]).then(([, channel]) => channel));
    const setupMs = performance.now() - started;
    if (firstCandidate === undefined) throw new Error(`connected without a ${job.wantType} candidate ${why()}`);

    const stats = await a.getStats();
    let pair = '?';
    stats.forEach((s) => {
      if (s.type === 'transport' && s.selectedCandidatePairId) {
        const selected = stats.get(s.selectedCandidatePairId);
        pair = `${stats.get(selected.localCandidateId).candidateType} ↔ ${stats.get(selected.remoteCandidateId).candidateType}`;
      }
    });

    channel.binaryType = 'arraybuffer';
    let received = 0;
    const arrived = new Promise<number>((resolve) =>
      channel.addEventListener('message', ({ data }) => {
        received += (data as ArrayBuffer).byteLength;
        if (received >= job.bytes) resolve(performance.now());
      }),
    );
    const payload = new Uint8Array(job.bytes);
    for (let at = 0; at < payload.length; at += 65536) crypto.getRandomValues(payload.subarray(at, at + 65536));
    dc.bufferedAmountLowThreshold = 256 * 1024;
    const sendStart = performance.now();
    for (let at = 0; at < payload.length; at += 65536) {
      if (dc.bufferedAmount > 1024 * 1024) {
        await bounded(`bufferedamountlow at ${at} bytes sent ${why()}`, new Promise((resolve) => dc.addEventListener('bufferedamountlow', resolve, { once: true })));
      }
      dc.send(payload.subarray(at, at + 65536));
    }
    const doneAt = await bounded(`the last byte (${received}/${job.bytes} received) ${why()}`, arrived);
    return { gatherMs: firstCandidate - started, setupMs, mibps: job.bytes / 1048576 / ((doneAt - sendStart) / 1000), pair };
  } finally {
    a.close();
    b.close();
  }
}

/** Rejects, naming the wait, if `promise` has not settled in `ms`: the outer guard, should the page itself stall. */
function deadline<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench turn: timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export async function measureTurnRelay(options: { browser: Browser; siteUrl: string; server: RelayServer; sizeMiB: number; runs: number; timeoutMs?: number }): Promise<RelayFigures> {
  const { browser, siteUrl, server, sizeMiB, runs } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const page: Page = await deadline('a new page', timeoutMs, browser.newPage());
  try {
    await page.goto(`${siteUrl}/`, { timeout: timeoutMs });
    const once = async (kind: 'direct' | 'relay'): Promise<RelayRun> => {
      const config: RTCConfiguration =
        kind === 'direct' ? { iceServers: [] } : { iceServers: [{ urls: server.url, ...server.mint() }], iceTransportPolicy: 'relay' };
      const job: PageJob = { config, wantType: kind === 'direct' ? 'host' : 'relay', bytes: sizeMiB * 1048576, deadlineMs: timeoutMs };
      // The outer bound leaves the page's own timeout room to report first, with its reason.
      const run = await deadline(`a ${kind} connection and ${sizeMiB} MiB`, timeoutMs * 3, page.evaluate(connectAndSend, job));
      const expected = kind === 'direct' ? 'host ↔ host' : 'relay ↔ relay';
      if (run.pair !== expected) throw new Error(`bench turn: the ${kind} connection used ${run.pair}, not ${expected}`);
      return run;
    };
    // Warm-up: the first connection and transfer in a fresh page are slower (shared/NOTES.md).
    await once('direct');
    await once('relay');
    const directSamples: RelayRun[] = [];
    const relaySamples: RelayRun[] = [];
    for (let run = 0; run < runs; run++) {
      directSamples.push(await once('direct'));
      relaySamples.push(await once('relay'));
    }
    const medians = (samples: readonly RelayRun[]) => ({
      gatherMs: percentile(samples.map((s) => s.gatherMs), 50),
      setupMs: percentile(samples.map((s) => s.setupMs), 50),
      mibps: percentile(samples.map((s) => s.mibps), 50),
    });
    return { sizeMiB, runs, direct: medians(directSamples), relay: medians(relaySamples), directSamples, relaySamples };
  } finally {
    await deadline('closing the page', timeoutMs, page.close()).catch((error: unknown) => console.error(String(error)));
  }
}
