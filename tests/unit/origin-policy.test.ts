import { describe, expect, it } from 'vitest';
import { checkOrigin, normalizeOrigin } from '../../src/lib/origin-policy.ts';

const allowed = new Set(['http://localhost:4321', 'http://lab.localhost:4321']);

describe('origin policy', () => {
  it('allows listed origins in any spelling of the same origin', () => {
    expect(checkOrigin('http://localhost:4321', allowed)).toEqual({ allowed: true, reason: 'listed' });
    expect(checkOrigin('HTTP://LAB.LOCALHOST:4321', allowed).allowed).toBe(true);
  });

  it('refuses other sites, other ports and other schemes', () => {
    for (const origin of ['http://evil.example', 'http://localhost:4322', 'https://localhost:4321', 'http://lab.localhost.evil.example:4321']) {
      expect(checkOrigin(origin, allowed)).toEqual({ allowed: false, reason: 'foreign' });
    }
  });

  it('refuses opaque and malformed origins', () => {
    expect(checkOrigin('null', allowed)).toEqual({ allowed: false, reason: 'malformed' });
    expect(checkOrigin('file:///etc/passwd', allowed)).toEqual({ allowed: false, reason: 'malformed' });
  });

  it('lets non-browser clients (no Origin header) through', () => {
    expect(checkOrigin(undefined, allowed)).toEqual({ allowed: true, reason: 'no-origin' });
  });

  it('normalizes default ports away', () => {
    expect(normalizeOrigin('https://example.org:443')).toBe('https://example.org');
    expect(normalizeOrigin('http://user:pw@example.org')).toBeNull();
  });
});
