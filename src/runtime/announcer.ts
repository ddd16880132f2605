/**
 * The lab's live region: what a screen reader says without the learner looking (goals met, the
 * run's end, an error and its line). The console itself is a log a learner reads by moving into
 * it, not spoken line by line: a run that logs a thousand lines would otherwise talk for minutes.
 * What is said in one moment is said together, so a goal met as the run ends is not lost.
 */
export class Announcer {
  readonly #region: HTMLElement | null;
  #pending: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(region: HTMLElement | null) {
    this.#region = region;
  }

  say(text: string): void {
    if (!this.#region || text === '') return;
    this.#pending.push(text);
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      if (this.#region) this.#region.textContent = this.#pending.join(' ');
      this.#pending = [];
    }, 100);
  }
}
