/**
 * One run of a lab: a fresh frame on the lab origin, the learner's files sent once it is
 * ready, its feed passed on. Messages count only from that frame's window, from the lab
 * origin, with this run's nonce. Stopping asks the frame to end its tracks and close its
 * connections, then destroys it, which releases anything the code still held.
 */
import type { FeedEvent } from '../lib/feed.ts';
import { frameUrl, isFrameMessage, newNonce, type LabFiles } from '../lib/lab-protocol.ts';

export interface RunOptions {
  readonly slot: HTMLElement;
  readonly labOrigin: string;
  readonly title: string;
  readonly files: LabFiles;
  /** main.ts prepared by prepareLabCode. */
  readonly script: string;
  onEvent(event: FeedEvent): void;
  onFail(): void;
}

export interface RunHandle {
  readonly frame: HTMLIFrameElement;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 1_000;

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
      frame.contentWindow?.postMessage({ kind: 'run', nonce, files: options.files, script: options.script }, options.labOrigin);
    } else if (message.kind === 'feed') {
      options.onEvent(message.event);
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
