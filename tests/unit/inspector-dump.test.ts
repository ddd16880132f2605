import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { DUMP_FORMAT, dumpFileName, makeDump } from '../../src/lib/inspector/dump.ts';
import { MAX_DUMP_CHARS, parseDump } from '../../src/lib/inspector/dump-schema.ts';
import { createInspectorModel } from '../../src/lib/inspector/model.ts';
import { stats } from './goals/feed-builder.ts';

const feed = JSON.parse(readFileSync(new URL('../fixtures/feeds/one-page-call.solution.json', import.meta.url), 'utf8')) as FeedEvent[];
/** The recorded feed, its stats in today's full shape (the fixtures predate the Inspector's fields). */
const current = feed.map((event) => (event.type === 'pc-stats' ? { ...event, stats: stats(event.stats) } : event));

function exported(): string {
  const model = createInspectorModel();
  for (const event of current) model.add(event);
  return JSON.stringify(makeDump('one-page-call', model.events(), new Date('2026-12-01T12:30:05.123Z'), 'Mozilla/5.0 Chrome/156.0.0.0'));
}

describe('an Inspector dump', () => {
  it('reads back to the same view it was written from', () => {
    const parsed = parseDump(exported());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const original = createInspectorModel();
    for (const event of current) original.add(event);
    const again = createInspectorModel();
    for (const event of parsed.dump.events) again.add(event);
    expect(again.pcs).toEqual(original.pcs);
    expect(parsed.dump).toMatchObject({ format: DUMP_FORMAT, lab: 'one-page-call', exportedAt: '2026-12-01T12:30:05.123Z' });
  });

  it('carries the TURN server’s restart', () => {
    const restartFeed = (JSON.parse(readFileSync(new URL('../fixtures/feeds/relay-restart.solution.json', import.meta.url), 'utf8')) as FeedEvent[]).map((event) =>
      event.type === 'pc-stats' ? { ...event, stats: stats(event.stats) } : event,
    );
    const model = createInspectorModel();
    for (const event of restartFeed) model.add(event);
    const parsed = parseDump(JSON.stringify(makeDump('relay-restart', model.events(), new Date(), 'Firefox')));
    expect(parsed.ok && parsed.dump.events.filter((event) => event.type === 'turn-restarted')).toHaveLength(1);
  });

  it('is named for its lab and time, in characters every file system takes', () => {
    expect(dumpFileName({ lab: 'one-page-call', exportedAt: '2026-12-01T12:30:05.123Z' })).toBe('webrtc-lab-one-page-call-2026-12-01T12-30-05Z.json');
    expect(dumpFileName({ lab: '../x y', exportedAt: '2026-12-01T12:30:05Z' })).toBe('webrtc-lab-___x_y-2026-12-01T12-30-05Z.json');
  });

  it('refuses, with the reason, what is not one', () => {
    expect(parseDump('{ nope')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(parseDump('[1, 2]')).toMatchObject({ ok: false, problem: 'not-a-dump' });
    expect(parseDump(JSON.stringify({ format: DUMP_FORMAT, version: 2, events: [] }))).toMatchObject({ ok: false, problem: 'newer-version' });
    expect(parseDump('x'.repeat(MAX_DUMP_CHARS + 1))).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('refuses a damaged one whole, saying where', () => {
    const dump = JSON.parse(exported()) as { events: Array<Record<string, unknown>> };
    dump.events[3] = { ...dump.events[3], at: 'soon' };
    const parsed = parseDump(JSON.stringify(dump));
    expect(parsed).toMatchObject({ ok: false, problem: 'damaged' });
    if (!parsed.ok) expect(parsed.detail).toMatch(/^events\.3\.at/);
  });

  it('drops what the Inspector does not read, such as a connection’s configuration', () => {
    const dump = JSON.parse(exported()) as { events: Array<Record<string, unknown>> };
    const created = dump.events.find((event) => event.type === 'pc-created')!;
    created['config'] = { t: 'string', v: 'a'.repeat(10) };
    created['extra'] = 1;
    const parsed = parseDump(JSON.stringify(dump));
    expect(parsed.ok && parsed.dump.events.find((event) => event.type === 'pc-created')).toEqual({ type: 'pc-created', at: created['at'], pc: created['pc'], config: { t: 'undefined' } });
  });
});
