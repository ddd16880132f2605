/**
 * A lab frame made before Run: when the learner opens the editor, or points at Run. Run then
 * hands the code to a frame that has already loaded its document and scripts and said hello,
 * instead of waiting for all of that.
 *
 * At most one on the page, and only while no lab frame is live: every frame is on the one lab
 * origin, so a live frame's code could reach into a waiting one and tamper with the run it
 * will host. Any Run elsewhere on the page discards it first.
 */
import { openFrame, type OpenedFrame } from './runner-bridge.ts';

let waiting: { slot: HTMLElement; opened: OpenedFrame } | null = null;

/** Makes a hidden frame in `slot` for the next Run there, unless one is waiting already. */
export function prepareFrame(slot: HTMLElement, labOrigin: string, title: string): void {
  if (waiting?.slot === slot) return;
  discardFrame();
  const opened = openFrame(labOrigin, title);
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
  if (taken) waiting = null;
  else discardFrame();
  if (taken) taken.onNavigated = null;
  return taken;
}

export function discardFrame(): void {
  waiting?.opened.close();
  waiting = null;
}
