/**
 * A goal item painted met or not, and the labs finished on an earlier visit shown so before any
 * lab code loads: the part of the goal view (goal-view.ts) a reading page's loader runs.
 */
import { LABS_DONE_KEY } from '../lib/storage-keys.ts';

/** Paints one goal item (in either list) as met or not; the state word is for screen readers. */
export function paintGoal(item: HTMLElement, isMet: boolean, label: string): void {
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
    for (const item of section.querySelectorAll<HTMLElement>('[data-goal]')) paintGoal(item, true, label);
  }
}
