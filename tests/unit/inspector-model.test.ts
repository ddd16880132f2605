import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { createInspectorModel, isSelected, MAX_CANDIDATES } from '../../src/lib/inspector/model.ts';
import { statsPoint } from '../../src/lib/inspector/stats-series.ts';
import { stats } from './goals/feed-builder.ts';

const recorded = (name: string): FeedEvent[] => JSON.parse(readFileSync(new URL(`../fixtures/feeds/${name}.json`, import.meta.url), 'utf8')) as FeedEvent[];

describe('the Inspector model, on the one-page call as Chromium ran it', () => {
  const model = createInspectorModel();
  const feed = recorded('one-page-call.solution');
  for (const event of feed) model.add(event);

  it('has both connections, each ending connected, with every state change in order', () => {
    expect(model.pcs.map((pc) => pc.id)).toEqual(['pc1', 'pc2']);
    for (const pc of model.pcs) {
      expect(pc.states.connectionState).toBe('connected');
      expect(pc.timeline[0]?.kind).toBe('created');
      const connection = pc.timeline.filter((entry) => entry.kind === 'connectionState').map((entry) => entry.value);
      expect(connection).toEqual(['new', 'connecting', 'connected']);
      const times = pc.timeline.map((entry) => entry.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('holds both descriptions and the candidates each side gathered or was given', () => {
    const [caller, callee] = model.pcs;
    expect(caller?.local?.sdpType).toBe('offer');
    expect(caller?.remote?.sdpType).toBe('answer');
    expect(callee?.local?.sdpType).toBe('answer');
    expect(caller?.candidates.length).toBeGreaterThan(0);
    expect(caller?.candidates.every((c) => c.info !== null)).toBe(true);
  });

  it('charts one point per stats report, and keeps for export only the events it shows', () => {
    const reports = feed.filter((e) => e.type === 'pc-stats');
    expect(model.pcs.reduce((n, pc) => n + pc.points.length, 0)).toBe(reports.length);
    expect(model.events().every((e) => e.type.startsWith('pc-') && e.type !== 'pc-track')).toBe(true);
    expect(model.events().length).toBeLessThan(feed.length);
  });

  it('replays its own export to the same view', () => {
    const again = createInspectorModel();
    for (const event of model.events()) again.add(event);
    expect(again.pcs).toEqual(model.pcs);
  });
});

describe('the Inspector model, on made-up events', () => {
  it('does not repeat a state that did not change, and records restart and close', () => {
    const model = createInspectorModel();
    model.add({ type: 'pc-created', pc: 'pc1', config: { t: 'undefined' }, at: 0 });
    expect(model.add({ type: 'pc-state', pc: 'pc1', which: 'iceConnectionState', value: 'checking', at: 5 })).toBe(true);
    expect(model.add({ type: 'pc-state', pc: 'pc1', which: 'iceConnectionState', value: 'checking', at: 6 })).toBe(false);
    model.add({ type: 'pc-restart-ice', pc: 'pc1', at: 10 });
    model.add({ type: 'pc-closed', pc: 'pc1', at: 20 });
    expect(model.add({ type: 'pc-closed', pc: 'pc1', at: 21 })).toBe(false);
    expect(model.pcs[0]?.timeline.map((e) => e.kind)).toEqual(['created', 'iceConnectionState', 'restart-ice', 'closed']);
    expect(model.pcs[0]?.closed).toBe(true);
  });

  it('marks the TURN server’s restart on every open connection’s timeline, and reads it back from a dump', () => {
    const model = createInspectorModel();
    const restartFeed = recorded('relay-restart.solution');
    for (const event of restartFeed) model.add(event);
    for (const pc of model.pcs) {
      const kinds = pc.timeline.map((entry) => (entry.kind === 'iceConnectionState' ? entry.value : entry.kind));
      // Restarted, then noticed (disconnected), then connected again.
      expect(kinds.slice(kinds.indexOf('turn-restarted'))).toEqual(expect.arrayContaining(['turn-restarted', 'disconnected', 'connected']));
      expect(kinds.indexOf('turn-restarted')).toBeLessThan(kinds.lastIndexOf('disconnected'));
      expect(Number(pc.timeline.find((entry) => entry.kind === 'turn-restarted')?.value)).toBeGreaterThan(0);
    }
    const again = createInspectorModel();
    for (const event of model.events()) again.add(event);
    expect(again.pcs.map((pc) => pc.timeline)).toEqual(model.pcs.map((pc) => pc.timeline));
  });

  it('ignores the end-of-candidates marker and what is not a connection event', () => {
    const model = createInspectorModel();
    expect(model.add({ type: 'pc-candidate', pc: 'pc1', side: 'local', candidate: null, at: 1 })).toBe(false);
    expect(model.add({ type: 'console', level: 'log', args: [], at: 1 })).toBe(false);
    expect(model.pcs).toEqual([]);
  });

  it('keeps at most MAX_CANDIDATES candidates per connection', () => {
    const model = createInspectorModel();
    for (let i = 0; i < MAX_CANDIDATES + 10; i++) model.add({ type: 'pc-candidate', pc: 'pc1', side: 'local', candidate: `candidate:1 1 udp 1 10.0.0.1 ${1000 + i} typ host`, at: i });
    expect(model.pcs[0]?.candidates.length).toBe(MAX_CANDIDATES);
  });

  it('marks the gathered candidates that are the selected pair', () => {
    const model = createInspectorModel();
    model.add({ type: 'pc-candidate', pc: 'pc1', side: 'local', candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host', at: 1 });
    model.add({ type: 'pc-candidate', pc: 'pc1', side: 'local', candidate: 'candidate:2 1 udp 1686052607 203.0.113.7 6000 typ srflx raddr 127.0.0.1 rport 5000', at: 2 });
    model.add({ type: 'pc-candidate', pc: 'pc1', side: 'remote', candidate: 'candidate:3 1 udp 2122260223 127.0.0.1 7000 typ host', at: 3 });
    const pair = { local: { type: 'host', address: '127.0.0.1', port: 5000, protocol: 'udp' }, remote: { type: 'host', address: '127.0.0.1', port: 7000, protocol: 'udp' } };
    model.add({ type: 'pc-stats', pc: 'pc1', stats: stats({ selectedPair: pair }), at: 4 });
    const pc = model.pcs[0]!;
    expect(pc.candidates.map((c) => isSelected(c, pc.latest?.selectedPair ?? null))).toEqual([true, false, true]);
  });
});

describe('a stats point', () => {
  it('is a rate over the reports’ own interval, in kbit/s, and null for the first report', () => {
    const first = stats({ timestamp: 1000, bytesSent: 0, bytesReceived: 0 });
    const second = stats({ timestamp: 3000, bytesSent: 250_000, bytesReceived: 125_000, roundTripTime: 0.012, jitterIn: 0.003, packetsLostIn: 4 });
    expect(statsPoint(null, first, 500)).toMatchObject({ t: 0.5, kbpsIn: null, kbpsOut: null });
    expect(statsPoint(first, second, 2500)).toMatchObject({ t: 2.5, kbpsOut: 1000, kbpsIn: 500, rttMs: 12, jitterMs: 3, lostIn: 4 });
  });

  it('has no rate when the count went back (a new transport) or no time passed', () => {
    const before = stats({ timestamp: 1000, bytesSent: 5000 });
    expect(statsPoint(before, stats({ timestamp: 2000, bytesSent: 100 }), 2000).kbpsOut).toBeNull();
    expect(statsPoint(before, stats({ timestamp: 1000, bytesSent: 6000 }), 2000).kbpsOut).toBeNull();
  });
});
