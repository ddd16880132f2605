/**
 * The only lab code a reading page loads: one delegated click listener. Everything else
 * (editor, runner bridge) is imported on the learner's first click, or when the page was
 * opened from a share link, so a page that is only read stays light.
 */
const controller = () => import('./lab-controller.ts');

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('.lab [data-action]');
  const section = button?.closest<HTMLElement>('.lab');
  if (!button || !section || section.dataset['active']) return;
  section.dataset['active'] = 'loading';
  void controller().then(({ activateLab }) => activateLab(section, button.dataset['action'] ?? 'edit'));
});

// Labs finished on an earlier visit show their goals met before anything else loads.
try {
  const done = new Set<unknown>(JSON.parse(localStorage.getItem('webrtc-lab:labs-done') ?? '[]'));
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
