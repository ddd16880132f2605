/**
 * Size budgets for reading pages, checked on the build. Bytes are deterministic, so this
 * is a test, not a benchmark (Starlight enforces its own budgets the same way).
 */
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/page-weight.ts';
import { listPages } from '../support/site-files.ts';

/** The site's own JavaScript a reading page runs before any interaction, gzipped. */
const JS_BUDGET_GZ = 12 * 1024;

describe('reading pages stay light', () => {
  it.each(listPages())('%s', (page) => {
    const weight = pageWeight(page);
    expect(weight.jsGz, `JS before interaction: ${weight.scripts.join(', ')}`).toBeLessThanOrEqual(JS_BUDGET_GZ);
    expect(weight.lazyCss, 'the editor’s and the Inspector’s CSS must load only with them').toEqual([]);
  });
});
