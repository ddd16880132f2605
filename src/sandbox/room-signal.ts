/**
 * The plain message channel of `room()`: any JSON value to the partner tab's lab code, relayed by
 * the broker, so a lab that drives a raw RTCPeerConnection sees every signaling message it sends
 * (PeerJS hides them). It speaks PeerServer's own protocol under an id of its own (the lab id and
 * `-signal`), heartbeats, and reconnects with backoff.
 *
 * Messages wait until the partner's channel is known to be there: the two say `hello` when they
 * connect, and the first hello heard is answered once. The broker keeps a message for an absent
 * id only 5 s, and an offer lost that way would leave perfect negotiation waiting for ever.
 */
import { payloadShapeProblem } from '../lib/broker-message.ts';
import { reconnectDelayMs, LINK_TIMING } from '../lib/pairing/link-policy.ts';
import { brokerSocketUrl, HEARTBEAT_FRAME } from '../lib/pairing/pair-messages.ts';

/** Messages kept while the broker is away; a signaling exchange is a few dozen. */
const MAX_WAITING = 256;

export class SignalChannel extends EventTarget {
  readonly #self: string;
  readonly #partner: string;
  readonly #token = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  readonly #waiting: string[] = [];
  #socket: WebSocket | null = null;
  #open = false;
  #partnerHere = false;
  #attempt = 0;
  #heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(self: string, partner: string) {
    super();
    this.#self = self;
    this.#partner = partner;
    this.#connect();
  }

  /** Sends a JSON value to the partner's channel; it arrives there as a 'message' event's `data`. */
  send(message: unknown): void {
    const payload = { signal: message };
    const problem = payloadShapeProblem(payload);
    if (problem) throw new TypeError(`The broker would refuse this message: ${problem}`);
    const frame = JSON.stringify({ type: 'CANDIDATE', dst: this.#partner, payload });
    if (this.#open && this.#partnerHere && this.#socket) this.#socket.send(frame);
    else if (this.#waiting.length < MAX_WAITING) this.#waiting.push(frame);
    else throw new Error('The broker is away and 256 messages already wait for it');
  }

  #connect(): void {
    const socket = new WebSocket(brokerSocketUrl(location.origin, this.#self, this.#token));
    this.#socket = socket;
    socket.addEventListener('message', ({ data }) => this.#receive(data));
    socket.addEventListener('close', () => {
      if (this.#socket !== socket) return;
      this.#open = false;
      clearInterval(this.#heartbeat);
      setTimeout(() => this.#connect(), reconnectDelayMs(this.#attempt++, Math.random));
    });
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: { type?: unknown; src?: unknown; payload?: unknown };
    try {
      frame = JSON.parse(data) as typeof frame;
    } catch {
      return;
    }
    if (frame.type === 'OPEN') {
      this.#open = true;
      this.#attempt = 0;
      this.#heartbeat = setInterval(() => this.#socket?.send(HEARTBEAT_FRAME), LINK_TIMING.heartbeatMs);
      this.#hello();
      if (this.#partnerHere) this.#flush();
      return;
    }
    if (frame.src !== this.#partner) return;
    if (frame.type === 'EXPIRE') {
      this.#partnerHere = false;
      return;
    }
    if (frame.type !== 'CANDIDATE') return;
    const payload = frame.payload as { signal?: unknown; hello?: unknown } | null;
    if (typeof payload !== 'object' || payload === null) return;
    if (payload.hello === true) {
      if (!this.#partnerHere) {
        this.#partnerHere = true;
        this.#hello();
        this.#flush();
      }
    } else if ('signal' in payload) {
      this.dispatchEvent(new MessageEvent('message', { data: payload.signal }));
    }
  }

  #hello(): void {
    this.#socket?.send(JSON.stringify({ type: 'CANDIDATE', dst: this.#partner, payload: { hello: true } }));
  }

  #flush(): void {
    if (!this.#open) return;
    for (const waiting of this.#waiting.splice(0)) this.#socket?.send(waiting);
  }
}
