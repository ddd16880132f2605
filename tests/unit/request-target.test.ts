import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedHosts, firstSegment, hostAllowed, PLAIN_PATH, refusePath } from '../../src/lib/request-target.ts';

describe('refusePath', () => {
  it.each([
    ['/_astro/..%2fstart%2fhow-labs-work%2f', 'encoded-separator'],
    ['/peerjs/..%2Flab-frame%2Findex.html', 'encoded-separator'],
    ['/_astro/%2e%2e/index.html', 'encoded-separator'],
    ['/_astro/..%5cindex.html', 'encoded-separator'],
    ['/lab-frame%00/', 'control-character'],
    ['/%6cab-frame/', 'encoded-plain-character'],
    ['/lab%2Dframe/', 'encoded-plain-character'],
    ['/lab-frame%zz/', 'bad-encoding'],
    ['/_astro/..\\index.html', 'backslash'],
    ['/_astro/../start/how-labs-work/', 'dot-segment'],
    ['/./lab-frame/', 'dot-segment'],
    ['/lab-frame/./', 'dot-segment'],
    ['/lab-frame//', 'empty-segment'],
    ['//lab-frame/', 'empty-segment'],
  ])('refuses %s (%s)', (path, reason) => {
    expect(refusePath(path)).toBe(reason);
  });

  it.each(['/', '/start/how-labs-work/', '/_astro/index.B1a2c3.js', '/lab-frame/', '/ko/media/overview/', '/peerjs/peerjs/id', '/a..b/c.d', '/ko/%ED%95%9C/'])(
    'lets %s through',
    (path) => {
      expect(refusePath(path)).toBeNull();
    },
  );
});

describe('hosts', () => {
  const allowed = allowedHosts(['http://localhost:4321', 'http://lab.localhost:4321', 'https://example.org']);

  it('accepts the hosts of the allowed origins, in any case', () => {
    expect(hostAllowed('localhost:4321', allowed)).toBe(true);
    expect(hostAllowed('LAB.localhost:4321', allowed)).toBe(true);
    expect(hostAllowed('example.org', allowed)).toBe(true);
  });

  it('refuses any other host, another port, or none', () => {
    expect(hostAllowed('evil.example', allowed)).toBe(false);
    expect(hostAllowed('localhost:4322', allowed)).toBe(false);
    expect(hostAllowed('example.org:443', allowed)).toBe(false);
    expect(hostAllowed(undefined, allowed)).toBe(false);
  });

  it('names the first path segment', () => {
    expect(firstSegment('/lab-frame/index')).toBe('lab-frame');
    expect(firstSegment('/')).toBe('');
  });
});

describe('the plain-path fast path', () => {
  it('only lets through paths that hold nothing the full checks refuse', () => {
    const segment = fc.string({ unit: fc.constantFrom(...'aZ9-._~%/\\.'.split('')), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
        const path = `/${segments.join('/')}`;
        if (!PLAIN_PATH.test(path)) return;
        expect(path).not.toMatch(/[%\\]/);
        const parts = path.split('/').slice(1);
        expect(parts.some((part) => part === '.' || part === '..')).toBe(false);
        expect(parts.slice(0, -1).includes('')).toBe(false);
      }),
    );
  });

  it('takes the paths pages and broker handshakes use', () => {
    for (const path of ['/', '/peerjs/peerjs', '/_astro/index.B2x_9f~a.js', '/ko/start/how-labs-work/']) expect(PLAIN_PATH.test(path)).toBe(true);
    for (const path of ['//', '/.well-known/x', '/a/../b', '/a%2fb']) expect(PLAIN_PATH.test(path)).toBe(false);
  });
});
