import { describe, expect, it } from 'vitest';
import { defaultLabOrigin, embeddersOf, isLabHost, isLanOrigin, pairForHost, resolveSiteOrigins } from '../../src/lib/site-origins.ts';

describe('site origins', () => {
  it('defaults to localhost with a lab.localhost frame origin', () => {
    const origins = resolveSiteOrigins({ port: 4321 });
    expect(origins.site).toBe('http://localhost:4321');
    expect(origins.lab).toBe('http://lab.localhost:4321');
    expect([...origins.allowed].sort()).toEqual(['http://127.0.0.1:4321', 'http://lab.localhost:4321', 'http://localhost:4321']);
  });

  it('puts the lab on the next port when the site is an IP address', () => {
    expect(defaultLabOrigin('http://192.168.1.20:4321')).toBe('http://192.168.1.20:4322');
    expect(defaultLabOrigin('http://[::1]:8080')).toBe('http://[::1]:8081');
    expect(defaultLabOrigin('https://10.0.0.5')).toBe('https://10.0.0.5:444');
  });

  it('uses configured origins and validates them', () => {
    const origins = resolveSiteOrigins({
      port: 80,
      siteOrigin: 'https://webrtc-lab.example/',
      labOrigin: 'https://run.webrtc-lab.example',
      extraOrigins: ['', ' https://mirror.example '],
    });
    expect(origins.site).toBe('https://webrtc-lab.example');
    expect([...origins.allowed]).toEqual(['https://webrtc-lab.example', 'https://run.webrtc-lab.example', 'https://mirror.example']);
    expect(() => resolveSiteOrigins({ port: 1, siteOrigin: 'not a url' })).toThrow(/SITE_ORIGIN/);
    expect(() => resolveSiteOrigins({ port: 70000 })).toThrow(RangeError);
    // The lab on the site's own origin (a trailing slash is the same origin) would undo the split.
    expect(() => resolveSiteOrigins({ port: 80, siteOrigin: 'https://webrtc-lab.example', labOrigin: 'https://webrtc-lab.example/' })).toThrow(/LAB_ORIGIN must be another origin/);
    expect(() => resolveSiteOrigins({ port: 4321, labOrigin: 'http://localhost:4321' })).toThrow(/LAB_ORIGIN/);
  });
});

describe('site origins in LAN mode', () => {
  const origins = resolveSiteOrigins({ port: 4321, lan: { addresses: ['192.168.1.20', '10.99.0.1'], port: 4443 } });

  it('add an HTTPS site and a lab on the next port for every LAN address', () => {
    expect(origins.site).toBe('http://localhost:4321');
    expect(origins.lan).toEqual([
      { site: 'https://192.168.1.20:4443', lab: 'https://192.168.1.20:4444' },
      { site: 'https://10.99.0.1:4443', lab: 'https://10.99.0.1:4444' },
    ]);
    expect(origins.allowed).toContain('https://10.99.0.1:4444');
    expect(resolveSiteOrigins({ port: 4321 }).lan).toEqual([]);
    expect(() => resolveSiteOrigins({ port: 4321, lan: { addresses: ['10.0.0.1'], port: 65535 } })).toThrow(RangeError);
  });

  it('pair a request with the site and lab of the host it names', () => {
    expect(pairForHost(origins, '10.99.0.1:4444')).toEqual({ site: 'https://10.99.0.1:4443', lab: 'https://10.99.0.1:4444' });
    expect(pairForHost(origins, '192.168.1.20:4443').lab).toBe('https://192.168.1.20:4444');
    expect(pairForHost(origins, 'localhost:4321')).toEqual({ site: 'http://localhost:4321', lab: 'http://lab.localhost:4321' });
    expect(pairForHost(origins, undefined).site).toBe('http://localhost:4321');
  });

  it('know the lab hosts, and no others', () => {
    expect(isLabHost(origins, 'lab.localhost:4321')).toBe(true);
    expect(isLabHost(origins, '10.99.0.1:4444')).toBe(true);
    expect(isLabHost(origins, '10.99.0.1:4443')).toBe(false);
    expect(isLabHost(origins, 'localhost:4321')).toBe(false);
    expect(isLabHost(origins, undefined)).toBe(false);
  });

  it('let a LAN lab be embedded by its own LAN site only, and the main lab by the main sites', () => {
    expect(embeddersOf(origins, origins.lan[1]!)).toEqual(['https://10.99.0.1:4443']);
    expect(embeddersOf(origins, { site: origins.site, lab: origins.lab })).toEqual(['http://localhost:4321', 'http://127.0.0.1:4321']);
  });
});

describe('LAN origins', () => {
  it('are HTTPS on an IPv4 address', () => {
    expect(isLanOrigin('https://192.168.1.20:4444')).toBe(true);
    expect(isLanOrigin('http://192.168.1.20:4322')).toBe(false);
    expect(isLanOrigin('http://lab.localhost:4321')).toBe(false);
    expect(isLanOrigin('https://run.webrtc-lab.example')).toBe(false);
  });
});
