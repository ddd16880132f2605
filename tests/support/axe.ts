/**
 * axe-core, evaluated in a page (through the browser's debugging protocol, so the page's Content
 * Security Policy, which forbids inline scripts, does not stop it), and its verdict: the
 * violations of WCAG 2.1 A and AA (axe's stable rules, as its default run), each with the
 * elements it found.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeResult {
  readonly violations: ReadonlyArray<{ readonly id: string; readonly impact?: string | null; readonly nodes: ReadonlyArray<{ readonly target: readonly unknown[] }> }>;
  readonly passes: readonly unknown[];
}

/** Which rules a run checks: all of WCAG 2.1 A and AA but `without`, or `only` these. */
export interface AxeScope {
  readonly without?: readonly string[];
  readonly only?: readonly string[];
}

/**
 * Each violation as `rule (impact): selectors`, and how many rules passed. A frame of another
 * origin (the lab frame) is checked as its own document: pass its Frame.
 */
export async function axeViolations(page: Page | Frame, { without = [], only }: AxeScope = {}): Promise<{ violations: string[]; passed: number }> {
  // Once a document: a page checked in both themes keeps the axe of its first check.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async ({ tags, without, only }) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<unknown>; getRules(tags: string[]): { ruleId: string }[] } }).axe;
    // The lab frame is another origin's document with no axe of its own: not waited for (iframes: false).
    const options = { resultTypes: ['violations'], iframes: false };
    if (only) return (await axe.run(document, { ...options, runOnly: { type: 'rule', values: only } })) as unknown;
    // Selecting rules by tag would also switch on axe's experimental rules, which its default run
    // leaves off (one of them counts the search button's drawn Ctrl K hint as part of its label).
    const off = [...axe.getRules(['experimental']).map((rule) => rule.ruleId), ...without];
    const rules = Object.fromEntries(off.map((id) => [id, { enabled: false }]));
    return (await axe.run(document, { ...options, runOnly: { type: 'tag', values: tags }, rules })) as unknown;
  }, { tags: TAGS, without, only }) as AxeResult;
  return {
    violations: result.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => n.target.map(String).join(' ')).slice(0, 5).join(', ')}`),
    passed: result.passes.length,
  };
}
