/**
 * Properties of the Inspector's dump import (parseDump, src/lib/inspector/dump-schema.ts): no text
 * makes it throw or take long; what is not a dump, or a dump damaged anywhere, is refused with
 * the documented problem and where; and a valid dump, recorded or generated, reads back as itself.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PC_STATE_NAMES, type CandidateEnd, type FeedEvent, type StatsSummary } from '../../src/lib/feed.ts';
import { DUMP_FORMAT, DUMP_VERSION, makeDump, type InspectorDump } from '../../src/lib/inspector/dump.ts';
import { parseDump, type DumpProblem, type ParsedDump } from '../../src/lib/inspector/dump-schema.ts';
import { createInspectorModel } from '../../src/lib/inspector/model.ts';
import { stats } from './goals/feed-builder.ts';
import { quick } from '../support/properties.ts';

const PROBLEMS: readonly DumpProblem[] = ['too-large', 'not-json', 'not-a-dump', 'newer-version', 'damaged'];

/** A dump exported the way inspector-dump.test.ts exports one: a recorded call through the model. */
function recordedDumpText(): string {
  const feed = JSON.parse(readFileSync(new URL('../fixtures/feeds/one-page-call.solution.json', import.meta.url), 'utf8')) as FeedEvent[];
  const model = createInspectorModel();
  for (const event of feed) model.add(event.type === 'pc-stats' ? { ...event, stats: stats(event.stats) } : event);
  return JSON.stringify(makeDump('one-page-call', model.events(), new Date('2026-12-01T12:30:05.123Z'), 'Mozilla/5.0 Chrome/156.0.0.0'));
}

/** JSON as JSON.parse returns it. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = ReadonlyArray<string | number>;

/** Every place in a JSON value, but none inside a pc-created event's config (the schema reads none of it). */
function pathsOf(value: Json, path: Path = []): Path[] {
  const here = path.length === 0 ? [] : [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => (key === 'config' ? [] : pathsOf(item, [...path, key])))];
  }
  return here;
}

/** The container holding the last step of `path`, and that step. */
function parentOf(root: Json, path: Path): { readonly parent: Json; readonly last: string | number } {
  let parent = root;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step] as Json;
  return { parent, last: path[path.length - 1] as string | number };
}

/** A value of another JSON kind, one that no field of the schema takes where `value` was. */
function wrongKind(value: Json): Json {
  if (value === null) return true;
  if (Array.isArray(value)) return 'not an array';
  if (typeof value === 'object') return [value];
  if (typeof value === 'string') return 7;
  return 'not a number';
}

function expectRefusal(parsed: ParsedDump): asserts parsed is Extract<ParsedDump, { ok: false }> {
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(PROBLEMS).toContain(parsed.problem);
  expect(typeof parsed.detail).toBe('string');
  expect(parsed.detail.length).toBeGreaterThan(0);
}

function notJson(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

// Generated feeds: every event type the schema reads, each field within what the schema takes.
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
const at = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
const text = fc.string({ unit: 'binary', maxLength: 24 });
const nullableText = fc.option(text, { nil: null });
const nullableNumber = fc.option(finite, { nil: null });
const pc = fc.constantFrom('pc1', 'pc2', 'pc3');
const side = fc.constantFrom('local' as const, 'remote' as const);
const end: fc.Arbitrary<CandidateEnd> = fc.record({ type: nullableText, address: nullableText, port: nullableNumber, protocol: nullableText });
const summary: fc.Arbitrary<StatsSummary> = fc.record({
  timestamp: finite,
  framesDecoded: finite,
  framesSent: finite,
  bytesReceived: finite,
  bytesSent: finite,
  videoBytesSent: finite,
  videoBytesReceived: finite,
  audioBytesSent: finite,
  audioBytesReceived: finite,
  codecs: fc.record({ outboundVideo: nullableText, inboundVideo: nullableText, outboundAudio: nullableText, inboundAudio: nullableText }),
  roundTripTime: nullableNumber,
  localCandidateType: nullableText,
  remoteCandidateType: nullableText,
  selectedPair: fc.option(fc.record({ local: end, remote: end }), { nil: null }),
  packetsLostOut: finite,
  packetsLostIn: finite,
  jitterIn: nullableNumber,
  framesPerSecondIn: nullableNumber,
  framesPerSecondOut: nullableNumber,
  audioLevelIn: nullableNumber,
  audioLevelOut: nullableNumber,
});
const event: fc.Arbitrary<FeedEvent> = fc.oneof(
  fc.record({ type: fc.constant('pc-created' as const), at, pc, config: fc.oneof(fc.constant({ t: 'undefined' as const }), text.map((v) => ({ t: 'string' as const, v }))) }),
  fc.record({ type: fc.constant('pc-state' as const), at, pc, which: fc.constantFrom(...PC_STATE_NAMES), value: text }),
  fc.record({ type: fc.constant('pc-description' as const), at, pc, side, sdpType: text, sdp: fc.string({ unit: 'binary', maxLength: 200 }) }),
  fc.record({ type: fc.constant('pc-candidate' as const), at, pc, side, candidate: nullableText }),
  fc.record({ type: fc.constant('pc-candidate-error' as const), at, pc, url: text, errorCode: finite, errorText: text }),
  fc.record({ type: fc.constant('pc-restart-ice' as const), at, pc }),
  fc.record({ type: fc.constant('pc-stats' as const), at, pc, stats: summary }),
  fc.record({ type: fc.constant('pc-closed' as const), at, pc }),
  fc.record({ type: fc.constant('turn-restarted' as const), at, ms: finite }),
);
const generatedDump: fc.Arbitrary<InspectorDump> = fc.record({
  format: fc.constant(DUMP_FORMAT),
  version: fc.constant(DUMP_VERSION),
  lab: text,
  exportedAt: fc.oneof(text, fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
  userAgent: text,
  events: fc.array(event, { maxLength: 12 }),
});

/** What a dump reads back as: the same, but a connection's configuration is not imported. */
function asRead(dump: InspectorDump): InspectorDump {
  return { ...dump, events: dump.events.map((each) => (each.type === 'pc-created' ? { ...each, config: { t: 'undefined' as const } } : each)) };
}

/** Every key the schema reads somewhere; a key outside these is dropped wherever it is. */
const SCHEMA_KEYS = new Set(['format', 'version', 'lab', 'exportedAt', 'userAgent', 'events', 'type', 'at', 'pc', 'which', 'value', 'side', 'sdpType', 'sdp', 'candidate', 'url', 'errorCode', 'errorText', 'stats', 'ms', 'config']);

let recorded = '';
beforeAll(() => {
  recorded = recordedDumpText();
  // Warm the schema up, so the first property's time is not the schema's first compile.
  expect(parseDump(recorded).ok).toBe(true);
});

describe('parseDump (properties)', () => {
  it('refuses any text, JSON or value that is not a dump, quickly, as not JSON or not a dump', () => {
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 4000 }),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
      fc.array(fc.constantFrom('{', '}', '[', ']', '"format"', ':', `"${DUMP_FORMAT}"`, ',', '"version"', '1', '2', '"events"', 'null'), { maxLength: 600 }).map((pieces) => pieces.join('')),
    );
    fc.assert(
      fc.property(input, (source) => {
        const parsed = quick(() => parseDump(source));
        expectRefusal(parsed);
        const value: unknown = notJson(source) ? undefined : JSON.parse(source);
        const isHead = typeof value === 'object' && value !== null && (value as Record<string, unknown>)['format'] === DUMP_FORMAT && typeof (value as Record<string, unknown>)['version'] === 'number';
        if (notJson(source)) expect(parsed.problem).toBe('not-json');
        else if (!isHead) expect(parsed.problem).toBe('not-a-dump');
      }),
    );
  });

  it('sorts a dump’s head by its version: no number is not a dump, a later one is newer, any other damaged', () => {
    const version = fc.oneof(fc.jsonValue(), finite, fc.integer({ min: -3, max: 3 }), fc.double({ min: -1, max: 3, noNaN: true }), fc.constantFrom(DUMP_VERSION, 0.5, 1.5, 2));
    const body = fc.option(fc.constant({ lab: 'x', exportedAt: '2026-12-01T12:30:05.123Z', userAgent: 'UA', events: [] }), { nil: undefined });
    fc.assert(
      fc.property(version, body, (v, rest) => {
        const parsed = parseDump(JSON.stringify({ format: DUMP_FORMAT, version: v, ...rest }));
        if (typeof v !== 'number') expect(parsed).toMatchObject({ ok: false, problem: 'not-a-dump' });
        else if (v > DUMP_VERSION) expect(parsed).toMatchObject({ ok: false, problem: 'newer-version', detail: `version ${v}` });
        else if (v === DUMP_VERSION && rest !== undefined) expect(parsed.ok).toBe(true);
        else expect(parsed).toMatchObject({ ok: false, problem: 'damaged' });
      }),
    );
  });

  it('reads the recorded dump as itself, less the configuration', () => {
    const original = JSON.parse(recorded) as InspectorDump;
    expect(parseDump(recorded)).toEqual({ ok: true, dump: asRead(original) });
  });

  it('refuses the recorded dump with any field deleted or of the wrong kind, naming where', () => {
    const original = JSON.parse(recorded) as Json;
    const paths = pathsOf(original);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom('delete' as const, 'retype' as const), (path, how) => {
        const dump = structuredClone(original);
        const { parent, last } = parentOf(dump, path);
        // Deleting an event leaves a valid dump; delete keys only, and retype an event instead.
        const change = how === 'delete' && typeof last === 'string' ? 'delete' : 'retype';
        const container = parent as Record<string | number, Json>;
        if (change === 'delete') delete container[last];
        else container[last] = wrongKind(container[last] as Json);
        const parsed = quick(() => parseDump(JSON.stringify(dump)));
        expectRefusal(parsed);
        const where = path.join('.');
        if (where === 'format' || where === 'version') expect(parsed.problem).toBe('not-a-dump');
        else {
          expect(parsed.problem).toBe('damaged');
          expect(parsed.detail.startsWith(`${where}: `)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on the recorded dump with any field replaced by any JSON, and reads what it accepts back the same', () => {
    const original = JSON.parse(recorded) as Json;
    const paths = pathsOf(original);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 3 }), (changes) => {
        const dump = structuredClone(original);
        for (const [path, value] of changes) {
          // An earlier change may have replaced what this path runs through.
          try {
            const { parent, last } = parentOf(dump, path);
            if (parent !== null && typeof parent === 'object') (parent as Record<string | number, Json>)[last] = value as Json;
          } catch {
            continue;
          }
        }
        const parsed = quick(() => parseDump(JSON.stringify(dump)));
        if (!parsed.ok) {
          expectRefusal(parsed);
          return;
        }
        expect(parseDump(JSON.stringify(parsed.dump))).toEqual(parsed);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses, quickly and without throwing, the recorded dump with a value nested thousands deep in place of any field', () => {
    const original = JSON.parse(recorded) as Json;
    const paths = pathsOf(original);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.integer({ min: 100, max: 5000 }), fc.constantFrom('[', '{"a":'), (path, depth, open) => {
        const marker = '"__nested__"';
        const dump = structuredClone(original);
        const { parent, last } = parentOf(dump, path);
        (parent as Record<string | number, Json>)[last] = '__nested__';
        const nested = `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`;
        const source = JSON.stringify(dump).replace(marker, nested);
        const parsed = quick(() => parseDump(source));
        expectRefusal(parsed);
      }),
      { numRuns: 60 },
    );
  });

  it('reads any generated valid dump back as itself, less the configuration', () => {
    fc.assert(
      fc.property(generatedDump, (dump) => {
        expect(parseDump(JSON.stringify(dump))).toEqual({ ok: true, dump: asRead(dump) });
      }),
    );
  });

  it('shows an imported dump as it was, and exports it again as one that shows the same', () => {
    fc.assert(
      fc.property(generatedDump, (dump) => {
        const first = parseDump(JSON.stringify(dump));
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        const model = createInspectorModel();
        for (const each of first.dump.events) model.add(each);
        const again = parseDump(JSON.stringify(makeDump(first.dump.lab, model.events(), new Date(0), first.dump.userAgent)));
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        const replayed = createInspectorModel();
        for (const each of again.dump.events) replayed.add(each);
        expect(replayed.pcs).toEqual(model.pcs);
      }),
    );
  });

  it('drops keys it does not read, at the top and in every event', () => {
    const extra = fc.dictionary(
      fc.string({ maxLength: 10 }).filter((key) => !SCHEMA_KEYS.has(key)),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 3 },
    );
    fc.assert(
      fc.property(generatedDump, extra, fc.array(extra, { maxLength: 12 }), (dump, top, perEvent) => {
        const padded = { ...top, ...dump, events: dump.events.map((each, index) => ({ ...perEvent[index], ...each })) };
        expect(parseDump(JSON.stringify(padded))).toEqual({ ok: true, dump: asRead(dump) });
      }),
    );
  });
});
