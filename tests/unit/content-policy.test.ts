import { describe, expect, it } from 'vitest';
import { labFramePolicy, serializePolicy, sitePolicy, socketOrigin } from '../../src/lib/content-policy.ts';

const LAB = 'http://lab.localhost:4321';
const SITE = 'http://localhost:4321';

describe('content policies', () => {
  it('writes a policy as the header spells it', () => {
    expect(serializePolicy({ 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] })).toBe("default-src 'self'; img-src 'self' data:");
  });

  it('names the broker socket on the lab origin, ws or wss by scheme', () => {
    expect(socketOrigin(LAB)).toBe('ws://lab.localhost:4321');
    expect(socketOrigin('https://lab.example.org')).toBe('wss://lab.example.org');
  });

  it('lets the lab frame reach only its own origin, and only the site embed it', () => {
    const policy = labFramePolicy(LAB, [SITE]);
    const everySource = Object.values(policy).flat();
    // No wildcard, no scheme that would let code talk to any host.
    expect(everySource.filter((source) => source === '*' || /^(https?|wss?):$/.test(source))).toEqual([]);
    expect(policy['connect-src']).toEqual(["'self'", 'ws://lab.localhost:4321', 'blob:']);
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['worker-src']).toEqual(['blob:']);
    expect(policy['form-action']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual([SITE]);
  });

  it('keeps the site’s pages in their own frames and its images on its own origin', () => {
    const policy = sitePolicy(LAB);
    expect(policy['frame-ancestors']).toEqual(["'self'"]);
    expect(policy['frame-src']).toEqual([LAB]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  });
});
