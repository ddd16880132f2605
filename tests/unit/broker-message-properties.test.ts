/**
 * Properties of what the broker accepts from a PeerJS client (src/lib/broker-message.ts), beyond
 * "never throws" (broker-message.test.ts): a message built from any type, destination and payload
 * is accepted exactly when the documented rules say so, as itself, and a payload's shape is
 * refused exactly when it breaks PAYLOAD_LIMITS, as counted here independently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGE_TYPES, PAYLOAD_LIMITS, parseClientMessage, payloadShapeProblem } from '../../src/lib/broker-message.ts';
import { longRun, quick } from '../support/properties.ts';

/** The limits a payload breaks, counted recursively (the module walks it with a stack). */
function brokenLimits(payload: unknown): Set<string> {
  let values = 0;
  let deepest = 0;
  let widest = 0;
  const walk = (value: unknown, depth: number): void => {
    values += 1;
    if (typeof value !== 'object' || value === null) return;
    deepest = Math.max(deepest, depth);
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value)) widest = Math.max(widest, children.length);
    for (const child of children) walk(child, depth + 1);
  };
  walk(payload, 1);
  const broken = new Set<string>();
  if (values > PAYLOAD_LIMITS.maxValues) broken.add(`payload has more than ${PAYLOAD_LIMITS.maxValues} values`);
  if (deepest > PAYLOAD_LIMITS.maxDepth) broken.add(`payload is nested deeper than ${PAYLOAD_LIMITS.maxDepth}`);
  if (widest > PAYLOAD_LIMITS.maxKeys) broken.add(`payload object has more than ${PAYLOAD_LIMITS.maxKeys} keys`);
  return broken;
}

/** Payloads near every limit: ordinary JSON, nested ones, wide objects and long arrays. */
const payload: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.tuple(fc.integer({ min: 0, max: 9 }), fc.jsonValue({ maxDepth: 2 })).map(([depth, inner]) => {
    let value: unknown = inner;
    for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { d: value } : [value];
    return value;
  }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 28, maxKeys: 40 }),
  fc.array(fc.oneof(fc.integer(), fc.constant({}), fc.constant([])), { minLength: 120, maxLength: 300 }),
  fc.constant(undefined),
);

const type = fc.oneof(fc.constantFrom(...CLIENT_MESSAGE_TYPES), fc.constantFrom('heartbeat', 'OPEN', 'ID-TAKEN', 'EXPIRE', ''), fc.jsonValue({ maxDepth: 1 }));
const dst = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 120, maxLength: 140 }), fc.constant(''), fc.jsonValue({ maxDepth: 1 }));

describe('parseClientMessage (properties)', () => {
  it('accepts a message exactly when its type, destination and payload follow the rules, as itself', () => {
    fc.assert(
      fc.property(fc.record({ type, dst, payload }, { requiredKeys: [] }), (fields) => {
        const text = JSON.stringify(fields);
        const sent = JSON.parse(text) as Record<string, unknown>;
        const parsed = quick(() => parseClientMessage(text));
        const t = sent['type'];
        const d = sent['dst'];
        if (typeof t !== 'string' || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(t)) {
          expect(parsed).toMatchObject({ ok: false, reason: expect.stringMatching(/^unknown message type /) });
        } else if (t === 'HEARTBEAT') {
          expect(parsed).toEqual({ ok: true, message: { type: 'HEARTBEAT' } });
        } else if (typeof d !== 'string' || d.length === 0 || d.length > 128) {
          expect(parsed).toEqual({ ok: false, reason: `${t} needs a destination id of 1–128 characters` });
        } else {
          const broken = brokenLimits(sent['payload']);
          if (broken.size === 0) {
            expect(parsed).toEqual({ ok: true, message: { type: t, dst: d, payload: sent['payload'] } });
          } else {
            expect(parsed.ok).toBe(false);
            if (!parsed.ok) expect(broken).toContain(parsed.reason);
          }
        }
      }),
    );
  });

  it('never throws on any JSON text, and refuses with a reason', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
          // Nested a few thousand deep: refused without recursion.
          fc.integer({ min: 100, max: 4000 }).map((depth) => `{"type":"OFFER","dst":"b","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`),
          longRun(['{"type":"OFFER","dst":"', '{"type":"', '['], ['a', '{"a":', '[', ' ', '\\u0000'], ['', '"}', '","payload":1}']),
        ),
        (text) => {
        const parsed = quick(() => parseClientMessage(text));
        if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(0);
        else expect(CLIENT_MESSAGE_TYPES).toContain(parsed.message.type);
      }),
    );
  });
});

describe('payloadShapeProblem (properties)', () => {
  it('names a limit exactly when the payload breaks one, and one it breaks', () => {
    fc.assert(
      fc.property(payload, (value) => {
        const problem = quick(() => payloadShapeProblem(value));
        const broken = brokenLimits(value);
        if (broken.size === 0) expect(problem).toBeNull();
        else expect(broken).toContain(problem);
      }),
    );
  });
});
