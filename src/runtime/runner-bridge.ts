/**
 * One run of a lab: a fresh frame on the lab origin, a private channel to it once it says
 * hello (see lab-protocol.ts), the learner's files sent on that channel, its feed passed on.
 * Stopping asks the frame to end its tracks and close its connections, then destroys it,
 * which releases anything the code still held. A frame that navigates away after its hello
 * (lab code can send its own frame anywhere) is no longer ours: it is removed at once.
 */
import type { FeedEvent } from '../lib/feed.ts';
import { isFrameMessage, type PageToFrame, type RunMessage, type Theme } from '../lib/lab-protocol.ts';
import { openFrame, type PendingFrame } from './frame-open.ts';

export type { PendingFrame } from './frame-open.ts';

/** What the run message carries (see RunMessage), and where the frame goes. */
export interface RunOptions extends Omit<RunMessage, 'kind' | 'theme'> {
  readonly slot: HTMLElement;
  readonly labOrigin: string;
  readonly title: string;
  onEvent(event: FeedEvent): void;
  onFail(): void;
  /** The frame loaded another document after its hello; it has been removed. */
  onNavigated(): void;
  /** The learner clicked a download link in the frame: the file, for the page to offer. */
  onDownload(name: string, blob: Blob): void;
}

export interface RunHandle {
  readonly frame: HTMLIFrameElement;
  stop(): Promise<void>;
}

/** The site's theme as Starlight set it (`data-theme` on the root): the frame's colours follow it. */
const pageTheme = (): Theme => (document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light');

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 1_000;
/** The output grows with the frame's content between these heights (CSS px), unless the learner resized it. */
const MIN_HEIGHT = 160;
const MAX_HEIGHT = 900;

/** Runs in `opened` (a frame made on Run's approach) when it is on the same lab origin, else in a new frame. */
export function startRun(options: RunOptions, opened?: PendingFrame): RunHandle {
  const { slot, labOrigin } = options;
  const usable = opened && opened.labOrigin === labOrigin && opened.frame.parentElement === slot;
  if (opened && !usable) opened.discard();
  const pending = usable ? opened : openFrame(slot, labOrigin);
  const { frame } = pending;
  frame.title = options.title;
  for (const child of [...slot.children]) if (child !== frame) child.remove();
  frame.hidden = false;

  let port: MessagePort | null = null;
  let closed = false;
  let onStopped: (() => void) | null = null;
  const readyTimer = setTimeout(options.onFail, READY_TIMEOUT_MS);
  const send = (message: PageToFrame): void => port?.postMessage(message);
  // The reader may switch the site's theme while the lab runs (Starlight's picker).
  const themeWatch = new MutationObserver(() => send({ kind: 'theme', theme: pageTheme() }));

  void pending.connected.then((given) => {
    clearTimeout(readyTimer);
    if (closed) return;
    port = given;
    port.onmessage = (message) => receive(message.data);
    const { files, script, modules, watch, locale, pairing } = options;
    send({ kind: 'run', files, script, modules, watch, locale, theme: pageTheme(), pairing });
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  });
  const receive = (data: unknown): void => {
    if (!isFrameMessage(data)) return;
    if (data.kind === 'feed') options.onEvent(data.event);
    else if (data.kind === 'size') fit(slot, data.height);
    else if (data.kind === 'download') options.onDownload(data.name, data.blob);
    else onStopped?.();
  };
  const close = (): void => {
    closed = true;
    themeWatch.disconnect();
    clearTimeout(readyTimer);
    pending.discard();
  };
  pending.onNavigated = () => {
    close();
    options.onNavigated();
  };

  return {
    frame,
    stop: async () => {
      clearTimeout(readyTimer);
      if (port && frame.isConnected) {
        await new Promise<void>((resolve) => {
          onStopped = resolve;
          setTimeout(resolve, STOP_TIMEOUT_MS);
          send({ kind: 'stop' });
        });
      }
      close();
    },
  };
}

/**
 * Sizes the output slot to the frame's content. The slot is resizable by the learner (CSS
 * `resize: vertical`); once they drag it, their height wins for the rest of the page's life.
 */
function fit(slot: HTMLElement, contentHeight: number): void {
  if (slot.dataset['resized'] === 'true') return;
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, contentHeight + 2)));
  slot.dataset['fitted'] = String(height);
  slot.style.height = `${height}px`;
  if (!slot.dataset['watched']) {
    slot.dataset['watched'] = 'true';
    new ResizeObserver(() => {
      const fitted = Number(slot.dataset['fitted']);
      if (Math.abs(slot.getBoundingClientRect().height - fitted) > 4) slot.dataset['resized'] = 'true';
    }).observe(slot);
  }
}
