/**
 * Shows which goals are met: in the goal list above the code and in the compact status beside
 * the output (visible while the learner watches the run), and says each newly met goal aloud
 * through a live region. When every goal is met it records the lab, and the lesson, as done.
 */
import type { Goal } from '../lib/goal-checks.ts';
import type { Locale } from '../lib/lab-manifest.ts';
import { interpolate } from '../lib/interpolate.ts';
import type { Strings } from './console-panel.ts';
import { LABS_DONE_KEY } from '../lib/storage-keys.ts';
import type { Announcer } from './announcer.ts';
import { labsDone, lessonSlug, markLabDone, markLessonDone } from './progress.ts';

/** Paints one goal item (in either list) as met or not; the state word is for screen readers. */
function paint(item: HTMLElement, isMet: boolean, label: string): void {
  item.dataset['met'] = String(isMet);
  const state = item.querySelector('.lab-goal-state');
  if (state) state.textContent = label;
}

/**
 * On a reading page, before any lab code loads: labs finished on an earlier visit show their
 * goals met. Reads storage directly (this runs in the small loader).
 */
export function showFinishedLabs(): void {
  let done: Set<unknown>;
  try {
    done = new Set<unknown>(JSON.parse(localStorage.getItem(LABS_DONE_KEY) ?? '[]'));
  } catch {
    return; // storage unavailable: nothing was remembered, nothing to show
  }
  for (const section of document.querySelectorAll<HTMLElement>('.lab[data-lab]')) {
    if (!done.has(section.dataset['lab'])) continue;
    const label = section.querySelector<HTMLElement>('.lab-goals')?.dataset['metLabel'] ?? '';
    for (const item of section.querySelectorAll<HTMLElement>('[data-goal]')) paint(item, true, label);
  }
}

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
      paint(item, isMet, `${(isMet ? this.#t['lab.goalMet'] : this.#t['lab.goalUnmet']) ?? ''}:`);
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
