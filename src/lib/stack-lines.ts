/**
 * Finds the learner's line in an error stack. The runner evaluates the learner's script with
 * a `//# sourceURL=` name of its own, and line N of that script is line N of main.ts, so the
 * stack frames naming that URL are where the learner's code was when it failed.
 */
export interface CodeLocation {
  readonly line: number;
  readonly column: number;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every location in the script, innermost first. Chromium writes `(lab-main-….js:12:5)`, Firefox and Safari `f@lab-main-….js:12:5`. */
export function allLocations(stack: string | undefined, scriptUrl: string): CodeLocation[] {
  if (!stack || !scriptUrl) return [];
  return [...stack.matchAll(new RegExp(`${escape(scriptUrl)}:(\\d+):(\\d+)`, 'g'))].map((m) => ({ line: Number(m[1]), column: Number(m[2]) }));
}

/**
 * The learner's innermost frame. Line 1 column 1 is the wrapper's own call that starts the
 * learner's function, never learner code: Chromium leaves the learner's frame out of some
 * errors thrown by browser APIs, and no line is better than a wrong one.
 */
export function learnerLocation(stack: string | undefined, scriptUrl: string): CodeLocation | null {
  return allLocations(stack, scriptUrl).find((at) => !(at.line === 1 && at.column === 1)) ?? null;
}
