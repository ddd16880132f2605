/**
 * Properties of the frame protocol's guards (src/lib/lab-protocol.ts), which read whatever
 * another origin posts: no value makes them throw or take long, a message they accept has the
 * shape its type promises, and the frame's address carries the page's origin there and back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAB_FILE_NAMES, LAB_MODULES, LOCALES } from '../../src/lib/lab-manifest.ts';
import { MAX_ROOM_SIZE, ROOM_ALPHABET, ROOM_CODE_LENGTH } from '../../src/lib/pairing/room-code.ts';
import { frameUrl, isFrameMessage, isHandshake, isPageMessage, parseFrameFragment } from '../../src/lib/lab-protocol.ts';
import { anyText, quick } from '../support/properties.ts';

/** A run message the page really sends: every field well formed. */
const room = fc.array(fc.constantFrom(...ROOM_ALPHABET), { minLength: ROOM_CODE_LENGTH, maxLength: ROOM_CODE_LENGTH }).map((letters) => letters.join(''));
const validRun = fc.record({
  kind: fc.constant('run'),
  files: fc.dictionary(fc.constantFrom(...LAB_FILE_NAMES), fc.string()),
  script: fc.string(),
  modules: fc.subarray([...LAB_MODULES]),
  watch: fc.record({ values: fc.array(fc.string()), canvases: fc.array(fc.string()) }),
  locale: fc.constantFrom(...LOCALES),
  theme: fc.constantFrom('light', 'dark'),
  pairing: fc.oneof(
    fc.constant(null),
    fc.record({ room, role: fc.constantFrom('host', 'guest'), lab: fc.stringMatching(/^[a-z0-9-]{1,60}$/) }),
    fc.integer({ min: 3, max: MAX_ROOM_SIZE }).chain((size) => fc.record({ room, role: fc.integer({ min: 2, max: size - 1 }).map((seat) => `guest${seat}`), lab: fc.constant('mesh'), size: fc.constant(size) })),
  ),
});
/** A real run message with one field, or one field of its pairing, replaced by anything at all. */
const mutatedRun = fc.tuple(validRun, fc.constantFrom('kind', 'files', 'script', 'modules', 'watch', 'locale', 'theme', 'pairing', 'pairing.room', 'pairing.role', 'pairing.size'), fc.anything()).map(([run, field, value]) => {
  const [outer, inner] = field.split('.') as [keyof typeof run, string | undefined];
  if (inner === undefined) return { ...run, [outer]: value };
  return { ...run, pairing: { ...(run.pairing ?? { room: 'k7q2', role: 'guest', lab: 'video-call' }), [inner]: value } };
});
/** Small messages of every kind, with anything in their fields. */
const nearMessage = fc.record(
  {
    kind: fc.constantFrom('stop', 'theme', 'feed', 'size', 'stopped', 'download', 'hello', 'connect', 'RUN', ''),
    theme: fc.oneof(fc.constantFrom('light', 'dark', 'auto'), fc.anything()),
    event: fc.oneof(fc.record({ type: fc.oneof(fc.string(), fc.anything()), at: fc.oneof(fc.double(), fc.anything()) }), fc.anything()),
    height: fc.oneof(fc.double(), fc.anything()),
    name: fc.oneof(fc.string(), fc.anything()),
  },
  { requiredKeys: ['kind'] },
);
/** Whatever another origin may post: anything, messages of every kind, real runs and runs with one field wrong. */
const anyPosted = fc.oneof(fc.anything({ maxDepth: 3 }), nearMessage, validRun, mutatedRun);

describe('the frame protocol guards', () => {
  it('never throw or hang on whatever is posted, and answer with a boolean', () => {
    fc.assert(
      fc.property(anyPosted, (data) => {
        for (const check of [isPageMessage, isFrameMessage, (value: unknown) => isHandshake(value, 'hello'), (value: unknown) => isHandshake(value, 'connect')]) {
          expect(typeof quick(() => check(data))).toBe('boolean');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accept every run message the page sends', () => {
    fc.assert(
      fc.property(validRun, (run) => {
        expect(isPageMessage(run)).toBe(true);
      }),
    );
  });

  it('accept a page message only in the shape the frame reads', () => {
    fc.assert(
      fc.property(anyPosted, (data) => {
        if (!isPageMessage(data)) return;
        if (data.kind === 'stop') return;
        expect(['light', 'dark']).toContain(data.theme);
        if (data.kind === 'theme') return;
        expect(typeof data.script).toBe('string');
        for (const [name, text] of Object.entries(data.files)) {
          expect(LAB_FILE_NAMES).toContain(name);
          expect(typeof text).toBe('string');
        }
        for (const module of data.modules) expect(LAB_MODULES).toContain(module);
        expect(LOCALES).toContain(data.locale);
        expect(data.watch.values.every((value) => typeof value === 'string')).toBe(true);
        if (data.pairing) {
          expect(data.pairing.room).toMatch(new RegExp(`^[${ROOM_ALPHABET}]{${ROOM_CODE_LENGTH}}$`));
          expect(data.pairing.size ?? 2).toBeLessThanOrEqual(MAX_ROOM_SIZE);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accept a frame message only in the shape the page reads', () => {
    fc.assert(
      fc.property(anyPosted, (data) => {
        if (!isFrameMessage(data)) return;
        if (data.kind === 'size') expect(Number.isFinite(data.height)).toBe(true);
        if (data.kind === 'feed') {
          expect(typeof data.event.type).toBe('string');
          expect(typeof data.event.at).toBe('number');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('read any fragment without throwing, and carry any page origin to the frame and back', () => {
    fc.assert(
      fc.property(anyText, (hash) => {
        const parsed = quick(() => parseFrameFragment(hash));
        expect(parsed === null || typeof parsed.parent === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
    const origin = fc.webUrl({ withQueryParameters: true, withFragments: true }).map((url) => new URL(url).origin);
    fc.assert(
      fc.property(origin, origin, (labOrigin, pageOrigin) => {
        const url = new URL(frameUrl(labOrigin, pageOrigin));
        expect(url.origin).toBe(labOrigin);
        expect(url.search).toBe('');
        expect(parseFrameFragment(url.hash)).toEqual({ parent: pageOrigin });
      }),
    );
  });
});
