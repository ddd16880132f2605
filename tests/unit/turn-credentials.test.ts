import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TURN_TTL_SECONDS,
  mintTurnCredential,
  parseTurnTtl,
  parseTurnUsername,
  validTurnUser,
} from '../../src/lib/turn-credentials.ts';
import { parseTurnUrlList, pickUrls, transportOf, turnUrls } from '../../src/lib/turn-urls.ts';
import fc from 'fast-check';

describe('TURN REST credentials', () => {
  it('matches a vector computed by openssl', () => {
    // printf '1700000600:alice' | openssl dgst -sha1 -hmac 'lab-secret' -binary | base64
    const minted = mintTurnCredential({ secret: 'lab-secret', user: 'alice', ttlSeconds: 600, nowMs: 1_700_000_000_999 });
    expect(minted).toEqual({ username: '1700000600:alice', credential: 'uRr1eTn1MVoc71R7G7OXq03WkLk=', ttl: 600, expiresAt: 1_700_000_600 });
  });

  it('puts now + TTL (whole seconds) in the username', () => {
    const minted = mintTurnCredential({ secret: 's', user: 'lab', ttlSeconds: 30, nowMs: 10_500 });
    expect(parseTurnUsername(minted.username)).toEqual({ expiresAt: 40, user: 'lab' });
  });

  it('reads TURN_TTL: short by default, whole seconds within a day', () => {
    expect(parseTurnTtl(undefined)).toBe(DEFAULT_TURN_TTL_SECONDS);
    expect(parseTurnTtl('')).toBe(DEFAULT_TURN_TTL_SECONDS);
    expect(parseTurnTtl('120')).toBe(120);
    for (const bad of ['0', '-5', '1.5', 'ten', '86401']) expect(() => parseTurnTtl(bad)).toThrow(/TURN_TTL/);
  });

  it('refuses users coturn would split or log badly, an empty secret and a bad TTL', () => {
    for (const bad of ['', 'a:b', 'with space', 'ü', 'x'.repeat(65), 'new\nline']) {
      expect(validTurnUser(bad)).toBe(false);
      expect(() => mintTurnCredential({ secret: 's', user: bad, ttlSeconds: 60, nowMs: 0 })).toThrow(RangeError);
    }
    expect(() => mintTurnCredential({ secret: '', user: 'a', ttlSeconds: 60, nowMs: 0 })).toThrow(/secret/);
    expect(() => mintTurnCredential({ secret: 's', user: 'a', ttlSeconds: 0, nowMs: 0 })).toThrow(/TTL/);
    expect(parseTurnUsername('alice')).toBeNull();
    expect(parseTurnUsername('12:a:b')).toBeNull();
  });
});

describe('TURN URLs', () => {
  it('lists UDP, TCP and TLS and picks by transport', () => {
    const urls = turnUrls('127.0.0.1', { plain: 3478, tls: 5349 });
    expect(urls).toEqual(['turn:127.0.0.1:3478?transport=udp', 'turn:127.0.0.1:3478?transport=tcp', 'turns:127.0.0.1:5349?transport=tcp']);
    expect(pickUrls(urls, ['tls'])).toEqual(['turns:127.0.0.1:5349?transport=tcp']);
    expect(pickUrls(urls, ['udp', 'tcp'])).toHaveLength(2);
    expect(turnUrls('h', { plain: 1, tls: null })).toHaveLength(2);
    expect(turnUrls('127.0.0.1', { plain: 1, tls: 2 }, 'localhost')[2]).toBe('turns:localhost:2?transport=tcp');
    expect(transportOf('turn:h:1')).toBe('udp');
    expect(transportOf('stun:h:1')).toBeNull();
  });
});

describe('a deployment’s TURN_URLS', () => {
  it('lists turn: and turns: URLs, split on commas or spaces', () => {
    expect(parseTurnUrlList('turn:t1.example.org:3478?transport=udp, turns:t2.example.org:5349?transport=tcp  turn:t3.example.org')).toEqual({
      ok: true,
      urls: ['turn:t1.example.org:3478?transport=udp', 'turns:t2.example.org:5349?transport=tcp', 'turn:t3.example.org'],
    });
  });

  it('refuses an empty list, STUN and anything else, naming what it refused', () => {
    expect(parseTurnUrlList(' , ')).toEqual({ ok: false, error: 'TURN_URLS names no server' });
    const stun = parseTurnUrlList('turn:a.example:3478,stun:a.example:3478');
    expect(stun.ok).toBe(false);
    expect(!stun.ok && stun.error).toContain('"stun:a.example:3478"');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseTurnUrlList(text);
        if (parsed.ok) for (const url of parsed.urls) expect(transportOf(url)).not.toBeNull();
      }),
    );
  });
});
