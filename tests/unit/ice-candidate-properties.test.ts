/**
 * Properties of the ICE candidate reader (src/lib/ice-candidate.ts): no text makes it throw or
 * take long, a candidate line built field by field reads back as those fields, anything that is
 * not one reads as null, and iceUfrag finds the first ufrag of any description.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_TYPES, type CandidateType } from '../../src/lib/feed.ts';
import { iceUfrag, parseCandidate, type CandidateInfo } from '../../src/lib/ice-candidate.ts';
import { anyText, longRun, quick } from '../support/properties.ts';

/** Long text made of the pieces the reader looks for, to reach its every branch and any slow one. */
const candidateLike = fc
  .array(
    fc.constantFrom('a=', 'candidate:', 'candidate:1', 'typ', ' typ ', ...CANDIDATE_TYPES, 'udp', 'TCP', ' ', '  ', '\t', '\r\n', '\u00a0', '1', '0', '-', '0x1f', '1e3', '.', ':', '192.0.2.1', 'x'),
    { maxLength: 800 },
  )
  .map((pieces) => pieces.join(''));

/** A field as a candidate line carries it: at least one character, no white space. */
const token = fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }).filter((text) => !/\s/.test(text));
/** White space between fields: anything String.prototype.split(/\s+/) splits on. */
const gap = fc.array(fc.constantFrom(' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff'), { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(''));

interface Fields {
  readonly prefix: '' | 'a=';
  readonly lead: string;
  readonly trail: string;
  readonly foundation: string;
  readonly component: string;
  readonly protocol: string;
  readonly priority: string;
  readonly address: string;
  readonly port: number;
  readonly type: CandidateType;
  readonly extensions: ReadonlyArray<readonly [string, string]>;
  readonly gaps: readonly string[];
}

const fields: fc.Arbitrary<Fields> = fc.record({
  prefix: fc.constantFrom('' as const, 'a=' as const),
  lead: fc.constantFrom('', ' ', '\t', '  '),
  trail: fc.constantFrom('', ' ', '\r\n', '\n', '\t'),
  foundation: fc.oneof(fc.constant(''), fc.nat().map(String), token),
  component: fc.oneof(fc.constantFrom('1', '2'), token),
  protocol: fc.oneof(fc.constantFrom('udp', 'UDP', 'tcp', 'Tcp', 'ssltcp'), token),
  priority: fc.oneof(fc.nat().map(String), token),
  address: fc.oneof(fc.ipV4(), fc.ipV6(), fc.uuid().map((id) => `${id}.local`), token),
  port: fc.integer({ min: 0, max: 65_535 }),
  type: fc.constantFrom(...CANDIDATE_TYPES),
  extensions: fc.array(fc.tuple(fc.constantFrom('raddr', 'rport', 'generation', 'ufrag', 'network-id', 'tcptype'), token), { maxLength: 4 }),
  gaps: fc.array(gap, { minLength: 16, maxLength: 16 }),
});

/** The line's fields, in order. */
function parts(f: Fields): string[] {
  return [`candidate:${f.foundation}`, f.component, f.protocol, f.priority, f.address, String(f.port), 'typ', f.type, ...f.extensions.flat()];
}

function line(f: Fields, fieldList: readonly string[] = parts(f)): string {
  const body = fieldList.map((field, index) => (index === 0 ? field : `${f.gaps[index % f.gaps.length] ?? ' '}${field}`)).join('');
  return `${f.prefix}${f.lead}${body}${f.trail}`;
}

function expectWellFormed(info: CandidateInfo | null): void {
  if (info === null) return;
  expect(CANDIDATE_TYPES).toContain(info.type);
  expect(Number.isInteger(info.port)).toBe(true);
  expect(info.protocol).toBe(info.protocol.toLowerCase());
  expect(info.address).not.toBe('');
  expect(info.address).not.toMatch(/\s/);
}

/** Usually `usual`, sometimes one of `odd`, now and then any token. */
const field = (usual: string, ...odd: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 8, arbitrary: fc.constant(usual) }, { weight: 3, arbitrary: fc.constantFrom(usual, ...odd) }, { weight: 1, arbitrary: token });

/** Lines shaped like a candidate, each field usually what it should be, sometimes odd or anything. */
const candidateShaped = fc
  .tuple(
    fc.constantFrom('', 'a=', '', 'a=', ' a='),
    fc.tuple(
      field('candidate:1', 'candidate:', 'Candidate:1'),
      field('1'),
      field('udp', 'TCP'),
      field('2122260223'),
      field('192.0.2.1', '::1', 'x.local'),
      field('54321', '0', '-1', '0x1f', '1e3', '1.5', '65536', 'Infinity'),
      field('typ', 'TYP'),
      field('host', ...CANDIDATE_TYPES, 'HOST', 'constructor', '__proto__'),
    ),
    fc.oneof({ weight: 3, arbitrary: fc.constant(8) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 }) }),
    fc.array(token, { maxLength: 4 }),
    gap,
  )
  .map(([prefix, first, keep, more, space]) => `${prefix}${[...first.slice(0, keep), ...more].join(space)}`);

describe('parseCandidate (properties)', () => {
  it('never throws on any text, quickly, and what it reads is well formed', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, candidateLike, candidateShaped, longRun(['', 'a=', 'candidate:1 ', 'a=a=', ' '], [' ', '\t', 'x', 'a=', 'candidate:', ' 1', '\u00a0', ' typ'], ['', ' typ host', 'x', ' 1 udp 1 h 1 typ host'])), (text) => {
        const info = quick(() => parseCandidate(text));
        expectWellFormed(info);
        if (info !== null) expect(text).toContain('candidate:');
      }),
    );
  });

  it('reads a line built from fields back as those fields, with or without a=, whatever the white space', () => {
    fc.assert(
      fc.property(fields, (f) => {
        expect(parseCandidate(line(f))).toEqual({ type: f.type, protocol: f.protocol.toLowerCase(), address: f.address, port: f.port });
      }),
    );
  });

  it('reads its own reading back the same (parse, write the fields, parse again)', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const info = parseCandidate(line(f));
        expect(info).not.toBeNull();
        if (info === null) return;
        expect(parseCandidate(`candidate:1 1 ${info.protocol} 1 ${info.address} ${info.port} typ ${info.type}`)).toEqual(info);
      }),
    );
  });

  it('reads null when a field that makes it a candidate is missing or wrong', () => {
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('too few' as const), keep: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('no typ' as const), word: token.filter((word) => word !== 'typ') }),
      fc.record({ kind: fc.constant('unknown type' as const), word: token.filter((word) => !(CANDIDATE_TYPES as readonly string[]).includes(word)) }),
      fc.record({ kind: fc.constant('bad port' as const), word: token.filter((word) => !Number.isInteger(Number(word))) }),
      fc.record({ kind: fc.constant('not candidate:' as const), word: token.filter((word) => !word.replace(/^a=/, '').startsWith('candidate:')) }),
    );
    fc.assert(
      fc.property(fields, damage, (f, d) => {
        const list = parts(f);
        const damaged =
          d.kind === 'too few'
            ? list.slice(0, d.keep)
            : d.kind === 'no typ'
              ? list.with(6, d.word)
              : d.kind === 'unknown type'
                ? list.with(7, d.word)
                : d.kind === 'bad port'
                  ? list.with(5, d.word)
                  : list.with(0, d.word);
        expect(parseCandidate(line(f, damaged))).toBeNull();
      }),
    );
  });

  it('reads null with anything but a= before the line', () => {
    fc.assert(
      fc.property(fields, token.filter((word) => !word.startsWith('candidate:') && !word.startsWith('a=')), (f, before) => {
        expect(parseCandidate(`${before}${line(f)}`)).toBeNull();
      }),
    );
  });
});

describe('iceUfrag (properties)', () => {
  /** An SDP line that is not an ice-ufrag line (and breaks no line). */
  const otherLine = fc.oneof(anyText, fc.constantFrom('v=0', 'a=ice-pwd:x', 'a=ice-ufrag', 'a=ice-ufrag-x:y', ' a=ice-ufrag:x', 'a=ICE-UFRAG:x')).filter((text) => !/[\n\r\u2028\u2029]/.test(text) && !text.startsWith('a=ice-ufrag:'));
  const ufrag = fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }).filter((text) => !/\s/.test(text));

  it('never throws on any text, quickly, and what it finds is written in the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.array(fc.constantFrom('a=ice-ufrag:', 'a=', '\r\n', '\n', ' ', 'x', ':'), { maxLength: 800 }).map((pieces) => pieces.join('')),
          longRun(['a=ice-ufrag:', '', '\n', 'a='], ['x', ' ', '\n', 'a=ice-ufrag:', '\r\n', 'a=ice-ufrag: '], ['', ' ', '\n', 'a=ice-ufrag:x']),
        ),
        (sdp) => {
        const found = quick(() => iceUfrag(sdp));
        if (found === null) return;
        expect(found).not.toBe('');
        expect(found).not.toMatch(/\s/);
        expect(sdp).toContain(`a=ice-ufrag:${found}`);
      }),
    );
  });

  it('finds the first ufrag line of a description, or null without one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 4, arbitrary: otherLine.map((text) => ({ other: text })) }, { weight: 1, arbitrary: ufrag.map((text) => ({ ufrag: text })) }), { maxLength: 30 }),
        fc.constantFrom('\r\n', '\n'),
        (lines, eol) => {
          const sdp = lines.map((each) => ('ufrag' in each ? `a=ice-ufrag:${each.ufrag}` : each.other)).join(eol) + eol;
          const first = lines.find((each) => 'ufrag' in each);
          expect(iceUfrag(sdp)).toBe(first && 'ufrag' in first ? first.ufrag : null);
        },
      ),
    );
  });
});
