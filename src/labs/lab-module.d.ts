/**
 * The `lab` helper module that lab code imports. The sandbox provides it at run time
 * (src/sandbox/lab-helper.ts); the editor shows these types; `astro check` uses them
 * to type-check every lab's starter and solution.
 */
declare module 'lab' {
  /** Prints values to the lab's console panel, like console.log (MediaStreams, stats reports and errors included). */
  export function log(...values: unknown[]): void;
}
