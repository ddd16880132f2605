/** The build's half of prepared-code.ts: it runs the transpiler, so only Lab.astro imports it. */
import { ENTRY_FILE, type LabFiles } from './lab-manifest.ts';
import { LAB_ENTRY, LAB_GUARD } from './lab-protocol.ts';
import type { PreparedScript } from './prepared-code.ts';
import { prepareLabCode } from './transpile.ts';

export function prepareAtBuild(files: LabFiles): PreparedScript | null {
  const result = prepareLabCode(files[ENTRY_FILE] ?? '', { entry: LAB_ENTRY, guard: LAB_GUARD });
  return result.ok ? { script: result.script, modules: result.imports.map((entry) => entry.name) } : null;
}
