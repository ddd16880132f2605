/** The build-time lab check, on real folders: a malformed lab names its folder and field. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-state.ts';
import { checkLabs } from '../../src/build/labs-check.ts';

const schema = path.join(ROOT, 'src/lib/lab-schema.ts');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function makeLab(root: string, id: string, labTs: string, files = ['main.ts', 'solution.ts', 'index.html']): void {
  mkdirSync(path.join(root, id), { recursive: true });
  writeFileSync(path.join(root, id, 'lab.ts'), labTs);
  for (const file of files) writeFileSync(path.join(root, id, file), '');
}

const lab = (goals: string) => `import { defineLab } from ${JSON.stringify(schema)};
export default defineLab({ title: { en: 'T', ko: 'ㅌ' }, summary: { en: 'S', ko: 'ㅅ' }, goals: ${goals} });`;

describe('lab folders are checked at build time', () => {
  it('passes the real labs', async () => {
    expect(await checkLabs(path.join(ROOT, 'src/labs'))).toEqual(['camera-to-video', 'datachannel-loopback']);
  });

  it('names the folder and field of a malformed lab', async () => {
    dir = mkdtempSync(path.join(ROOT, '.tmp-labs-'));
    makeLab(dir, 'good', lab("[{ id: 'a', title: { en: 'A', ko: 'ㄱ' }, check: { kind: 'datachannel-open' } }]"));
    makeLab(dir, 'bad', lab("[{ id: 'a', title: { en: 'A', ko: 'ㄱ' }, check: { kind: 'datachannel-open', text: 1 } }]"));
    await expect(checkLabs(dir)).rejects.toThrow(/src\/labs\/bad\/lab\.ts is not a valid lab:\n {2}goals\.0\.check/);
  });

  it('names a missing file', async () => {
    dir = mkdtempSync(path.join(ROOT, '.tmp-labs-'));
    makeLab(dir, 'partial', lab('[]'), ['main.ts']);
    await expect(checkLabs(dir)).rejects.toThrow('src/labs/partial: missing solution.ts, index.html');
  });
});
