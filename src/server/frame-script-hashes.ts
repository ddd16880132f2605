/**
 * The hashes the lab frame's policy allows its inline runner by (src/lib/frame-scripts.ts),
 * taken from the document the server serves, so the two cannot disagree. Read again when the
 * document changes on disk: a build while the server runs must not leave the frame blocked. Every
 * response on the lab origin asks (the broker's included), so the file is looked at, a stat, at
 * most once a `recheckMs`, not once a request.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { inlineScriptTexts } from '../lib/frame-scripts.ts';

/** `'sha256-…'` for each inline script in `html`. */
export function scriptHashSources(html: string): string[] {
  return inlineScriptTexts(html).map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
}

/** The current hash sources of the frame document at `file`. */
export function frameScriptHashes(file: string, recheckMs = 1000): () => readonly string[] {
  let read: { readonly mtimeMs: number; readonly size: number; readonly sources: readonly string[] } | null = null;
  let checkedAt = -Infinity;
  return () => {
    const now = performance.now();
    if (now - checkedAt < recheckMs) return read?.sources ?? [];
    checkedAt = now;
    try {
      const { mtimeMs, size } = statSync(file);
      if (read?.mtimeMs !== mtimeMs || read.size !== size) read = { mtimeMs, size, sources: scriptHashSources(readFileSync(file, 'utf8')) };
    } catch {
      // Mid-rebuild the document may be missing for a moment; what it allowed last still holds.
    }
    return read?.sources ?? [];
  };
}
