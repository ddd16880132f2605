/**
 * Properties of the a=fmtp explanations (fmtpParts, src/lib/sdp-fmtp.ts): no parameter text,
 * payload type or m-section makes it throw or take long; it gives one part per parameter, in
 * order, each starting with the parameter as written, the same in English and Korean.
 */
import fc from 'fast-check';
import { parseParams } from 'sdp-transform';
import { describe, expect, it } from 'vitest';
import type { Codec, Section } from '../../src/lib/sdp-context.ts';
import { fmtpParts } from '../../src/lib/sdp-fmtp.ts';
import { anyText, longRun, quick } from '../support/properties.ts';

const CODECS = ['opus', 'H264', 'h265', 'VP8', 'VP9', 'AV1', 'rtx', 'red', 'ulpfec', 'flexfec-03', 'telephone-event', 'G722', 'PCMU'];
const KEYS = [
  'apt', 'rtx-time', 'minptime', 'ptime', 'useinbandfec', 'usedtx', 'stereo', 'sprop-stereo', 'cbr', 'maxplaybackrate', 'maxaveragebitrate',
  'profile-level-id', 'packetization-mode', 'level-asymmetry-allowed', 'profile-id', 'profile', 'level-idx', 'tier', 'tier-flag', 'level-id',
  'tx-mode', 'max-fs', 'max-fr', 'x-google-start-bitrate', 'x-google-min-bitrate',
];
const VALUES = ['0', '1', '2', '3', '30', '93', '120', '96', '42e01f', '42001f', '4d001f', '640c1f', '64001f', 'f4001f', '58000b', 'SRST', 'zzzzzz', '-1', '1e400', '0x5A', ''];

/** Parameters as browsers write them, and as nobody does: known keys, odd values, RED and DTMF lists. */
const param = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.stringMatching(/^[0-9a-fA-F]{6}$/), fc.nat().map(String), anyText)).map(([key, value]) => `${key}=${value}`),
  fc.array(fc.constantFrom('111', '96', '0', '127'), { minLength: 1, maxLength: 4 }).map((blocks) => blocks.join('/')),
  fc.constantFrom('0-15', '0-16', '0,1-9', '1-'),
  anyText,
);
const config = fc.oneof(
  fc.array(param, { maxLength: 8 }).chain((params) => fc.constantFrom(';', '; ', ';;', ' ;').map((sep) => params.join(sep))),
  anyText,
  longRun(['', 'apt=', 'profile-level-id=', '111', 'x-google-'], [';', '; ', '=', 'a', '/111', '1', '-', ' ', ';\n'], ['', '=', ';x', '=1']),
  // Up to a few KB of the characters the parameter parser splits on.
  fc.array(fc.constantFrom(';', '; ', '=', 'a', 'apt', 'ptime', '1', '/', '-', ',', ' ', '\n'), { maxLength: 800 }).map((pieces) => pieces.join('')),
);

const section: fc.Arbitrary<Section | null> = fc.option(
  fc.record({
    index: fc.nat(8),
    type: fc.constantFrom('audio', 'video', 'application', ''),
    codecs: fc
      .array(fc.tuple(fc.integer({ min: 0, max: 127 }), fc.record({ name: fc.oneof(fc.constantFrom(...CODECS), anyText), rate: fc.constantFrom(8000, 48000, 90000) })), { maxLength: 6 })
      .map((entries) => new Map<number, Codec>(entries)),
    associated: fc.array(fc.tuple(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 127 })), { maxLength: 3 }).map((entries) => new Map<number, number>(entries)),
  }),
  { nil: null },
);

/** A payload type, usually one the section maps (so the codec's own explanations are reached). */
const payloadIn = (s: Section | null): fc.Arbitrary<number> => {
  const mapped = s === null ? [] : [...s.codecs.keys()];
  return mapped.length === 0 ? fc.integer({ min: -1, max: 200 }) : fc.oneof(fc.constantFrom(...mapped), fc.integer({ min: -1, max: 200 }));
};
const input = section.chain((s) => fc.tuple(config, payloadIn(s), fc.constant(s)));

describe('fmtpParts (properties)', () => {
  it('never throws, quickly: one part per parameter, in order, each starting with the parameter as written', () => {
    fc.assert(
      fc.property(input, ([text, payload, s]) => {
        const parts = quick(() => fmtpParts(text, payload, s));
        const params = Object.entries(parseParams(text));
        expect(parts).toHaveLength(params.length);
        parts.forEach((part, index) => {
          const [key, raw] = params[index] ?? ['', undefined];
          const value = raw === undefined ? '' : String(raw);
          const written = value === '' ? key : `${key}=${value}`;
          // Either just the parameter, or the parameter and what it means, in both languages alike.
          expect(part.en === written).toBe(part.ko === written);
          if (part.en !== written) {
            expect(part.en.startsWith(`${written}: `)).toBe(true);
            expect(part.ko.startsWith(`${written}: `)).toBe(true);
            expect(part.en.length).toBeGreaterThan(written.length + 2);
            expect(part.ko.length).toBeGreaterThan(written.length + 2);
          }
        });
      }),
    );
  });

  it('never says "undefined" or "[object …]" unless the parameters or codec names do', () => {
    fc.assert(
      fc.property(input, ([text, payload, s]) => {
        const names = s === null ? '' : [...s.codecs.values()].map((codec) => codec.name).join(' ');
        for (const part of fmtpParts(text, payload, s)) {
          for (const word of ['undefined', '[object ']) {
            if (text.includes(word) || names.includes(word)) continue;
            expect(part.en).not.toContain(word);
            expect(part.ko).not.toContain(word);
          }
        }
      }),
    );
  });

  // Found by the property above: an apt whose value is not a number read as "payload type NaN".
  it('shows an apt that is not a payload type as written, with no meaning', () => {
    fc.assert(
      fc.property(fc.string().filter((value) => !/^\d{1,3}$/.test(value) || Number(value) > 127), (value) => {
        const parts = fmtpParts(`apt=${value}`, 96, null);
        expect(parts.map((part) => part.en).join('')).not.toContain('NaN');
      }),
    );
  });

  it('explains every H.264 profile-level-id of six hex digits with a profile and a level', () => {
    const h264: Section = { index: 0, type: 'video', codecs: new Map([[102, { name: 'H264', rate: 90000 }]]), associated: new Map() };
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{6}$/), (hex) => {
        const [part] = fmtpParts(`profile-level-id=${hex}`, 102, h264);
        expect(part?.en).toMatch(new RegExp(`^profile-level-id=${hex}: H\\.264 .+ profile, level (1b|\\d+(\\.\\d+)?)$`));
      }),
    );
  });
});
