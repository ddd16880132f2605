/**
 * `npm run bench`: measured figures, each beside a baseline measured in the same run.
 * Loopback only, inside a network namespace where the runner can make one; every loop is
 * bounded in count and time. Prints a table and writes bench/results/<time>.json.
 *
 *   BENCH_PEERS (1000)  BENCH_HOLD_MS (100000: each broker's total, split over the rounds)
 *   BENCH_BROKER_ROUNDS (5)  BENCH_RATE (100 messages/s)  BENCH_LAB_RUNS (7)
 *   BENCH_CALL_RUNS (5)  BENCH_TRANSFER_MIB (32)  BENCH_TRANSFER_RUNS (3)  BENCH_TURN_MIB (8)  BENCH_TURN_RUNS (5)
 *   BENCH_COLD_RUNS (5)  BENCH_RUN_RUNS (15: the cold Run rows)  BENCH_LIGHTHOUSE_RUNS (3)  BENCH_INSPECTOR_RUNS (4)
 *   BENCH_CLASS_LEARNERS (500)  BENCH_CLASS_HOLD_MS (180000: each topology's hold)
 *   BENCH_ONLY (a comma list of parts: broker, classroom, labs, cold, calls, inspector, transfer, turn, lighthouse; all when unset)
 *   BENCH_DEADLINE_MIN (30): the whole run's limit; past it the bench says where it was and exits 2
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeIsolation, isolateNetwork } from './isolate.ts';
import { ensureBuilt } from './build.ts';
import { DIST, ROOT } from './build-state.ts';
import { pageWeight } from './page-weight.ts';
import { heaviestLessons, listPages } from '../tests/support/site-files.ts';
import { percentile, runBrokerLoad } from '../bench/broker-load.ts';
import { alternate, type Combined, type Round, type ServerStats, type Spread } from '../bench/broker-rounds.ts';
import { measureCallSetup, type CallSetupTimings } from '../bench/call-setup.ts';
import { measureInspectorCost, type InspectorCost } from '../bench/inspector-cost.ts';
import { measureLab, type LabTimings } from '../bench/editor-and-run.ts';
import { startBareBaseline } from '../bench/bare-baseline.ts';
import { measureColdLinks, type ColdFigures, type RunFromReading } from '../bench/cold-links.ts';
import { countServedBytes } from '../bench/served-bytes.ts';
import { measureFileTransfer, type TransferFigures } from '../bench/file-transfer.ts';
import { measureTurnRelay, type RelayFigures } from '../bench/turn-relay.ts';
import { measureLighthouse, type LighthousePage } from '../bench/lighthouse.ts';
import { startLocalTurn, turnNotice } from '../src/server/coturn.ts';
import { readServerConfig } from '../src/server/config.ts';
import { startSiteServer } from '../src/server/site-server.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { measureClassroom, type ClassroomFigures } from '../bench/classroom-part.ts';
import { classroomRows } from '../bench/classroom-rows.ts';
import { pageWithLab } from '../tests/support/labs.ts';

const isolation = isolateNetwork();
console.log(describeIsolation(isolation));
await ensureBuilt();

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const PEERS = env('BENCH_PEERS', 1000);
const BROKER_ROUNDS = env('BENCH_BROKER_ROUNDS', 5);
const HOLD_MS = env('BENCH_HOLD_MS', 100_000);
const RATE = env('BENCH_RATE', 100);
const LAB_RUNS = env('BENCH_LAB_RUNS', 7);
const CALL_RUNS = env('BENCH_CALL_RUNS', 5);
const TRANSFER_MIB = env('BENCH_TRANSFER_MIB', 32);
const TRANSFER_RUNS = env('BENCH_TRANSFER_RUNS', 3);
const TURN_MIB = env('BENCH_TURN_MIB', 8);
const TURN_RUNS = env('BENCH_TURN_RUNS', 5);
// The Edit rows: several seconds a run on the slow link.
const COLD_RUNS = env('BENCH_COLD_RUNS', 5);
// The cold Run rows take a second a run, and one build's median of five moved by 20 ms between
// runs (a third of the bare frame's time): fifteen, each side interleaved.
const RUN_RUNS = env('BENCH_RUN_RUNS', 15);
const INSPECTOR_RUNS = env('BENCH_INSPECTOR_RUNS', 4);
const LIGHTHOUSE_RUNS = env('BENCH_LIGHTHOUSE_RUNS', 3);
const CLASS_LEARNERS = env('BENCH_CLASS_LEARNERS', 500);
const CLASS_HOLD_MS = env('BENCH_CLASS_HOLD_MS', 180_000);
const PARTS = ['broker', 'classroom', 'labs', 'cold', 'calls', 'inspector', 'transfer', 'turn', 'lighthouse'] as const;
const only = process.env['BENCH_ONLY']?.split(',').map((part) => part.trim());
const unknownPart = only?.find((part) => !(PARTS as readonly string[]).includes(part));
if (unknownPart) throw new Error(`BENCH_ONLY: no part "${unknownPart}" (parts: ${PARTS.join(', ')})`);
const wants = (part: (typeof PARTS)[number]): boolean => !only || only.includes(part);

// A stalled browser wait once kept this bench silent for two hours: past the deadline it
// names the part it was in and exits, whatever it was waiting for.
let stage = 'start-up';
const DEADLINE_MIN = env('BENCH_DEADLINE_MIN', 30);
setTimeout(() => {
  console.error(`bench: still running after ${DEADLINE_MIN} min, in "${stage}": aborting (BENCH_DEADLINE_MIN raises the limit)`);
  process.exit(2);
}, DEADLINE_MIN * 60_000).unref();

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number): string => `${value.toFixed(2)} ms`;
const ratio = (ours: number, base: number): string => (base > 0 ? `${(ours / base).toFixed(2)}×` : 'n/a');

// --- Reading-page weight -------------------------------------------------------------
// The JS budget test's own measure (gzip -9 on disk); what is served is in the cold rows.
const weights = listPages().map((page) => ({ page, ...pageWeight(page) }));
const heaviestJs = weights.reduce((a, b) => (b.jsGz > a.jsGz ? b : a));
/** First visits weighed as served: the home pages, a lab lesson, and the heaviest lesson per language (as first-visit.test.ts picks them). */
const heaviest = heaviestLessons();
const longestLessons = [heaviest.en, heaviest.ko];
const weighedPages = ['/', '/ko/', '/start/how-labs-work/', ...longestLessons];

// --- Broker under load, ours vs the standalone PeerServer, alternating over rounds ----
async function brokerRun(kind: 'lab' | 'standalone', peers = PEERS, holdMs = HOLD_MS): Promise<Round> {
  const child: ChildProcess = fork(path.join(ROOT, 'bench/broker-server.ts'), [kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${kind} broker exited with ${code}`)));
  });
  try {
    const load = { port, heartbeatMs: 5000 /* PeerJS's pingInterval */, messagesPerSecond: RATE, peersPerAddress: 20 /* under the per-address cap, as a crowd of real learners would be */, origin: `http://localhost:${port}` };
    // Each broker process is new: warm its handshake and relay paths (JIT) alike for both kinds,
    // so the rows compare each broker's steady cost, not which one compiles its code faster.
    await runBrokerLoad({ ...load, peers: Math.min(peers, 300), holdMs: 1000, idPrefix: 'warm' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.send('reset');
    console.log(`broker load: ${kind}, ${peers} peers, ${holdMs / 1000} s, ${RATE} OFFER/s…`);
    const measured = await runBrokerLoad({ ...load, peers, holdMs });
    const stats = await new Promise<ServerStats>((resolve) => {
      child.once('message', (m) => resolve(m as ServerStats));
      child.send('stats');
    });
    return { ...measured, ...stats };
  } finally {
    child.kill();
  }
}

let broker: { lab: Combined; standalone: Combined } | null = null;
if (wants('broker')) {
  stage = 'broker';
  // The load generator shares this process: warm its JIT first so neither broker pays for it.
  await brokerRun('standalone', 200, 2000);
  broker = await alternate(BROKER_ROUNDS, (kind) => brokerRun(kind, PEERS, HOLD_MS / BROKER_ROUNDS));
}

// --- A classroom: one box, then three broker shards behind HAProxy ---------------------
let classroom: ClassroomFigures | null = null;
if (wants('classroom')) {
  stage = 'classroom';
  classroom = await measureClassroom(
    // PeerJS heartbeats every 5 s; a room renegotiates (an ICE restart, a track added) every 30 s.
    { learners: CLASS_LEARNERS, holdMs: CLASS_HOLD_MS, arriving: 50, turnShare: 0.1, heartbeatMs: 5000, renegotiateMs: 30_000 },
    ROOT,
    (line) => console.log(line),
  );
}

// --- Labs: editor and first run, and call setup, against baselines ----------------------
let labs: LabTimings | null = null;
let coldFigures: ColdFigures | null = null;
let calls: CallSetupTimings | null = null;
let inspector: InspectorCost | null = null;
let transfer: TransferFigures | null = null;
let relay: RelayFigures | null = null;
let lighthouse: LighthousePage[] | null = null;
if (wants('labs') || wants('cold') || wants('calls') || wants('inspector') || wants('transfer') || wants('turn') || wants('lighthouse')) {
  // The local coturn only for the TURN row, as `npm start` runs it; the site server stops it.
  const turn = wants('turn') ? await startLocalTurn({ ttlSeconds: 600 }) : ({ running: false, reason: 'disabled' } as const);
  if (wants('turn') && !turn.running) throw new Error(`bench turn: ${turnNotice(turn, { withSite: false })}`);
  const labSite = await startSiteServer({ distDir: DIST, config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }), log: () => {}, turn });
  const browser = await launchChromium('browser');
  const siteUrl = `http://localhost:${labSite.port}`;
  const siteServed = countServedBytes(labSite.server);
  const bare = wants('labs') || wants('cold') ? await startBareBaseline(ROOT) : null;
  try {
    if (bare && wants('labs')) {
      stage = 'labs';
      console.log(`labs: click → editor ready and Run → first console line, ${LAB_RUNS} warm runs each…`);
      labs = await measureLab({ browser, siteUrl, bareUrl: bare.url, runs: LAB_RUNS });
    }
    if (bare && wants('cold')) {
      stage = 'cold';
      console.log(`cold: first visits as served; Edit → editor ready on emulated links; Run from a reading page; ${COLD_RUNS} runs each (Run: ${RUN_RUNS}), empty cache…`);
      coldFigures = await measureColdLinks({ browser, site: { url: siteUrl, served: siteServed }, bare, isolated: isolation === 'isolated', runs: COLD_RUNS, runRuns: RUN_RUNS, pages: weighedPages });
    }
    if (wants('calls')) {
      stage = 'calls';
      console.log(`calls: Run → first remote frame, through the broker and in one page, ${CALL_RUNS} warm runs each…`);
      calls = await measureCallSetup({ browser, siteUrl, runs: CALL_RUNS, pagePaths: { paired: pageWithLab('video-call'), onePage: pageWithLab('one-page-call') } });
    }
    if (wants('inspector')) {
      stage = 'inspector';
      console.log(`inspector: the one-page call with the Inspector open vs closed, Run → first remote frame and the browser's CPU, ${INSPECTOR_RUNS} runs each…`);
      inspector = await measureInspectorCost({ browser, siteUrl, runs: INSPECTOR_RUNS, pagePath: pageWithLab('one-page-call') });
    }
    if (wants('transfer')) {
      stage = 'transfer';
      console.log(`file transfer: ${TRANSFER_MIB} MiB, chat-and-files lab vs a raw channel, 1 warm-up transfer each (not counted), then ${TRANSFER_RUNS} runs each, alternating…`);
      transfer = await measureFileTransfer({ browser, siteUrl, sizeMiB: TRANSFER_MIB, runs: TRANSFER_RUNS });
      const mibps = (value: number): string => `${value.toFixed(1)} MiB/s`;
      console.log(`file transfer runs: lab ${transfer.labSamples.map(mibps).join(', ')}; raw ${transfer.rawSamples.map(mibps).join(', ')}`);
    }
    if (wants('turn') && turn.running) {
      stage = 'turn';
      const url = turn.turn.urls.find((each) => each.endsWith('?transport=udp'));
      if (!url) throw new Error(`bench turn: no UDP URL among ${turn.turn.urls.join(' ')}`);
      console.log(`turn: one page, two peer connections, direct vs relay-only through the local coturn (${url}), ${TURN_MIB} MiB each, 1 warm-up each, then ${TURN_RUNS} runs each, alternating…`);
      relay = await measureTurnRelay({ browser, siteUrl, server: { url, mint: () => turn.turn.mint() }, sizeMiB: TURN_MIB, runs: TURN_RUNS });
      const show = (samples: RelayFigures['directSamples']) => samples.map((s) => `${s.gatherMs.toFixed(1)}/${s.setupMs.toFixed(1)} ms ${s.mibps.toFixed(1)} MiB/s`).join(', ');
      console.log(`turn runs (first candidate / channel open, throughput): direct ${show(relay.directSamples)}; relay ${show(relay.relaySamples)}`);
    }
    if (wants('lighthouse')) {
      stage = 'lighthouse';
      // Issue 13's pages: the home page, a lab page and the heaviest lesson, in both languages.
      const pages = ['/', '/ko/', '/start/how-labs-work/', '/ko/start/how-labs-work/', ...longestLessons];
      console.log(`lighthouse: mobile, ${pages.length} pages, ${LIGHTHOUSE_RUNS} runs each…`);
      lighthouse = await measureLighthouse({ siteUrl, pages, runs: LIGHTHOUSE_RUNS });
    }
    stage = 'closing the browser and the site';
  } finally {
    await browser.close();
    await labSite.close();
    await bare?.close();
  }
}

// --- Report --------------------------------------------------------------------------
type Row = [string, string, string, string];
const rows: Row[] = [['reading page JS before interaction (gzip -9 on disk, heaviest page)', kib(heaviestJs.jsGz), 'budget 12.0 KiB', ratio(heaviestJs.jsGz, 12 * 1024)]];
if (coldFigures) {
  const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
  for (const visit of coldFigures.firstVisit) {
    // In KiB, as the goal is compared (and as tests/e2e/first-visit.test.ts holds it): 50 KiB is 51.2 kB.
    rows.push([`first visit ${visit.page}, as served (${visit.responses} responses, idle loads included)`, kib(visit.bytes), 'goal 50.0 KiB (Starlight)', ratio(visit.bytes, 50 * 1024)]);
  }
  const runs = `median of ${coldFigures.runs}, empty cache`;
  for (const each of coldFigures.edit) {
    rows.push([`Edit → editor ready, ${each.link.name} (${runs})`, ms(each.editorMs), `bare Monaco page ${ms(each.bareMonacoMs)}`, ratio(each.editorMs, each.bareMonacoMs)]);
  }
  const [first] = coldFigures.edit;
  if (first) rows.push([`bytes the Edit click has the server send (workers and headers included)`, kb(first.editorBytes), `bare Monaco page ${kb(first.bareMonacoBytes)}`, ratio(first.editorBytes, first.bareMonacoBytes)]);
  const { runFromReading: atOnce, runAfterApproach: approach } = coldFigures;
  // Against a bare frame running the same starter; the one logging at once is a reference only.
  // Each side's middle half of runs beside its median: the spread is as wide as the goal's margin.
  const spread = (samples: readonly number[]): string => `(${percentile(samples, 25).toFixed(1)}–${percentile(samples, 75).toFixed(1)})`;
  const reading = (how: string, figures: RunFromReading): void => {
    const { firstLine, bareFrame } = figures.samples;
    rows.push([`Run from a reading page → first console line, loopback, ${how} (median of ${coldFigures.runRuns}, empty cache; 25th–75th percentile)`, `${ms(figures.firstLineMs)} ${spread(firstLine)}`, `bare iframe, same starter ${ms(figures.bareFrameMs)} ${spread(bareFrame)}`, ratio(figures.firstLineMs, figures.bareFrameMs)]);
    rows.push([`  the same, against a bare iframe that logs at once (reference)`, ms(figures.firstLineMs), `bare iframe, one log line ${ms(figures.bareLineMs)}`, ratio(figures.firstLineMs, figures.bareLineMs)]);
  };
  reading('clicked at once', atOnce);
  reading(`pointer on Run ${approach.approachMs} ms first`, approach);
}
if (broker) {
  const { lab, standalone } = broker;
  const pooledMs = (value: number, rounds: Spread): string => `${ms(value)} (${rounds.low.toFixed(1)}–${rounds.high.toFixed(1)})`;
  const handshakes = `all handshakes of ${lab.rounds} alternating rounds; per round lowest–highest`;
  rows.push(
    ['broker peers connected (fewest in a round)', `${lab.connected}/${PEERS}`, `${standalone.connected}/${PEERS}`, ''],
    // Every handshake and every relay of the rounds together (per round: lowest–highest): a
    // round's p99 is its 20th-slowest of 2,000 messages, too few to compare two brokers by.
    [`broker connect p50 (${handshakes})`, pooledMs(lab.connectPooled.p50Ms, lab.connectP50Ms), pooledMs(standalone.connectPooled.p50Ms, standalone.connectP50Ms), ratio(lab.connectPooled.p50Ms, standalone.connectPooled.p50Ms)],
    [`broker connect p99 (${handshakes})`, pooledMs(lab.connectPooled.p99Ms, lab.connectP99Ms), pooledMs(standalone.connectPooled.p99Ms, standalone.connectP99Ms), ratio(lab.connectPooled.p99Ms, standalone.connectPooled.p99Ms)],
    ['false disconnects while holding (all rounds)', String(lab.falseDisconnects), String(standalone.falseDisconnects), ''],
    ['OFFERs relayed / lost (all rounds)', `${lab.relayed} / ${lab.lost}`, `${standalone.relayed} / ${standalone.lost}`, ''],
    [`relay latency p50 (all ${lab.relayed} relays; per round lowest–highest)`, pooledMs(lab.latencyPooled.p50Ms, lab.latencyP50Ms), pooledMs(standalone.latencyPooled.p50Ms, standalone.latencyP50Ms), ratio(lab.latencyPooled.p50Ms, standalone.latencyPooled.p50Ms)],
    [`relay latency p99 (all ${lab.relayed} relays; per round lowest–highest)`, pooledMs(lab.latencyPooled.p99Ms, lab.latencyP99Ms), pooledMs(standalone.latencyPooled.p99Ms, standalone.latencyP99Ms), ratio(lab.latencyPooled.p99Ms, standalone.latencyPooled.p99Ms)],
    ['broker CPU time per round (median)', `${(lab.cpuMs.median / 1000).toFixed(2)} s`, `${(standalone.cpuMs.median / 1000).toFixed(2)} s`, ratio(lab.cpuMs.median, standalone.cpuMs.median)],
    ['broker RSS after a round (median)', mib(lab.rssBytes.median), mib(standalone.rssBytes.median), ratio(lab.rssBytes.median, standalone.rssBytes.median)],
  );
}
if (classroom) rows.push(...classroomRows(classroom));
if (labs) {
  rows.push(
    ['lab: click → editor ready (median, warm)', ms(labs.editorReadyMs), `bare Monaco page ${ms(labs.bareMonacoMs)}`, ratio(labs.editorReadyMs, labs.bareMonacoMs)],
    ['lab: Run → first console line (median, warm)', ms(labs.firstLineMs), `bare iframe ${ms(labs.bareFrameMs)}`, ratio(labs.firstLineMs, labs.bareFrameMs)],
  );
}
if (calls) {
  rows.push(['call: Run → first remote frame, two tabs via the broker (median)', ms(calls.pairedMs), `one page, no broker ${ms(calls.onePageMs)}`, ratio(calls.pairedMs, calls.onePageMs)]);
}
if (inspector) {
  const cpu = (value: number): string => `${value.toFixed(0)} ms/s`;
  rows.push(
    ['Inspector open: Run → first remote frame, one-page call (median; goal ≤ 1.10×)', ms(inspector.firstFrameOpenMs), `closed ${ms(inspector.firstFrameClosedMs)}`, ratio(inspector.firstFrameOpenMs, inspector.firstFrameClosedMs)],
    [`Inspector open: browser CPU during the call, ${inspector.windowMs / 1000} s window (median; goal ≤ 1.10×)`, cpu(inspector.cpuOpenMsPerS), `closed ${cpu(inspector.cpuClosedMsPerS)}`, ratio(inspector.cpuOpenMsPerS, inspector.cpuClosedMsPerS)],
  );
}
if (transfer) {
  const mibps = (value: number): string => `${value.toFixed(1)} MiB/s`;
  rows.push([
    `file-transfer lab throughput, ${transfer.sizeMiB} MiB, two tabs (median of ${transfer.runs}, warm-up excluded; goal ≥ 0.90×)`,
    mibps(transfer.labMiBps),
    `raw channel, 64 KiB + bufferedamountlow ${mibps(transfer.rawMiBps)}`,
    ratio(transfer.labMiBps, transfer.rawMiBps),
  ]);
}
if (relay) {
  const { direct } = relay;
  const via = relay.relay;
  const runs = `median of ${relay.runs}, warm-up excluded`;
  rows.push(
    [`TURN: setLocalDescription → first relay candidate (allocation; ${runs})`, ms(via.gatherMs), `direct: first host candidate ${ms(direct.gatherMs)}`, ratio(via.gatherMs, direct.gatherMs)],
    [`TURN: setLocalDescription → data channel open, relay ↔ relay (${runs})`, ms(via.setupMs), `direct host ↔ host ${ms(direct.setupMs)}`, ratio(via.setupMs, direct.setupMs)],
    [`TURN: data-channel throughput, ${relay.sizeMiB} MiB in 64 KiB messages (${runs})`, `${via.mibps.toFixed(1)} MiB/s`, `direct ${direct.mibps.toFixed(1)} MiB/s`, ratio(via.mibps, direct.mibps)],
  );
}
if (lighthouse) {
  for (const each of lighthouse) {
    const { performance, accessibility, seo } = each.scores;
    const timings = `FCP ${(each.timings['first-contentful-paint'] / 1000).toFixed(2)} s, LCP ${(each.timings['largest-contentful-paint'] / 1000).toFixed(2)} s, TBT ${each.timings['total-blocking-time'].toFixed(0)} ms`;
    rows.push([
      `Lighthouse mobile ${each.page}: performance (runs ${each.performanceRuns.join(', ')}) / a11y / best practices / SEO, median of ${each.runs}`,
      `${performance} / ${accessibility} / ${each.scores['best-practices']} / ${seo}`,
      `goal 100 each; ${timings}`,
      ratio(performance, 100),
    ]);
  }
}
const header: [string, string, string, string] = ['measure', 'WebRTC Lab', 'baseline (broker rows: standalone PeerServer)', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(['', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ''].join('\n'));

const result = {
  date: new Date().toISOString(),
  isolation: isolation === 'isolated' ? 'netns' : isolation.notIsolated,
  settings: { peers: PEERS, holdMs: HOLD_MS, brokerRounds: BROKER_ROUNDS, messagesPerSecond: RATE, classLearners: CLASS_LEARNERS, classHoldMs: CLASS_HOLD_MS },
  pages: weights,
  broker,
  classroom,
  labs,
  cold: coldFigures,
  calls,
  transfer,
  turnRelay: relay,
  lighthouse,
};
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const file = path.join(ROOT, 'bench/results', `${result.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${path.relative(ROOT, file)}`);

const failures = [
  broker && broker.lab.falseDisconnects > 0 && `${broker.lab.falseDisconnects} false disconnects`,
  broker && broker.lab.connected < PEERS && `only ${broker.lab.connected}/${PEERS} peers connected`,
  broker && broker.lab.lost > 0 && `${broker.lab.lost} OFFERs lost`,
  ...(classroom
    ? Object.entries(classroom).flatMap(([name, each]) => [
        each.falseDisconnects > 0 && `classroom ${name}: ${each.falseDisconnects} false disconnects`,
        each.joined < each.learners && `classroom ${name}: only ${each.joined}/${each.learners} learners joined`,
        each.lost > 0 && `classroom ${name}: ${each.lost} signaling messages lost`,
        each.turn.failed > 0 && `classroom ${name}: ${each.turn.failed} TURN allocations failed`,
      ])
    : []),
].filter(Boolean);
if (failures.length) {
  console.error(`bench: ${failures.join('; ')}`);
  process.exit(1);
}
// Every server and browser is closed by now, but PeerServer 1.0.2 reschedules two sweep timers
// forever with no way to stop them (see vitest.config.ts): without an exit the bench prints its
// table and then never ends, which looked like a hang to whoever waited on it.
process.exit(0);
