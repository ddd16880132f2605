/**
 * The only lab code a reading page loads: one delegated click listener, and what makes a lab's
 * frame. Everything else (editor, controller, runner bridge) is imported on the learner's first
 * click, or when the page was opened from a share link, so a page that is only read stays light.
 */
import { labConfig } from './lab-config.ts';
import { labStrings } from './lab-strings.ts';
import { standBy } from './frame-standby.ts';
import { showFinishedLabs } from './goal-marks.ts';
import { showSavedDrafts } from './static-draft.ts';

let loading: Promise<typeof import('./lab-controller.ts')> | null = null;
const controller = (): Promise<typeof import('./lab-controller.ts')> => {
  if (loading) return loading;
  // The lab panel's strings in the page's language: beside the controller, not after it.
  labStrings(document.documentElement.lang).catch(() => undefined);
  loading = import('./lab-controller.ts').catch((error: unknown) => {
    loading = null; // offline, or a new deployment: the next click tries again
    throw error;
  });
  return loading;
};

// Where the lab origin is, asked as the page opens, so a click on Run can make the frame
// at once: the frame's process and document then load beside the controller, not after it.
labConfig().catch(() => undefined);

// Pointing at a lab's buttons, or tabbing to them, starts loading what the click will need
// (the controller and a connection to the lab origin); pointing at Edit also loads the editor,
// and pointing at Run makes the lab's frame.
const approach = (event: Event): void => {
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('.lab [data-action]') : null;
  if (!button) return;
  const action = button.dataset['action'];
  if (action === 'run') standBy(button.closest('.lab')!);
  controller().then(
    (loaded) => {
      loaded.warmUp();
      if (action === 'edit') loaded.preloadEditor();
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
  // A click that came without an approach (a tap) still finds its frame started before the controller.
  if (action === 'run') standBy(section);
  const queue = waiting.get(section);
  if (queue) {
    queue.push(action);
    return;
  }
  waiting.set(section, [action]);
  section.dataset['active'] = 'loading';
  void controller()
    .then(async ({ activateLab }) => {
      const actions = waiting.get(section) ?? [];
      for (let next = actions.shift(); next; next = actions.shift()) await activateLab(section, next);
      waiting.delete(section);
    })
    .catch(() => {
      // Offline, or a new deployment: the lab is as it was, and the next click starts again.
      waiting.delete(section);
      delete section.dataset['active'];
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
