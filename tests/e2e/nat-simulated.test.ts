/**
 * NAT, simulated (issue 12): two homes behind NAT routers and a public side running coturn,
 * all in network namespaces this file makes and removes (tests/support/nat-namespaces.ts).
 * One Chromium per home; the test carries offer and answer between them.
 *
 * - endpoint-independent NAT, STUN only: the peers connect without a relay, between the
 *   routers' public addresses;
 * - symmetric NAT, STUN only: no connectivity check is ever answered;
 * - symmetric NAT, STUN + TURN: they connect through coturn's relay.
 *
 * The table it prints is the one the NAT lesson shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptAnswer, closePeers, createDescription, launchChromiumIn, outcome, type NsBrowser, type PeerOutcome } from '../support/nat-browser.ts';
import { startPublicCoturn, type PublicCoturn } from '../support/nat-coturn.ts';
import { createNatTopology, natSimulationSkipReason, PUBLIC_ADDRESS, requireNatTools, type NatTopology } from '../support/nat-namespaces.ts';
import { natRuleset, type NatKind } from '../support/nat-rules.ts';

/**
 * How long the symmetric STUN-only pair is watched. Chromium itself gives up (`failed`) after
 * about 15 s (measured with NAT_NO_CONNECT_MS=40000); 5 s is already 40 times what the
 * endpoint-independent pair needs, and the assertion is stronger than "not yet connected":
 * checks went out on every pair and not one was answered.
 */
const NO_CONNECT_MS = Number(process.env['NAT_NO_CONNECT_MS'] ?? 5000);
const CONNECT_MS = 15_000;

interface Row {
  readonly scenario: string;
  readonly ends: readonly [PeerOutcome, PeerOutcome];
}
const rows: Row[] = [];

const skipReason = natSimulationSkipReason();

describe.skipIf(skipReason !== undefined)('NAT, simulated with network namespaces', () => {
  let topology: NatTopology | undefined;
  let coturn: PublicCoturn | undefined;
  const browsers: NsBrowser[] = [];

  beforeAll(async () => {
    requireNatTools();
    topology = await createNatTopology();
    coturn = await startPublicCoturn(topology.publicNs, PUBLIC_ADDRESS);
    const launched = await Promise.allSettled(topology.homes.map((home) => launchChromiumIn(home.ns)));
    for (const result of launched) {
      if (result.status === 'fulfilled') browsers.push(result.value);
    }
    const failed = launched.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  });

  afterAll(async () => {
    await Promise.allSettled(browsers.map((browser) => browser.close()));
    await coturn?.stop();
    topology?.close();
    if (rows.length > 0) console.log(resultTable(rows));
  });

  function setNat(kind: NatKind): void {
    if (!topology) throw new Error('no topology');
    for (const home of topology.homes) topology.run(home.router, 'nft', ['-f', '-'], natRuleset(kind));
  }

  function iceServers(withTurn: boolean): RTCIceServer[] {
    if (!coturn) throw new Error('no coturn');
    const stun = { urls: coturn.stunUrl };
    return withTurn ? [stun, { urls: coturn.turnUrl, ...coturn.credentials('nat-test') }] : [stun];
  }

  /** One connection from home1 (offerer) to home2 (answerer); resolves when both ends settled. */
  async function connect(id: string, withTurn: boolean, timeoutMs: number): Promise<[PeerOutcome, PeerOutcome]> {
    const [home1, home2] = browsers;
    if (!home1 || !home2) throw new Error('no browsers');
    const config: RTCConfiguration = { iceServers: iceServers(withTurn) };
    const offer = await createDescription(home1.page, id, config);
    const answer = await createDescription(home2.page, id, config, offer);
    await acceptAnswer(home1.page, id, answer);
    return Promise.all([outcome(home1.page, id, timeoutMs), outcome(home2.page, id, timeoutMs)]);
  }

  const types = (end: PeerOutcome): string[] => end.gathered.map((candidate) => candidate.type);

  it('endpoint-independent NAT, STUN only: connects without a relay', async () => {
    setNat('endpoint-independent');
    const ends = await connect('cone-stun', false, CONNECT_MS);
    rows.push({ scenario: 'endpoint-independent NAT, STUN', ends });
    for (const end of ends) {
      expect(end.state, end.pairs.join('\n')).toBe('connected');
      expect(end.received.length).toBeGreaterThan(0);
      expect(types(end)).toContain('srflx');
      expect(types(end)).not.toContain('relay');
      expect(['srflx', 'prflx']).toContain(end.selected?.local.type);
      expect(['srflx', 'prflx']).toContain(end.selected?.remote.type);
      // The pair runs between the routers' public addresses: the NAT is in the path.
      expect(end.selected?.local.address).toMatch(/^203\.0\.113\.1[12]$/);
    }
  });

  // Retried: under parallel load the relayed pair failed 2 runs in 16 (cause not yet found; see the issue 12 note).
  it('symmetric NAT: STUN alone never connects, STUN + TURN connects through the relay', { retry: 2 }, async () => {
    setNat('symmetric');
    await Promise.all(browsers.map((browser) => closePeers(browser.page)));
    // Both at once: the relayed pair connects while the STUN-only pair runs out its window.
    // KNOWN FLAKE (open): under 3-4 parallel copies of this file, the relayed pair got no check
    // answered at all for 15 s in 2 of 16 runs (5 of 12 when it ran alone right after the NAT
    // switch), so it is probably tied to switching the rules with live conntrack entries.
    const [stunOnly, withTurn] = await Promise.all([connect('symmetric-stun', false, NO_CONNECT_MS), connect('symmetric-turn', true, CONNECT_MS)]);
    rows.push({ scenario: 'symmetric NAT, STUN', ends: stunOnly });
    rows.push({ scenario: 'symmetric NAT, STUN + TURN', ends: withTurn });
    for (const end of stunOnly) {
      expect(types(end)).toContain('srflx');
      expect(end.state).not.toBe('connected');
      expect(end.received).toEqual([]);
      expect(end.checks.sent).toBeGreaterThan(0);
      expect(end.checks.answered).toBe(0);
    }
    if (withTurn.some((end) => end.state !== 'connected')) console.log(`coturn's log:\n${coturn?.log().split('\n').slice(-80).join('\n')}`);
    for (const end of withTurn) {
      expect(end.state, end.pairs.join('\n')).toBe('connected');
      expect(end.received.length).toBeGreaterThan(0);
      expect(types(end)).toContain('relay');
    }
    expect(withTurn.some((end) => end.selected?.local.type === 'relay' || end.selected?.remote.type === 'relay')).toBe(true);
  });
});

function resultTable(results: readonly Row[]): string {
  const gathered = (end: PeerOutcome): string =>
    end.gathered.map((candidate) => (candidate.type === 'host' ? 'host' : `${candidate.type} ${candidate.address}:${candidate.port}`)).join(', ');
  const side = (candidate: { type: string; address: string; port: number }): string => `${candidate.type} ${candidate.address || '(hidden)'}:${candidate.port}`;
  const pair = (end: PeerOutcome): string => (end.selected ? `${side(end.selected.local)} ↔ ${side(end.selected.remote)}` : '—');
  const lines = [
    '| scenario | end | candidates gathered | selected pair (local ↔ remote) | checks answered/sent | state | ms |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of results) {
    row.ends.forEach((end, index) => {
      lines.push(`| ${row.scenario} | home${index + 1} | ${gathered(end)} | ${pair(end)} | ${end.checks.answered}/${end.checks.sent} | ${end.state} | ${end.ms} |`);
    });
  }
  return `NAT, simulated:\n${lines.join('\n')}`;
}
