import { describe, expect, it } from 'vitest';
import { frameUrl, isFrameMessage, isPageMessage, newNonce, parseFrameFragment } from '../../src/lib/lab-protocol.ts';
import { allLocations, learnerLocation } from '../../src/lib/stack-lines.ts';

const nonce = newNonce();

describe('lab protocol', () => {
  it('makes 128-bit hex nonces that differ', () => {
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(newNonce()).not.toBe(nonce);
  });

  it('accepts only messages carrying this run’s nonce', () => {
    expect(isFrameMessage({ kind: 'ready', nonce }, nonce)).toBe(true);
    expect(isFrameMessage({ kind: 'feed', nonce, event: { type: 'done', at: 12.5 } }, nonce)).toBe(true);
    expect(isFrameMessage({ kind: 'feed', nonce, event: { type: 'done' } }, nonce)).toBe(false);
    expect(isFrameMessage({ kind: 'size', nonce, height: 480 }, nonce)).toBe(true);
    expect(isFrameMessage({ kind: 'size', nonce, height: 'tall' }, nonce)).toBe(false);
    expect(isFrameMessage({ kind: 'ready' }, nonce)).toBe(false);
    expect(isFrameMessage({ kind: 'ready', nonce: newNonce() }, nonce)).toBe(false);
    expect(isFrameMessage({ kind: 'feed', nonce, event: 'x' }, nonce)).toBe(false);
    expect(isFrameMessage('ready', nonce)).toBe(false);
    const run = { kind: 'run', nonce, files: { 'main.ts': 'x' }, script: 'x', modules: ['peerjs'], watch: { values: ['#level'], canvases: [] }, locale: 'ko', theme: 'dark' };
    expect(isPageMessage(run, nonce)).toBe(true);
    expect(isPageMessage({ ...run, script: undefined }, nonce)).toBe(false);
    expect(isPageMessage({ ...run, files: { 'main.ts': 1 } }, nonce)).toBe(false);
    expect(isPageMessage({ ...run, files: { 'evil.js': 'x' } }, nonce)).toBe(false);
    expect(isPageMessage({ ...run, modules: ['fs'] }, nonce)).toBe(false);
    expect(isPageMessage({ ...run, watch: { values: [1], canvases: [] } }, nonce)).toBe(false);
    expect(isPageMessage({ ...run, locale: 'fr' }, nonce)).toBe(false);
    expect(isPageMessage({ kind: 'stop', nonce: 'guess' }, nonce)).toBe(false);
  });

  it('carries nonce and parent in the fragment and reads them back', () => {
    const url = new URL(frameUrl('http://lab.localhost:4321', nonce, 'http://localhost:4321'));
    expect(url.origin).toBe('http://lab.localhost:4321');
    expect(url.pathname).toBe('/lab-frame/');
    expect(url.search).toBe('');
    expect(parseFrameFragment(url.hash)).toEqual({ nonce, parent: 'http://localhost:4321' });
    expect(parseFrameFragment('#nonce=short&parent=x')).toBeNull();
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
