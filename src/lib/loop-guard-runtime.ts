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

/**
 * Loop iterations between two clock readings at most. Reading the clock on every iteration made
 * a tight loop several times slower (performance.now() was 76% of a frame's profile while it
 * filled a 32 MiB test file), and on a loaded machine pushed honest loops past the budget.
 */
export const MAX_STRIDE = 256;

/** The function instrumented code calls as `guard(line)` at the top of each loop body. */
export function createLoopGuard(options: LoopGuardOptions): (line: number) => void {
  const { now, budgetMs, scheduleTurn, message = englishMessage } = options;
  // Start of the current run of synchronous (or microtask-only) work; null once a turn came.
  let sliceStart: number | null = null;
  // The clock is read every `stride` calls: the stride doubles while readings come less than a
  // millisecond apart and halves when they do not, so a slow loop is checked every iteration.
  let stride = 1;
  let countdown = 1;
  let lastReading = 0;

  return (line) => {
    if (sliceStart === null) {
      sliceStart = now();
      lastReading = sliceStart;
      stride = 1;
      countdown = 1;
      scheduleTurn(() => {
        sliceStart = null;
      });
      return;
    }
    countdown -= 1;
    if (countdown > 0) return;
    const time = now();
    // The slice stays open after a throw, so an outer loop that catches and spins again is
    // stopped at its next check too.
    if (time - sliceStart > budgetMs) {
      countdown = 1;
      throw new LoopGuardError(line, message(line, budgetMs / 1000));
    }
    stride = time - lastReading < 1 ? Math.min(stride * 2, MAX_STRIDE) : Math.max(1, stride >> 1);
    lastReading = time;
    countdown = stride;
  };
}
