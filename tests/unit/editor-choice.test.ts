import { describe, expect, it } from 'vitest';
import { chooseEditor, parseEditorPick } from '../../src/lib/editor-choice.ts';

describe('which editor a lab opens', () => {
  it('is the text box on a touch screen, whatever else is said or picked', () => {
    expect(chooseEditor({ touchOnly: true }, null)).toBe('touch');
    expect(chooseEditor({ touchOnly: true, saveData: false, effectiveType: '4g' }, 'full')).toBe('touch');
  });

  it('is the light box first when the browser asks to save data or the link is slow', () => {
    expect(chooseEditor({ touchOnly: false, saveData: true, effectiveType: '4g' }, null)).toBe('light');
    for (const effectiveType of ['slow-2g', '2g', '3g']) expect(chooseEditor({ touchOnly: false, saveData: false, effectiveType }, null), effectiveType).toBe('light');
  });

  it('is Monaco on a fast link, where the browser says nothing, and once the learner asked for it', () => {
    expect(chooseEditor({ touchOnly: false, saveData: false, effectiveType: '4g' }, null)).toBe('full');
    expect(chooseEditor({ touchOnly: false }, null)).toBe('full');
    expect(chooseEditor({ touchOnly: false, saveData: true, effectiveType: '2g' }, 'full')).toBe('full');
  });

  it('is the plain box once the learner picked it, on any link', () => {
    expect(chooseEditor({ touchOnly: false, saveData: false, effectiveType: '4g' }, 'plain')).toBe('plain');
    expect(chooseEditor({ touchOnly: false, saveData: true }, 'plain')).toBe('plain');
  });

  it('reads only its own two values as a pick', () => {
    expect(parseEditorPick('plain')).toBe('plain');
    expect(parseEditorPick('full')).toBe('full');
    for (const other of [null, '', 'Plain', 'monaco', '{"x":1}']) expect(parseEditorPick(other)).toBeNull();
  });
});
