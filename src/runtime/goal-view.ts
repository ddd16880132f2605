/**
 * Shows which goals are met: in the goal list above the code and in the compact status beside
 * the output (visible while the learner watches the run), and says each newly met goal aloud
 * through a live region. When every goal is met it records the lab, and the lesson, as done.
 */
import type { Goal } from '../lib/goal-checks.ts';
import type { Locale } from '../lib/lab-manifest.ts';
import { interpolate } from '../lib/interpolate.ts';
import type { Strings } from './console-panel.ts';
import type { Announcer } from './announcer.ts';
import { labsDone, lessonSlug, markLabDone, markLessonDone } from './progress.ts';
import { paintGoal } from './goal-marks.ts';

export class GoalView {
  readonly #section: HTMLElement;
  readonly #goals: readonly Goal[];
  readonly #locale: Locale;
  readonly #t: Strings;
  readonly #announcer: Announcer;
  #met: ReadonlySet<string> = new Set();

  constructor(section: HTMLElement, goals: readonly Goal[], locale: Locale, strings: Strings, announcer: Announcer) {
    this.#section = section;
    this.#goals = goals;
    this.#locale = locale;
    this.#t = strings;
    this.#announcer = announcer;
  }

  get met(): ReadonlySet<string> {
    return this.#met;
  }

  /** Shows `met` as the state; with `announce`, says each newly met goal. Returns true when all are met. */
  show(met: ReadonlySet<string>, announce = true): boolean {
    const newly = this.#goals.filter((goal) => met.has(goal.id) && !this.#met.has(goal.id));
    this.#met = new Set(met);
    for (const item of this.#section.querySelectorAll<HTMLElement>('[data-goal]')) {
      const isMet = met.has(item.dataset['goal'] ?? '');
      paintGoal(item, isMet, `${(isMet ? this.#t['lab.goalMet'] : this.#t['lab.goalUnmet']) ?? ''}:`);
    }
    const count = this.#section.querySelector('.lab-goal-count');
    if (count) count.textContent = interpolate(this.#t['lab.goalCount'], { met: met.size, total: this.#goals.length });
    if (announce) for (const goal of newly) this.#announcer.say(interpolate(this.#t['lab.goalMetAnnounce'], { goal: goal.title[this.#locale] }));
    return this.#goals.every((goal) => met.has(goal.id));
  }

  /** Records the lab as done; returns true when that finished the lesson (every lab on the page done). */
  recordDone(labId: string): boolean {
    if (labsDone().has(labId)) return false;
    markLabDone(labId);
    const onPage = [...document.querySelectorAll<HTMLElement>('.lab[data-lab]')].map((s) => s.dataset['lab'] ?? '');
    const done = labsDone();
    if (!onPage.every((id) => done.has(id))) return false;
    markLessonDone(lessonSlug(), this.#t['lab.done']);
    return true;
  }
}
