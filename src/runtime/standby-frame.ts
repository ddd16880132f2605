/**
 * A lab frame made before Run: when the learner points at Run, or opens the editor. Run then
 * hands the code to a frame that has loaded its document and scripts, or is loading them
 * while the rest of the lab's code arrives, instead of starting all of that at the click.
 * Small on purpose: a reading page imports it on approach, beside the lab controller.
 *
 * At most one on the page, and only while no lab frame is live: every frame is on the one lab
 * origin, so a live frame's code could reach into a waiting one and tamper with the run it
 * will host. Any Run elsewhere on the page discards it first.
 */
import { labConfig } from './lab-config.ts';
import { openFrame, type OpenedFrame } from './runner-bridge.ts';

let waiting: { slot: HTMLElement; opened: OpenedFrame } | null = null;

/** A frame is live when one is shown in a lab's output; a waiting one is hidden. */
const frameLive = (): boolean => document.querySelector('.lab-frame-slot iframe:not([hidden])') !== null;

/** Loads a hidden frame for the next Run of the lab in `section`, if nothing runs on the page. */
export function standBy(section: HTMLElement): void {
  const slot = section.querySelector<HTMLElement>('.lab-frame-slot');
  if (!slot || frameLive() || waiting?.slot === slot) return;
  labConfig().then(
    ({ labOrigin }) => {
      if (!frameLive()) prepareFrame(slot, labOrigin);
    },
    () => undefined, // Run asks again, and says what went wrong
  );
}

function prepareFrame(slot: HTMLElement, labOrigin: string): void {
  if (waiting?.slot === slot) return;
  discardFrame();
  // Untitled while hidden; the run gives it the output's name.
  const opened = openFrame(labOrigin, '');
  opened.frame.hidden = true;
  // No code has run in it yet, so a second document means something went wrong: not worth keeping.
  opened.onNavigated = () => {
    if (waiting?.opened === opened) discardFrame();
  };
  slot.append(opened.frame);
  waiting = { slot, opened };
}

/** The frame waiting in `slot`, handed over to a run; any other waiting frame is removed. */
export function takeFrame(slot: HTMLElement): OpenedFrame | undefined {
  const taken = waiting?.slot === slot && waiting.opened.frame.isConnected ? waiting.opened : undefined;
  if (!taken) {
    discardFrame();
    return undefined;
  }
  waiting = null;
  taken.onNavigated = null;
  return taken;
}

function discardFrame(): void {
  waiting?.opened.close();
  waiting = null;
}
