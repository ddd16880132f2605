/**
 * Type declarations for the `lab` helper module that lab code imports (`import { log } from 'lab'`).
 * The lab editor registers this string with Monaco's TypeScript service (`addExtraLib`) so learners
 * get IntelliSense and type checking for it; the runtime that actually provides `lab` lives elsewhere.
 *
 * Keep the JSDoc on a line of its own: TypeScript does not attach a doc comment that follows
 * `declare module 'lab' {` on the same line, and the hover would lose the description.
 */
export const LAB_MODULE_TYPES = `declare module 'lab' {
  /** Prints values to the lab's console panel, like console.log. */
  export function log(...values: unknown[]): void;
}`;
