/**
 * The run-time half of the loop guard (see loop-guard.ts): what an instrumented loop calls.
 * The guard measures continuous synchronous time — time during which the event loop never
 * got a macrotask turn — not how long a loop has existed.
 */
import { frameMessage } from './frame-messages.ts';

export class LoopGuardError extends Error {
  override readonly name = 'LoopGuardError';
  readonly line: number;

  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

export interface LoopGuardOptions {
  /** Milliseconds, monotonic (performance.now in the sandbox). */
  readonly now: () => number;
  readonly budgetMs: number;
  /**
   * Runs `callback` on a later macrotask (MessageChannel, setTimeout). It must never call
   * back synchronously or from a microtask: the callback firing is the proof that the
   * browser got a turn.
   */
  readonly scheduleTurn: (callback: () => void) => void;
  /**
   * The error's text, in the learner's language: e.g.
   * `(line, seconds) => frameMessage(locale, 'loopGuard', { line, seconds })`. English by default.
   */
  readonly message?: (line: number, seconds: number) => string;
}

const englishMessage = (line: number, seconds: number): string => frameMessage('en', 'loopGuard', { line, seconds });

/** The function instrumented code calls as `guard(line)` at the top of each loop body. */
export function createLoopGuard(options: LoopGuardOptions): (line: number) => void {
  const { now, budgetMs, scheduleTurn, message = englishMessage } = options;
  // Start of the current run of synchronous (or microtask-only) work; null once a turn came.
  let sliceStart: number | null = null;

  return (line) => {
    if (sliceStart === null) {
      sliceStart = now();
      scheduleTurn(() => {
        sliceStart = null;
      });
      return;
    }
    // The slice stays open after a throw, so an outer loop that catches and spins again is
    // stopped at its next iteration too.
    if (now() - sliceStart > budgetMs) {
      throw new LoopGuardError(line, message(line, budgetMs / 1000));
    }
  };
}
