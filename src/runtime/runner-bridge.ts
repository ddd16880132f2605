/**
 * One run of a lab: a fresh frame on the lab origin, the learner's files sent once it is
 * ready, its feed passed on. Messages count only from that frame's window, from the lab
 * origin, with this run's nonce. Stopping asks the frame to end its tracks and close its
 * connections, then destroys it, which releases anything the code still held.
 */
import type { FeedEvent } from '../lib/feed.ts';
import { frameUrl, isFrameMessage, newNonce, type RunMessage } from '../lib/lab-protocol.ts';

/** What the run message carries (see RunMessage), and where the frame goes. */
export interface RunOptions extends Pick<RunMessage, 'files' | 'script' | 'modules' | 'watch' | 'locale' | 'theme'> {
  readonly slot: HTMLElement;
  readonly labOrigin: string;
  readonly title: string;
  onEvent(event: FeedEvent): void;
  onFail(): void;
}

export interface RunHandle {
  readonly frame: HTMLIFrameElement;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 1_000;
/** The output grows with the frame's content between these heights (CSS px), unless the learner resized it. */
const MIN_HEIGHT = 160;
const MAX_HEIGHT = 900;

export function startRun(options: RunOptions): RunHandle {
  const nonce = newNonce();
  const frame = document.createElement('iframe');
  frame.title = options.title;
  frame.allow = 'camera; microphone; display-capture; autoplay; fullscreen';
  // A real second origin (allow-same-origin keeps it, so getUserMedia works there); the
  // sandbox only takes away navigating the lesson page and opening popups.
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-modals allow-downloads');
  frame.src = frameUrl(options.labOrigin, nonce, location.origin);

  let onStopped: (() => void) | null = null;
  const readyTimer = setTimeout(options.onFail, READY_TIMEOUT_MS);
  const listener = (event: MessageEvent): void => {
    if (event.source !== frame.contentWindow || event.origin !== options.labOrigin || !isFrameMessage(event.data, nonce)) return;
    const message = event.data;
    if (message.kind === 'ready') {
      clearTimeout(readyTimer);
      const { files, script, modules, watch, locale, theme } = options;
      frame.contentWindow?.postMessage({ kind: 'run', nonce, files, script, modules, watch, locale, theme }, options.labOrigin);
    } else if (message.kind === 'feed') {
      options.onEvent(message.event);
    } else if (message.kind === 'size') {
      fit(options.slot, message.height);
    } else {
      onStopped?.();
    }
  };
  window.addEventListener('message', listener);
  options.slot.replaceChildren(frame);

  return {
    frame,
    stop: async () => {
      clearTimeout(readyTimer);
      await new Promise<void>((resolve) => {
        onStopped = resolve;
        setTimeout(resolve, STOP_TIMEOUT_MS);
        frame.contentWindow?.postMessage({ kind: 'stop', nonce }, options.labOrigin);
      });
      window.removeEventListener('message', listener);
      frame.remove();
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
