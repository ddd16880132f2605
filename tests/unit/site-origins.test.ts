import { describe, expect, it } from 'vitest';
import { defaultLabOrigin, resolveSiteOrigins } from '../../src/lib/site-origins.ts';

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
  });
});
