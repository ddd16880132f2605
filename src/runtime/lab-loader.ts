/**
 * The only lab code a reading page loads: one delegated click listener. Everything else
 * (editor, runner bridge) is imported on the learner's first click, or when the page was
 * opened from a share link, so a page that is only read stays light.
 */
import { LABS_DONE_KEY } from './progress.ts';

const controller = () => import('./lab-controller.ts');

// Clicks made while the controller loads are kept and replayed in order, not dropped.
const waiting = new WeakMap<HTMLElement, string[]>();

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('.lab [data-action]');
  const section = button?.closest<HTMLElement>('.lab');
  if (!button || !section || section.dataset['active'] === 'true') return; // the controller has it
  const action = button.dataset['action'] ?? 'edit';
  const queue = waiting.get(section);
  if (queue) {
    queue.push(action);
    return;
  }
  waiting.set(section, [action]);
  section.dataset['active'] = 'loading';
  void controller().then(async ({ activateLab }) => {
    const actions = waiting.get(section) ?? [];
    for (let next = actions.shift(); next; next = actions.shift()) await activateLab(section, next);
    waiting.delete(section);
  });
});

// Labs finished on an earlier visit show their goals met before anything else loads.
try {
  const done = new Set<unknown>(JSON.parse(localStorage.getItem(LABS_DONE_KEY) ?? '[]'));
  for (const list of document.querySelectorAll<HTMLElement>('.lab .lab-goals')) {
    if (!done.has(list.closest<HTMLElement>('.lab')?.dataset['lab'])) continue;
    for (const item of list.querySelectorAll<HTMLElement>('li')) {
      item.dataset['met'] = 'true';
      const state = item.querySelector('.lab-goal-state');
      if (state) state.textContent = list.dataset['metLabel'] ?? '';
    }
  }
} catch {
  // Storage unavailable: nothing was remembered, nothing to show.
}

// A share link opened on this same page changes only the fragment: no reload, so listen too.
const openShared = (): void => {
  if (location.hash.startsWith('#share=')) void controller().then(({ openSharedLink }) => openSharedLink());
};
openShared();
addEventListener('hashchange', openShared);
