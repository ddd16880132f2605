import { describe, expect, it } from 'vitest';
import { chooseEditor } from '../../src/lib/editor-choice.ts';

describe('which editor a lab opens', () => {
  it('is the text box on a touch screen, whatever else is said', () => {
    expect(chooseEditor({ touchOnly: true }, false)).toBe('touch');
    expect(chooseEditor({ touchOnly: true, saveData: false, effectiveType: '4g' }, true)).toBe('touch');
  });

  it('is the light box first when the browser asks to save data or the link is slow', () => {
    expect(chooseEditor({ touchOnly: false, saveData: true, effectiveType: '4g' }, false)).toBe('light');
    for (const effectiveType of ['slow-2g', '2g', '3g']) expect(chooseEditor({ touchOnly: false, saveData: false, effectiveType }, false), effectiveType).toBe('light');
  });

  it('is Monaco on a fast link, where the browser says nothing, and once the learner asked for it', () => {
    expect(chooseEditor({ touchOnly: false, saveData: false, effectiveType: '4g' }, false)).toBe('full');
    expect(chooseEditor({ touchOnly: false }, false)).toBe('full');
    expect(chooseEditor({ touchOnly: false, saveData: true, effectiveType: '2g' }, true)).toBe('full');
  });
});
