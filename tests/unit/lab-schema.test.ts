import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLab } from '../../src/lib/lab-schema.ts';
import { quick } from '../support/properties.ts';

const valid = {
  title: { en: 'Camera', ko: '카메라' },
  summary: { en: 'Show the camera.', ko: '카메라를 보여 줍니다.' },
  needs: ['camera'],
  goals: [{ id: 'frames', title: { en: 'Frames decoded', ko: '프레임 디코딩' }, check: { kind: 'video-frames' } }],
};

describe('lab metadata', () => {
  it('accepts a valid lab and fills defaults', () => {
    const lab = parseLab('camera-to-video', valid);
    expect(lab.goals[0]?.check).toEqual({ kind: 'video-frames', minFrames: 10 });
  });

  it('names the folder and the field that is wrong', () => {
    expect(() => parseLab('broken', { ...valid, needs: ['webcam'] })).toThrow(/src\/labs\/broken\/lab\.ts is not a valid lab:\n {2}needs\.0: /);
    expect(() => parseLab('broken', { ...valid, title: { en: 'Only English' } })).toThrow(/title\.ko/);
    expect(() => parseLab('broken', { ...valid, goals: [] })).toThrow(/goals: a lab needs at least one goal/);
    expect(() => parseLab('broken', { ...valid, goals: [{ ...valid.goals[0], check: { kind: 'telepathy' } }] })).toThrow(/goals\.0\.check\.kind/);
    expect(() => parseLab('broken', { ...valid, colour: 'red' })).toThrow(/colour|Unrecognized/);
  });

  it('rejects duplicate goal ids and bad folder names', () => {
    expect(() => parseLab('dup', { ...valid, goals: [valid.goals[0], valid.goals[0]] })).toThrow(/duplicate goal id "frames"/);
    expect(() => parseLab('Bad_Name', valid)).toThrow(/src\/labs\/Bad_Name: folder name/);
  });

  it('gives a room two seats unless a pairing lab asks for more', () => {
    expect(parseLab('camera-to-video', valid).room).toEqual({ size: 2 });
    expect(parseLab('mesh', { ...valid, needs: ['camera', 'pairing'], room: { size: 4 } }).room).toEqual({ size: 4 });
    expect(() => parseLab('mesh', { ...valid, room: { size: 4 } })).toThrow(/room: a room of 4 needs 'pairing'/);
    expect(() => parseLab('mesh', { ...valid, needs: ['pairing'], room: { size: 9 } })).toThrow(/room\.size/);
    expect(() => parseLab('mesh', { ...valid, needs: ['pairing'], room: { size: 1 } })).toThrow(/room\.size/);
  });

  it('either reads any value or names the folder it came from', () => {
    const folder = fc.oneof(fc.constant('camera-to-video'), fc.string());
    const field = fc.constantFrom('title', 'summary', 'needs', 'goals', 'steps', 'room', 'extra');
    // The valid lab with one field replaced by anything, or anything at all.
    const value = fc.oneof(fc.anything(), fc.tuple(field, fc.anything()).map(([name, replaced]) => ({ ...valid, [name]: replaced })));
    fc.assert(
      fc.property(folder, value, (name, input) => {
        try {
          expect(quick(() => parseLab(name, input)).goals.length).toBeGreaterThan(0);
        } catch (error) {
          expect((error as Error).message).toMatch(/^src\/labs\//);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
