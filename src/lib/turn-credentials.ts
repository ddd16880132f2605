/**
 * TURN REST credentials ("use-auth-secret" in coturn, draft-uberti-behave-turn-rest): the
 * username is `${expiryUnixSeconds}:${user}` and the password is base64(HMAC-SHA1(secret,
 * username)). coturn recomputes the password from its copy of the secret and refuses a username
 * whose expiry has passed, so the server that mints them never stores a user, and the secret
 * never leaves it. Pure: the clock is passed in.
 */
import { createHmac } from 'node:crypto';

export interface TurnCredential {
  readonly username: string;
  readonly credential: string;
  /** Seconds the credential stays valid from when it was minted. */
  readonly ttl: number;
  /** Unix seconds after which coturn refuses a new allocation with it. */
  readonly expiresAt: number;
}

/** Short: a credential leaked from a lab frame is worth ten minutes, not a day. */
export const DEFAULT_TURN_TTL_SECONDS = 600;
/** coturn itself accepts more; a day is already far more than any lab needs. */
export const MAX_TURN_TTL_SECONDS = 86_400;

/**
 * The user part: what a log line or `turnadmin` shows. ASCII letters, digits, `.`, `_`, `-`;
 * never the `:` that separates it from the expiry (coturn splits on the first one).
 */
const USER = /^[A-Za-z0-9._-]{1,64}$/;

export function validTurnUser(user: string): boolean {
  return USER.test(user);
}

export function parseTurnTtl(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_TURN_TTL_SECONDS;
  // Digits only: Number() would also take 0x10 or 1e3.
  const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_TURN_TTL_SECONDS) {
    throw new RangeError(`TURN_TTL must be whole seconds from 1 to ${MAX_TURN_TTL_SECONDS}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

export function turnPassword(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

export interface MintOptions {
  readonly secret: string;
  readonly user: string;
  readonly ttlSeconds: number;
  readonly nowMs: number;
}

export function mintTurnCredential({ secret, user, ttlSeconds, nowMs }: MintOptions): TurnCredential {
  if (secret.length === 0) throw new RangeError('a TURN secret must not be empty');
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`the clock must be a time after 1970 in ms, got ${nowMs}`);
  if (!validTurnUser(user)) throw new RangeError(`TURN user must be 1–64 of A–Z a–z 0–9 . _ - (no ':'), got ${JSON.stringify(user)}`);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TURN_TTL_SECONDS) {
    throw new RangeError(`TURN TTL must be whole seconds from 1 to ${MAX_TURN_TTL_SECONDS}, got ${ttlSeconds}`);
  }
  const expiresAt = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expiresAt}:${user}`;
  return { username, credential: turnPassword(secret, username), ttl: ttlSeconds, expiresAt };
}

/** The parts of a TURN REST username, or null when it is not one. */
export function parseTurnUsername(username: string): { expiresAt: number; user: string } | null {
  const match = /^(\d{1,12}):(.*)$/.exec(username);
  if (!match || !validTurnUser(match[2] ?? '')) return null;
  return { expiresAt: Number(match[1]), user: match[2] ?? '' };
}
