import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import ko from '../../src/content/i18n/ko.json' with { type: 'json' };
import { labStringsModules } from '../../src/build/lab-strings-modules.ts';
import { labStringsOf } from '../../src/lib/ui-keys.ts';

describe('labStringsOf', () => {
  it('keeps every lab. key of a language, and nothing else', () => {
    const strings = labStringsOf(en);
    const labKeys = Object.keys(en).filter((key) => key.startsWith('lab.'));
    expect(Object.keys(strings).sort()).toEqual(labKeys.sort());
    expect(strings['lab.run']).toBe(en['lab.run']);
    expect(Object.keys(en).some((key) => !key.startsWith('lab.'))).toBe(true); // there was something to leave out
  });

  it('gives each language the same keys', () => {
    expect(Object.keys(labStringsOf(ko)).sort()).toEqual(Object.keys(labStringsOf(en)).sort());
  });
});

describe('virtual:lab-strings/<locale>', () => {
  const plugin = labStringsModules();
  const resolve = (id: string): unknown => (plugin.resolveId as (id: string) => unknown)(id);
  const load = (id: string): string | null => {
    const watched: string[] = [];
    const code = (plugin.load as (this: { addWatchFile(file: string): void }, id: string) => string | null).call({ addWatchFile: (file) => watched.push(file) }, id);
    if (code !== null) expect(watched.some((file) => file.endsWith('.json'))).toBe(true);
    return code;
  };

  it("is one language's lab strings as a default export", () => {
    const id = resolve('virtual:lab-strings/ko');
    expect(typeof id).toBe('string');
    const code = load(id as string) ?? '';
    expect(JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''))).toEqual(labStringsOf(ko));
  });

  it('knows no language the site does not have, and leaves other modules alone', () => {
    expect(resolve('virtual:lab-strings/fr')).toBeNull();
    expect(resolve('virtual:lab-strings/../../package')).toBeNull();
    expect(resolve('./lab-strings.ts')).toBeNull();
    expect(load('/src/runtime/lab-strings.ts')).toBeNull();
  });
});
