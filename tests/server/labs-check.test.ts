/** The build-time lab check, on real folders: a malformed lab names its folder and field. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-state.ts';
import { checkLabs } from '../../src/build/labs-check.ts';

const schema = path.join(ROOT, 'src/lib/lab-schema.ts');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function makeLab(root: string, id: string, labTs: string, files: Record<string, string> = { 'main.ts': '', 'solution.ts': '', 'index.html': '' }): void {
  mkdirSync(path.join(root, id), { recursive: true });
  writeFileSync(path.join(root, id, 'lab.ts'), labTs);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, id, file), text);
}

const GOAL = "[{ id: 'a', title: { en: 'A', ko: 'ㄱ' }, check: { kind: 'datachannel-open' } }]";
const lab = (goals: string, needs = '[]') => `import { defineLab } from ${JSON.stringify(schema)};
export default defineLab({ title: { en: 'T', ko: 'ㅌ' }, summary: { en: 'S', ko: 'ㅅ' }, needs: ${needs}, goals: ${goals} });`;

describe('lab folders are checked at build time', () => {
  it('passes every real lab folder', async () => {
    const folders = readdirSync(path.join(ROOT, 'src/labs'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(await checkLabs(path.join(ROOT, 'src/labs'))).toEqual(folders);
  });

  it('names the folder and field of a malformed lab', async () => {
    dir = mkdtempSync(path.join(ROOT, '.tmp-labs-'));
    makeLab(dir, 'good', lab(GOAL));
    makeLab(dir, 'bad', lab("[{ id: 'a', title: { en: 'A', ko: 'ㄱ' }, check: { kind: 'datachannel-open', text: 1 } }]"));
    await expect(checkLabs(dir)).rejects.toThrow(/src\/labs\/bad\/lab\.ts is not a valid lab:\n {2}goals\.0\.check/);
  });

  it('names a missing file', async () => {
    dir = mkdtempSync(path.join(ROOT, '.tmp-labs-'));
    makeLab(dir, 'partial', lab('[]'), { 'main.ts': '' });
    await expect(checkLabs(dir)).rejects.toThrow('src/labs/partial: missing solution.ts, index.html');
  });

  it('names a file the manifest does not know', async () => {
    dir = mkdtempSync(path.join(ROOT, '.tmp-labs-'));
    makeLab(dir, 'typo', lab(GOAL), { 'main.ts': '', 'solution.ts': '', 'index.html': '', 'main.kr.ts': '' });
    await expect(checkLabs(dir)).rejects.toThrow(/src\/labs\/typo: unknown file main\.kr\.ts/);
  });

  it('accepts a Korean edition that differs only in comments, and names the token where code differs', async () => {
    dir = mkdtempSync(path.join(ROOT, '.tmp-labs-'));
    const main = "// Ask for the camera.\nconst stream = await navigator.mediaDevices.getUserMedia({ video: true });\n";
    makeLab(dir, 'same', lab(GOAL), { 'main.ts': main, 'main.ko.ts': '// 카메라를 요청합니다.\nconst stream = await navigator.mediaDevices.getUserMedia({ video: true }); // 여기\n', 'solution.ts': '', 'index.html': '' });
    expect(await checkLabs(dir)).toEqual(['same']);
    makeLab(dir, 'drift', lab(GOAL), { 'main.ts': main, 'main.ko.ts': 'const stream = await navigator.mediaDevices.getUserMedia({ audio: true });\n', 'solution.ts': '', 'index.html': '' });
    await expect(checkLabs(dir)).rejects.toThrow(/src\/labs\/drift\/main\.ko\.ts is not the same code as main\.ts: token \d+ is name:audio there, name:video/);
  });

  it('takes a partner file only in a lab that pairs, where it may be left out (a symmetric lab)', async () => {
    dir = mkdtempSync(path.join(ROOT, '.tmp-labs-'));
    makeLab(dir, 'pair', lab(GOAL, "['pairing']"));
    expect(await checkLabs(dir)).toEqual(['pair']);
    makeLab(dir, 'alone', lab(GOAL), { 'main.ts': '', 'solution.ts': '', 'index.html': '', 'partner.ts': '' });
    await expect(checkLabs(dir)).rejects.toThrow("src/labs/alone: partner.ts is only for pairing labs (needs: ['pairing'])");
  });
});
