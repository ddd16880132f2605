/**
 * The frame made for a lab's next Run when Run is clicked or approached (pointer or focus): its
 * process, document and runner load while the controller loads and prepares the code, or before
 * the click at all. The reading page's loader makes it, so nothing waits for the controller;
 * the controller takes it when the run starts.
 *
 * Only while no lab's frame is live: two frames on the lab origin could reach into each other
 * (see liveLab in lab-controller.ts). One at a time; dropped when another lab's Run is
 * approached or started, or after STANDBY_MS unused.
 */
import { labConfig } from './lab-config.ts';
import { openFrame, type PendingFrame } from './frame-open.ts';

const STANDBY_MS = 60_000;

let standby: { readonly section: HTMLElement; readonly pending: PendingFrame; readonly timer: ReturnType<typeof setTimeout> } | null = null;
/** Set by the controller while a lab's frame is live on this page. */
let live = false;

function dropStandby(): void {
  if (!standby) return;
  clearTimeout(standby.timer);
  standby.pending.discard();
  standby = null;
}

/** A lab's frame is live (true), or none is any more (false). */
export function setFrameLive(isLive: boolean): void {
  live = isLive;
}

/** Run is clicked or approached: make its frame now, so the run finds it loading or ready. */
export function standBy(section: HTMLElement): void {
  if (live || standby?.section === section) return;
  labConfig().then(
    ({ labOrigin }) => {
      // A run may have started meanwhile, or this section's frame been made by another approach.
      if (live || standby?.section === section) return;
      const slot = section.querySelector<HTMLElement>('.lab-frame-slot');
      if (!slot) return;
      dropStandby();
      standby = { section, pending: openFrame(slot, labOrigin), timer: setTimeout(dropStandby, STANDBY_MS) };
    },
    () => undefined, // the click asks again, and says what went wrong
  );
}

/** The frame made on this section's Run approach, if any; any other lab's is dropped. */
export function takeStandby(section: HTMLElement): PendingFrame | null {
  if (standby?.section !== section) {
    dropStandby();
    return null;
  }
  const { pending } = standby;
  clearTimeout(standby.timer);
  standby = null;
  return pending;
}
