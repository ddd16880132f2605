import { describe, expect, it } from 'vitest';
import { prepareAtBuild } from '../../src/lib/prepare-at-build.ts';
import { preparedFor } from '../../src/lib/prepared-code.ts';
import { LAB_ENTRY, LAB_GUARD } from '../../src/lib/lab-protocol.ts';
import { prepareLabCode } from '../../src/lib/transpile.ts';

const starter = { 'main.ts': "import { log } from 'lab';\nconst n: number = 2;\nfor (let i = 0; i < n; i++) log(i);\n" };
const partner = { 'main.ts': "import Peer from 'peerjs';\nnew Peer();\n" };

describe('code prepared at build time', () => {
  const prepared = { starter: prepareAtBuild(starter), partner: prepareAtBuild(partner) };
  const page = { starter, partner, prepared };

  it('stands in for the transpiler for exactly the code it was made from', () => {
    for (const files of [starter, partner]) {
      const runtime = prepareLabCode(files['main.ts'], { entry: LAB_ENTRY, guard: LAB_GUARD });
      const built = preparedFor(files['main.ts'], page);
      expect(runtime.ok).toBe(true);
      if (!runtime.ok || !built) throw new Error('not prepared');
      expect(built.script).toBe(runtime.script);
      expect(built.imports.map((entry) => entry.name)).toEqual(runtime.imports.map((entry) => entry.name));
    }
  });

  it('leaves any other code to the transpiler, a single changed character included', () => {
    expect(preparedFor(starter['main.ts'].replace('2', '3'), page)).toBeNull();
    expect(preparedFor(partner['main.ts'], { ...page, partner: null })).toBeNull();
    expect(preparedFor('', page)).toBeNull();
  });

  it('prepares nothing for code that does not parse, so Run shows the error as for any code', () => {
    expect(prepareAtBuild({ 'main.ts': 'const = ;' })).toBeNull();
  });
});
