/**
 * The only lab code a reading page loads: one delegated click listener. Everything else
 * (editor, runner bridge) is imported on the learner's first click, or when the page was
 * opened from a share link, so a page that is only read stays light.
 */
import { showFinishedLabs } from './goal-marks.ts';
import { showSavedDrafts } from './static-draft.ts';

let loading: Promise<typeof import('./lab-controller.ts')> | null = null;
const controller = (): Promise<typeof import('./lab-controller.ts')> => {
  loading ??= import('./lab-controller.ts').catch((error: unknown) => {
    loading = null; // offline, or a new deployment: the next click tries again
    throw error;
  });
  return loading;
};

// Pointing at a lab's buttons, or tabbing to them, starts loading what the click will need
// (the controller, the lab origin's address and a connection to it); pointing at Edit also
// loads the editor, and pointing at Run makes the lab's frame.
const approach = (event: Event): void => {
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('.lab [data-action]') : null;
  if (!button) return;
  const action = button.dataset['action'];
  controller().then(
    (loaded) => {
      loaded.warmUp();
      if (action === 'edit') loaded.preloadEditor();
      if (action === 'run') loaded.standBy(button.closest('.lab')!);
    },
    () => undefined,
  );
};
document.addEventListener('pointerover', approach, { passive: true });
document.addEventListener('focusin', approach);

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
showFinishedLabs();
// What the code box shows is what Run runs: a saved draft, not the starter.
showSavedDrafts();

// A share link opened on this same page changes only the fragment: no reload, so listen too.
const openShared = (): void => {
  if (location.hash.startsWith('#share=')) void controller().then(({ openSharedLink }) => openSharedLink());
};
openShared();
addEventListener('hashchange', openShared);

// A partner link (`?room=k7q2&lab=…&role=guest`) opens that lab's room at once: the pair panel
// shows the room, the broker and the partner before anything runs.
const pairedLab = new URLSearchParams(location.search).get('lab');
const pairedSection = pairedLab && new URLSearchParams(location.search).has('room') ? document.querySelector<HTMLElement>(`.lab[data-lab="${CSS.escape(pairedLab)}"]`) : null;
if (pairedSection && pairedSection.querySelector('.lab-pair')) {
  pairedSection.dataset['active'] = 'loading';
  void controller().then(({ activateLab }) => activateLab(pairedSection, 'pair'));
}
