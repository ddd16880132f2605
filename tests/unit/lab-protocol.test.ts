import { describe, expect, it } from 'vitest';
import { frameUrl, isFrameMessage, isHandshake, isPageMessage, parseFrameFragment } from '../../src/lib/lab-protocol.ts';
import { allLocations, learnerLocation } from '../../src/lib/stack-lines.ts';

describe('lab protocol', () => {
  it('accepts only well-formed messages on the channel', () => {
    expect(isFrameMessage({ kind: 'stopped' })).toBe(true);
    expect(isFrameMessage({ kind: 'feed', event: { type: 'done', at: 12.5 } })).toBe(true);
    expect(isFrameMessage({ kind: 'feed', event: { type: 'done' } })).toBe(false);
    expect(isFrameMessage({ kind: 'size', height: 480 })).toBe(true);
    expect(isFrameMessage({ kind: 'size', height: 'tall' })).toBe(false);
    expect(isFrameMessage({ kind: 'size', height: Infinity })).toBe(false);
    expect(isFrameMessage({ kind: 'hello' })).toBe(false);
    expect(isFrameMessage({ kind: 'feed', event: 'x' })).toBe(false);
    expect(isFrameMessage('stopped')).toBe(false);
    const run = { kind: 'run', files: { 'main.ts': 'x' }, script: 'x', modules: ['peerjs'], watch: { values: ['#level'], canvases: [] }, locale: 'ko', theme: 'dark', pairing: null };
    expect(isPageMessage(run)).toBe(true);
    expect(isPageMessage({ ...run, script: undefined })).toBe(false);
    expect(isPageMessage({ ...run, files: { 'main.ts': 1 } })).toBe(false);
    expect(isPageMessage({ ...run, files: { 'evil.js': 'x' } })).toBe(false);
    expect(isPageMessage({ ...run, modules: ['fs'] })).toBe(false);
    expect(isPageMessage({ ...run, watch: { values: [1], canvases: [] } })).toBe(false);
    expect(isPageMessage({ ...run, locale: 'fr' })).toBe(false);
    expect(isPageMessage({ ...run, pairing: { room: 'k7q2', role: 'guest', lab: 'video-call' } })).toBe(true);
    expect(isPageMessage({ ...run, pairing: { room: 'K7Q2', role: 'guest', lab: 'video-call' } })).toBe(false);
    expect(isPageMessage({ ...run, pairing: { room: 'k7q2', role: 'admin', lab: 'video-call' } })).toBe(false);
    expect(isPageMessage({ ...run, pairing: undefined })).toBe(false);
    // Found by the property test: a role no string can be made of once threw instead of failing.
    expect(isPageMessage({ ...run, pairing: { room: 'k7q2', role: { toString: 0 }, lab: 'video-call' } })).toBe(false);
    // A mesh room: further seats only below its size.
    expect(isPageMessage({ ...run, pairing: { room: 'k7q2', role: 'guest3', lab: 'mesh', size: 4 } })).toBe(true);
    expect(isPageMessage({ ...run, pairing: { room: 'k7q2', role: 'guest3', lab: 'mesh', size: 3 } })).toBe(false);
    expect(isPageMessage({ ...run, pairing: { room: 'k7q2', role: 'guest2', lab: 'mesh' } })).toBe(false);
    expect(isPageMessage({ ...run, pairing: { room: 'k7q2', role: 'guest', lab: 'mesh', size: 99 } })).toBe(false);
    expect(isPageMessage({ ...run, theme: 'sepia' })).toBe(false);
    expect(isPageMessage({ kind: 'stop' })).toBe(true);
    expect(isPageMessage({ kind: 'theme', theme: 'light' })).toBe(true);
    expect(isPageMessage({ kind: 'theme', theme: 'auto' })).toBe(false);
    expect(isPageMessage({ kind: 'theme' })).toBe(false);
    expect(isPageMessage({ kind: 'connect' })).toBe(false);
  });

  it('tells the two handshake messages apart', () => {
    expect(isHandshake({ kind: 'hello' }, 'hello')).toBe(true);
    expect(isHandshake({ kind: 'hello' }, 'connect')).toBe(false);
    expect(isHandshake(null, 'connect')).toBe(false);
  });

  it('carries only the parent origin in the fragment, and reads it back', () => {
    const url = new URL(frameUrl('http://lab.localhost:4321', 'http://localhost:4321'));
    expect(url.origin).toBe('http://lab.localhost:4321');
    expect(url.pathname).toBe('/lab-frame/');
    expect(url.search).toBe('');
    expect(parseFrameFragment(url.hash)).toEqual({ parent: 'http://localhost:4321' });
    expect(parseFrameFragment('#nonce=abc')).toBeNull();
  });
});

describe('stack lines', () => {
  const url = 'blob:http://lab.localhost:4321/0f6c2a8e-1b9d-4a51-9d59-4ad3b1c6e0aa';
  it('finds the learner line in Chromium and Firefox stacks', () => {
    expect(learnerLocation(`TypeError: x is undefined\n    at run (${url}:7:13)\n    at ${url}:12:1`, url)).toEqual({ line: 7, column: 13 });
    expect(learnerLocation(`run@${url}:3:9\n@${url}:10:1`, url)).toEqual({ line: 3, column: 9 });
    expect(allLocations(`at a (${url}:7:13)\nat b (${url}:12:1)`, url)).toEqual([{ line: 7, column: 13 }, { line: 12, column: 1 }]);
  });
  it('skips the wrapper’s own call on line 1, column 1', () => {
    expect(learnerLocation(`SecurityError\n    at value (http://lab.localhost:4321/_astro/runner.js:1:9)\n    at ${url}:1:1`, url)).toBeNull();
    expect(learnerLocation(`at f (${url}:1:80)\n    at ${url}:1:1`, url)).toEqual({ line: 1, column: 80 });
  });

  it('ignores frames from other scripts', () => {
    expect(learnerLocation('at f (http://lab.localhost:4321/_astro/runner.js:1:200)', url)).toBeNull();
    expect(learnerLocation(undefined, url)).toBeNull();
  });
});
