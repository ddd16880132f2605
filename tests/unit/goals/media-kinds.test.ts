/** Media goal kinds, judged on feeds shaped as the observer records them. */
import { describe, expect, it } from 'vitest';
import { HANDLED_AFTER_MS } from '../../../src/lib/goals/media-judges.ts';
import { at, goals, metAfter } from './feed-builder.ts';

describe('video-frames', () => {
  const g = goals({ check: { kind: 'video-frames', element: 'video#local', minFrames: 20, minWidth: 1280, minHeight: 720 } });
  const frames = (element: string, frames: number, width: number, height: number) => at(500, { type: 'video-frames', element, frames, width, height });

  it('needs the named element, enough frames and the size asked for', () => {
    expect(metAfter(g, [frames('video#local', 40, 1280, 720)])).toEqual(new Set(['g0']));
    expect(metAfter(g, [frames('video#local', 40, 640, 480)])).toEqual(new Set());
    expect(metAfter(g, [frames('video#remote', 40, 1280, 720)])).toEqual(new Set());
    expect(metAfter(g, [frames('video#local', 10, 1280, 720)])).toEqual(new Set());
  });

  it('counts a family of videos (video#remote-…) when asked for several', () => {
    const three = goals({ check: { kind: 'video-frames', element: 'video#remote', minElements: 3 } });
    const remote = (seat: string, count: number) => frames(`video#remote-${seat}`, count, 320, 240);
    expect(metAfter(three, [remote('host', 40), remote('guest2', 40)])).toEqual(new Set());
    expect(metAfter(three, [remote('host', 40), remote('guest2', 40), remote('guest3', 5)])).toEqual(new Set());
    expect(metAfter(three, [remote('host', 40), remote('guest2', 40), remote('guest3', 40)])).toEqual(new Set(['g0']));
    // The same video reported twice is still one; a lookalike id is not of the family.
    expect(metAfter(three, [remote('host', 20), remote('host', 40), remote('guest2', 40), frames('video#remotes', 40, 320, 240)])).toEqual(new Set());
  });
});

describe('media-error-handled', () => {
  const g = goals({ check: { kind: 'media-error-handled', name: 'OverconstrainedError' } });
  const error = at(100, { type: 'media-error', api: 'getUserMedia', name: 'OverconstrainedError', message: '', constraint: 'width' });

  it('is met when no uncaught error follows within the settle time', () => {
    expect(metAfter(g, [error], 100 + HANDLED_AFTER_MS)).toEqual(new Set(['g0']));
  });

  it('waits for the settle time before saying it was handled', () => {
    expect(metAfter(g, [error], 100 + HANDLED_AFTER_MS - 1)).toEqual(new Set());
  });

  it('is not met when the rejection went uncaught', () => {
    const uncaught = at(102, { type: 'error', phase: 'runtime', message: 'OverconstrainedError: ' });
    expect(metAfter(g, [error, uncaught], 5000)).toEqual(new Set());
  });

  it('needs the named error', () => {
    const denied = at(100, { type: 'media-error', api: 'getUserMedia', name: 'NotAllowedError', message: 'Permission denied' });
    expect(metAfter(g, [denied], 5000)).toEqual(new Set());
  });
});

describe('track-ended', () => {
  const g = goals({ check: { kind: 'track-ended', source: 'getDisplayMedia', cause: 'stop' } });
  const screen = at(300, { type: 'track', track: 'track1', kind: 'video', label: 'screen:0:0', source: 'getDisplayMedia' });

  it('is met when lab code stopped the screen track', () => {
    expect(metAfter(g, [screen, at(4000, { type: 'track-ended', track: 'track1', cause: 'stop' })])).toEqual(new Set(['g0']));
  });

  it('never counts the Stop button', () => {
    expect(metAfter(g, [screen, at(4000, { type: 'track-ended', track: 'track1', cause: 'runner' })])).toEqual(new Set());
  });

  it('needs the source asked for', () => {
    const camera = at(300, { type: 'track', track: 'track1', kind: 'video', label: 'fake', source: 'getUserMedia' });
    expect(metAfter(g, [camera, at(4000, { type: 'track-ended', track: 'track1', cause: 'stop' })])).toEqual(new Set());
  });
});

describe('sender-track', () => {
  const g = goals({ check: { kind: 'sender-track', source: 'getDisplayMedia', media: 'video' } });
  const camera = at(100, { type: 'track', track: 'track1', kind: 'video', label: 'fake', source: 'getUserMedia' });
  const screen = at(900, { type: 'track', track: 'track3', kind: 'video', label: 'screen:0:0', source: 'getDisplayMedia' });
  const sends = (ms: number, track: string | null) => at(ms, { type: 'sender-track', pc: 'pc1', track, kind: 'video' });

  it('is met once a sender sends the screen, as replaceTrack makes it', () => {
    expect(metAfter(g, [camera, sends(200, 'track1'), screen, sends(1000, 'track3')])).toEqual(new Set(['g0']));
  });

  it('is not met by the camera, by nothing, or by a track of unknown source', () => {
    expect(metAfter(g, [camera, sends(200, 'track1'), screen, sends(1000, null), sends(1100, 'track7')])).toEqual(new Set());
  });
});

describe('element-value-moves', () => {
  const g = goals({ check: { kind: 'element-value-moves', element: '#level', minChanges: 3 } });
  const value = (ms: number, v: number) => at(ms, { type: 'element-value', element: '#level', value: v });

  it('needs the value to move, not to be set once', () => {
    expect(metAfter(g, [value(250, 0.4)])).toEqual(new Set());
    expect(metAfter(g, [value(250, 0), value(500, 0.4)])).toEqual(new Set());
    expect(metAfter(g, [value(250, 0), value(500, 0.4), value(750, 0.1), value(1000, 0.6)])).toEqual(new Set(['g0']));
  });
});

describe('canvas-image', () => {
  const g = goals({ check: { kind: 'canvas-image', element: 'canvas#snapshot' } });
  const canvas = (blank: boolean) => at(700, { type: 'canvas', element: 'canvas#snapshot', width: 640, height: 480, blank });

  it('needs a non-blank image', () => {
    expect(metAfter(g, [canvas(true)])).toEqual(new Set());
    expect(metAfter(g, [canvas(true), canvas(false)])).toEqual(new Set(['g0']));
  });
});

describe('recording-played', () => {
  const g = goals({ check: { kind: 'recording-played', minSeconds: 2 } });
  const recorded = at(3200, { type: 'recorder', state: 'inactive', mimeType: 'video/webm', bytes: 210_000 });
  const played = (seconds: number, source: 'blob' | 'url' = 'blob') => at(5600, { type: 'media-playback', element: 'video#playback', source, played: seconds });

  it('needs a recording and a blob playback of at least N seconds', () => {
    expect(metAfter(g, [recorded, played(2.4)])).toEqual(new Set(['g0']));
    expect(metAfter(g, [recorded, played(1.2)])).toEqual(new Set());
    expect(metAfter(g, [played(2.4)])).toEqual(new Set());
    expect(metAfter(g, [recorded, played(2.4, 'url')])).toEqual(new Set());
  });
});
