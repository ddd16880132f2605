/**
 * Making a lab's frame, apart from running it (runner-bridge.ts): the reading page's loader
 * makes one at the click on Run, or when Run is approached, before the controller that runs it
 * has loaded (frame-standby.ts).
 */
import { frameUrl, isHandshake } from '../lib/frame-handshake.ts';

/**
 * A fresh frame on the lab origin, loading before its run is known: the click on Run makes one
 * at once, and so does Run's approach (the pointer resting on Run, or focus on it), so the
 * frame's process, document and runner load while the page loads the controller and prepares
 * the code, or before the click at all. Hidden until a run adopts it; the channel is made as
 * soon as the frame says hello.
 */
export interface PendingFrame {
  readonly frame: HTMLIFrameElement;
  readonly labOrigin: string;
  /** The frame's end of the handshake is done: the page holds this port. */
  readonly connected: Promise<MessagePort>;
  /** Called for a load after the frame's first one (lab code navigated it); set by the run. */
  onNavigated: (() => void) | null;
  /** Removes the frame, closes the page's end of its channel and stops listening. */
  discard(): void;
}

export function openFrame(slot: HTMLElement, labOrigin: string): PendingFrame {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.allow = 'camera; microphone; display-capture; autoplay; fullscreen';
  // A real second origin (allow-same-origin keeps it, so getUserMedia works there); the
  // sandbox takes away navigating the lesson page, popups and downloads.
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-modals');
  frame.src = frameUrl(labOrigin, location.origin);
  let loads = 0;
  let ours: MessagePort | null = null;
  let connect: (port: MessagePort) => void = () => {};
  const pending: PendingFrame = {
    frame,
    labOrigin,
    connected: new Promise((resolve) => (connect = resolve)),
    onNavigated: null,
    discard: () => {
      window.removeEventListener('message', onHello);
      ours?.close();
      frame.remove();
    },
  };
  const onHello = (event: MessageEvent): void => {
    if (event.source !== frame.contentWindow || event.origin !== labOrigin || !isHandshake(event.data, 'hello')) return;
    window.removeEventListener('message', onHello);
    const channel = new MessageChannel();
    ours = channel.port1;
    frame.contentWindow?.postMessage({ kind: 'connect' }, labOrigin, [channel.port2]);
    connect(channel.port1);
  };
  // The first load is the frame's own document; any later one is a page lab code navigated to.
  frame.addEventListener('load', () => {
    loads += 1;
    if (loads > 1) {
      pending.discard();
      pending.onNavigated?.();
    }
  });
  window.addEventListener('message', onHello);
  slot.append(frame);
  return pending;
}
