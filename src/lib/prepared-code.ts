/**
 * Lab code prepared for the frame ahead of time. A page holds its labs' starter (and a
 * pairing lab's partner) code; Lab.astro prepares it at build time (prepare-at-build.ts), so
 * Run on a page as it was served needs no transpiler, which was most of the lab controller's
 * bytes. Code the learner changed is prepared in the page, the transpiler loaded for it then.
 * This module stays free of the transpiler: the controller imports it.
 */
import { ENTRY_FILE, type LabFiles } from './lab-manifest.ts';
import type { PrepareResult } from './transpile.ts';

/** What the frame needs of a prepared main.ts: its script and the lab modules it imports. */
export interface PreparedScript {
  readonly script: string;
  readonly modules: readonly string[];
}

/** The code the page holds, prepared; null where it does not prepare (Run then shows why, as for any code). */
export interface PreparedCode {
  readonly starter: PreparedScript | null;
  readonly partner: PreparedScript | null;
}

/** The code a lab's page holds, and the build's preparation of it (the lab's page data). */
export interface PageCode {
  readonly starter: LabFiles;
  readonly partner: LabFiles | null;
  readonly prepared: PreparedCode;
}

/**
 * The build's preparation of `source` when it is exactly the code it was made from, as the
 * transpiler would return it; null for any other code.
 */
export function preparedFor(source: string, page: PageCode): Extract<PrepareResult, { ok: true }> | null {
  const { starter, partner, prepared } = page;
  const built = source === starter[ENTRY_FILE] ? prepared.starter : partner && source === partner[ENTRY_FILE] ? prepared.partner : null;
  // An import's line only places the error for a module no lab offers, which prepared code never imports.
  return built ? { ok: true, script: built.script, imports: built.modules.map((name) => ({ name, line: 1 })) } : null;
}
