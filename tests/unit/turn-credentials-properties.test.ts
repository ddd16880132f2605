/**
 * Properties of TURN REST credentials (src/lib/turn-credentials.ts): what is minted for any valid
 * secret, user, TTL and clock is what coturn expects (expiry, username, HMAC-SHA1 password,
 * computed here with node:crypto), reads back, and anything invalid is refused with a RangeError
 * naming what is wrong, never with anything else.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TURN_TTL_SECONDS,
  MAX_TURN_TTL_SECONDS,
  mintTurnCredential,
  parseTurnTtl,
  parseTurnUsername,
  validTurnUser,
} from '../../src/lib/turn-credentials.ts';
import { anyText, longRun, quick } from '../support/properties.ts';

const USER_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-';

/** The documented rule, written out without a regular expression: 1–64 of A–Z a–z 0–9 . _ - */
function isUser(text: string): boolean {
  return text.length >= 1 && text.length <= 64 && [...text].every((character) => USER_CHARACTERS.includes(character));
}

function isTtl(value: number): boolean {
  return Number.isFinite(value) && Math.floor(value) === value && value >= 1 && value <= MAX_TURN_TTL_SECONDS;
}

const longText = longRun(['', '1:', '0', '1', ' '], ['a', '1', ':', ' ', '0', 'a:'], ['', ':', ':a', '\n', 'x']);
const user = fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/);
/** Mostly user characters, with what a user may not hold, around the length limit too. */
const nearlyUser = fc.string({ unit: fc.constantFrom(...USER_CHARACTERS, ':', ' ', 'ü', '\n', '\u0000', '/', 'é'), maxLength: 70 });
const secret = anyText.filter((text) => text.length > 0);
const ttl = fc.integer({ min: 1, max: MAX_TURN_TTL_SECONDS });
/**
 * A clock reading: whole or fractional milliseconds, small enough that the expiry has the at most
 * 12 digits parseTurnUsername reads (today's is 10).
 */
const nowMs = fc.oneof(fc.integer({ min: 0, max: 900_000_000_000_000 }), fc.double({ min: 0, max: 900_000_000_000_000, noNaN: true }), fc.constant(Date.now()));

function hmacSha1Base64(key: string, message: string): string {
  return createHmac('sha1', Buffer.from(key, 'utf8')).update(Buffer.from(message, 'utf8')).digest('base64');
}

describe('mintTurnCredential (properties)', () => {
  it('puts floor(now / 1000) + TTL in the username, and reads back what it minted', () => {
    fc.assert(
      fc.property(secret, user, ttl, nowMs, (s, u, t, now) => {
        const minted = mintTurnCredential({ secret: s, user: u, ttlSeconds: t, nowMs: now });
        const expiresAt = Math.floor(now / 1000) + t;
        expect(minted.expiresAt).toBe(expiresAt);
        expect(minted.ttl).toBe(t);
        expect(minted.username).toBe(`${expiresAt}:${u}`);
        expect(parseTurnUsername(minted.username)).toEqual({ expiresAt, user: u });
        // Valid for the TTL, less the part of a second already gone (for a whole-millisecond clock,
        // as Date.now() reads; a fractional one can round now / 1000 up to the next second).
        if (Number.isInteger(now)) {
          expect(minted.expiresAt * 1000).toBeGreaterThan(now);
          expect(minted.expiresAt * 1000 - now).toBeLessThanOrEqual(t * 1000);
        }
      }),
    );
  });

  it('makes the password base64(HMAC-SHA1(secret, username)), as coturn recomputes it', () => {
    fc.assert(
      fc.property(secret, user, ttl, nowMs, (s, u, t, now) => {
        const minted = mintTurnCredential({ secret: s, user: u, ttlSeconds: t, nowMs: now });
        expect(minted.credential).toBe(hmacSha1Base64(s, minted.username));
        expect(Buffer.from(minted.credential, 'base64')).toHaveLength(20);
      }),
    );
  });

  it('mints a different password under a different secret', () => {
    fc.assert(
      fc.property(secret, secret, user, ttl, nowMs, (a, b, u, t, now) => {
        // Two texts with the same UTF-8 bytes (lone surrogates both become U+FFFD) are one key.
        fc.pre(!Buffer.from(a, 'utf8').equals(Buffer.from(b, 'utf8')));
        const one = mintTurnCredential({ secret: a, user: u, ttlSeconds: t, nowMs: now });
        const other = mintTurnCredential({ secret: b, user: u, ttlSeconds: t, nowMs: now });
        expect(one.username).toBe(other.username);
        expect(one.credential).not.toBe(other.credential);
      }),
    );
  });

  it('refuses an empty secret, a bad user or a bad TTL with a RangeError naming it, and nothing else', () => {
    const anyTtl = fc.oneof(ttl, fc.integer(), fc.double(), fc.integer({ min: MAX_TURN_TTL_SECONDS - 3, max: MAX_TURN_TTL_SECONDS + 3 }), fc.constantFrom(0, -1, MAX_TURN_TTL_SECONDS + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0));
    fc.assert(
      fc.property(fc.oneof(secret, fc.constant('')), fc.oneof(user, nearlyUser, anyText), anyTtl, nowMs, (s, u, t, now) => {
        const problem = s === '' ? /secret/ : !isUser(u) ? /user/ : !isTtl(t) ? /TTL/ : null;
        let thrown: unknown = null;
        try {
          mintTurnCredential({ secret: s, user: u, ttlSeconds: t, nowMs: now });
        } catch (error) {
          thrown = error;
        }
        if (problem === null) {
          expect(thrown).toBeNull();
        } else {
          expect(thrown).toBeInstanceOf(RangeError);
          expect((thrown as RangeError).message).toMatch(problem);
          if (problem.source === 'user') expect((thrown as RangeError).message).toContain(JSON.stringify(u));
        }
      }),
    );
  });
});

describe('validTurnUser (properties)', () => {
  it('agrees with the documented rule on any text, quickly', () => {
    fc.assert(
      // Lengths around the limit of 64 too.
      fc.property(fc.oneof(nearlyUser, anyText, user, fc.string({ unit: fc.constantFrom(...USER_CHARACTERS), minLength: 60, maxLength: 70 }), longText), (text) => {
        expect(quick(() => validTurnUser(text))).toBe(isUser(text));
      }),
    );
  });
});

describe('parseTurnTtl (properties)', () => {
  it('returns whole seconds from 1 to a day, the default for blank, or throws a RangeError about TURN_TTL, quickly', () => {
    const raw = fc.oneof(
      anyText,
      ttl.map(String),
      fc.integer().map(String),
      fc.integer({ min: -3, max: 3 }).map(String),
      fc.integer({ min: MAX_TURN_TTL_SECONDS - 3, max: MAX_TURN_TTL_SECONDS + 3 }).map(String),
      fc.constantFrom('-0', '1.0', '0x10', '1e3', '1_000', 'Infinity', 'NaN', '120s'),
      fc.double().map(String),
      fc.tuple(fc.constantFrom('', ' ', '\t', '\n'), ttl, fc.constantFrom('', ' ', '\n')).map(([before, n, after]) => `${before}${n}${after}`),
      fc.constant(undefined),
      longText,
    );
    fc.assert(
      fc.property(raw, (text) => {
        let value: number | null = null;
        let thrown: unknown = null;
        quick(() => {
          try {
            value = parseTurnTtl(text);
          } catch (error) {
            thrown = error;
          }
        });
        if (text === undefined || text.trim() === '') {
          expect(value).toBe(DEFAULT_TURN_TTL_SECONDS);
        } else if (/^\s*\d+\s*$/.test(text) && isTtl(Number(text))) {
          // Digits only: 0x10, 1e3 and 1.0 are refused, though Number() reads them.
          expect(value).toBe(Number(text));
        } else {
          expect(thrown).toBeInstanceOf(RangeError);
          expect((thrown as RangeError).message).toMatch(/^TURN_TTL /);
        }
      }),
    );
  });

  it('reads every whole number of seconds in range as itself', () => {
    fc.assert(
      fc.property(ttl, (n) => {
        expect(parseTurnTtl(String(n))).toBe(n);
        expect(parseTurnTtl(` ${n}\n`)).toBe(n);
      }),
    );
  });
});

describe('parseTurnUsername (properties)', () => {
  it('never throws, quickly, and what it reads is a valid user and a 12-digit-at-most expiry written in the username', () => {
    const usernameLike = fc.oneof(
      anyText,
      longText,
      fc.tuple(fc.stringMatching(/^\d{0,14}$/), fc.constantFrom(':', '::', ': ', ''), fc.oneof(user, nearlyUser)).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(usernameLike, (text) => {
        const parsed = quick(() => parseTurnUsername(text));
        if (parsed === null) return;
        expect(isUser(parsed.user)).toBe(true);
        expect(Number.isInteger(parsed.expiresAt)).toBe(true);
        expect(parsed.expiresAt).toBeGreaterThanOrEqual(0);
        expect(parsed.expiresAt).toBeLessThan(1e12);
        expect(text.endsWith(`:${parsed.user}`)).toBe(true);
        expect(Number(text.slice(0, -parsed.user.length - 1))).toBe(parsed.expiresAt);
      }),
    );
  });

  it('reads `${expiry}:${user}` back, leading zeros and all, and refuses an expiry of 13 digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), user, fc.nat(11), (expiresAt, u, zeros) => {
        expect(parseTurnUsername(`${expiresAt}:${u}`)).toEqual({ expiresAt, user: u });
        const padded = `${'0'.repeat(zeros)}${expiresAt}`;
        expect(parseTurnUsername(`${padded}:${u}`)).toEqual(padded.length <= 12 ? { expiresAt, user: u } : null);
        expect(parseTurnUsername(`1${String(expiresAt).padStart(12, '0')}:${u}`)).toBeNull();
      }),
    );
  });

  it('refuses a username whose user part is not a valid user', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.oneof(nearlyUser, anyText).filter((text) => !isUser(text)), (expiresAt, u) => {
        expect(parseTurnUsername(`${expiresAt}:${u}`)).toBeNull();
      }),
    );
  });
});
