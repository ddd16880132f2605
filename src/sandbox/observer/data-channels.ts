/**
 * RTCDataChannel: its configuration, its states, and every payload in and out, counted and
 * hashed (../../lib/channel-flow.ts) and reported at most every 100 ms per direction.
 */
import { binaryLinkInput, ChannelFlowTally, LINK_BYTES } from '../../lib/channel-flow.ts';
import { createThrottle, type Fn, type Interceptor, type Throttle } from './intercept.ts';

/** A flood on a data channel must not flood the feed (or the postMessage behind it). */
const DC_MESSAGE_INTERVAL_MS = 100;
const STATE_RANK: Readonly<Record<string, number>> = { connecting: 0, open: 1, closing: 2, closed: 3 };

type Direction = 'in' | 'out';

/** A binary payload waiting for its turn: copied bytes (with room for the chain), or a Blob to read first. */
type Pending = { readonly input: Uint8Array<ArrayBuffer> } | { readonly blob: Blob };

interface Flow {
  readonly tally: ChannelFlowTally;
  readonly throttle: Throttle;
  /** Binary payloads in the order sent or received: each link of the chain needs the one before. */
  readonly queue: Pending[];
  /** A Blob is being read or a link hashed: the next payload waits. */
  busy: boolean;
}

interface DcRecord {
  readonly id: string;
  rank: number;
  readonly in: Flow;
  readonly out: Flow;
}

export interface DataChannels {
  observe(channel: RTCDataChannel, pc: string, remote: boolean): void;
  /** Reports a state the channel reached without an event (its connection was closed). */
  sync(channel: RTCDataChannel): void;
  /** Reports every flow that waits for its interval to pass. */
  flush(): void;
}

export function observeDataChannels(ctx: Interceptor): DataChannels {
  const { win, report, invoke, guard } = ctx;
  // Strong references on purpose: flush() must reach every channel of the run.
  const channels = new Map<RTCDataChannel, DcRecord>();
  // Brand checks that work whatever realm the object comes from and whatever lab code replaced.
  const arrayBufferLength = ctx.nativeGetter(win.ArrayBuffer.prototype, 'byteLength');
  const isView = win.ArrayBuffer.isView.bind(win.ArrayBuffer);
  const blobSize = ctx.nativeGetter(win.Blob?.prototype, 'size');
  const readBlob = ctx.nativeMethod(win.Blob?.prototype, 'arrayBuffer');
  // The browser's SHA-256, as it was before lab code ran (which could replace it to fake a
  // match). Absent outside a secure context: the tally then hashes in JavaScript.
  const subtle = win.isSecureContext ? win.crypto?.subtle : undefined;
  const digest = ctx.nativeMethod(win.SubtleCrypto?.prototype, 'digest');
  // The state as the browser has it, whatever lab code did to the prototype's getter.
  const nativeReadyState = ctx.nativeGetter(win.RTCDataChannel?.prototype, 'readyState');
  const readyState = (channel: RTCDataChannel): RTCDataChannelState =>
    (nativeReadyState ? invoke(nativeReadyState, channel, []) : channel.readyState) as RTCDataChannelState;

  function passes(getter: Fn | undefined, value: unknown): boolean {
    if (!getter || typeof value !== 'object' || value === null) return false;
    try {
      invoke(getter, value, []);
      return true;
    } catch {
      return false;
    }
  }
  const isArrayBuffer = (value: unknown): value is ArrayBuffer => passes(arrayBufferLength, value);
  const isBlob = (value: unknown): value is Blob => passes(blobSize, value);

  /** The bytes of an ArrayBuffer or a view of one; null for anything else. */
  function bytesOf(value: unknown): Uint8Array | null {
    if (isArrayBuffer(value)) return new Uint8Array(value);
    if (isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return null;
  }

  function newFlow(record: () => DcRecord, direction: Direction): Flow {
    const throttle = createThrottle(ctx, DC_MESSAGE_INTERVAL_MS, () => emitFlow(record(), direction));
    return { tally: new ChannelFlowTally(), throttle, queue: [], busy: false };
  }

  function emitFlow(record: DcRecord, direction: Direction): void {
    const { tally } = record[direction];
    if (!tally.changed) return;
    const { texts, textsDropped, flow } = tally.take();
    report({ type: 'dc-message', dc: record.id, direction, texts, textsDropped, flow });
  }

  function addText(flow: Flow, text: string): void {
    flow.tally.addText(text);
    flow.throttle.poke();
  }

  /**
   * Binary payloads are hashed in the order they were sent or received, one link of the chain
   * at a time: a Blob must be read first and a link's digest comes back later, so later
   * payloads wait, copied now (lab code may reuse the buffer it sent, or transfer the one it
   * received).
   */
  function addBinary(flow: Flow, payload: Uint8Array | Blob): void {
    flow.queue.push(payload instanceof Uint8Array ? { input: binaryLinkInput(payload) } : { blob: payload });
    drain(flow);
  }

  function drain(flow: Flow): void {
    while (!flow.busy) {
      const next = flow.queue.shift();
      if (next === undefined) return;
      const done = (): void => {
        flow.busy = false;
        drain(flow);
      };
      if ('blob' in next) {
        if (!readBlob) continue;
        flow.busy = true;
        ctx.follow<ArrayBuffer>(
          invoke(readBlob, next.blob, []),
          (buffer) => {
            flow.queue.unshift({ input: binaryLinkInput(new Uint8Array(buffer)) });
            done();
          },
          done,
        );
        continue;
      }
      const { input } = next;
      flow.tally.chainInto(input);
      if (!subtle || !digest) {
        flow.tally.addBinary(input.subarray(LINK_BYTES));
        flow.throttle.poke();
        continue;
      }
      flow.busy = true;
      ctx.follow<ArrayBuffer>(
        invoke(digest, subtle, ['SHA-256', input]),
        (link) => {
          flow.tally.addBinaryLink(input, new Uint8Array(link));
          flow.throttle.poke();
          done();
        },
        done,
      );
    }
  }

  function count(flow: Flow, data: unknown): void {
    if (typeof data === 'string') return addText(flow, data);
    const bytes = bytesOf(data);
    if (bytes) return addBinary(flow, bytes);
    if (isBlob(data)) return addBinary(flow, data);
    // send() turns anything else into text; String() of a primitive runs no lab code.
    if (typeof data !== 'object' && typeof data !== 'function' && typeof data !== 'symbol') addText(flow, String(data));
  }

  function sync(channel: RTCDataChannel, value: RTCDataChannelState = readyState(channel)): void {
    const record = channels.get(channel);
    const rank = STATE_RANK[value] ?? 0;
    // States only move forward; an event can arrive after we already read a later state.
    if (!record || value === 'connecting' || rank <= record.rank) return;
    record.rank = rank;
    report({ type: 'dc-state', dc: record.id, value, id: channel.id });
  }

  function observe(channel: RTCDataChannel, pc: string, remote: boolean): void {
    if (channels.has(channel)) return;
    const record: DcRecord = {
      id: ctx.idFor(channel, 'dc'),
      rank: 0,
      in: newFlow(() => record, 'in'),
      out: newFlow(() => record, 'out'),
    };
    channels.set(channel, record);
    report({
      type: 'dc-created',
      pc,
      dc: record.id,
      label: channel.label,
      ordered: channel.ordered,
      maxRetransmits: channel.maxRetransmits ?? null,
      maxPacketLifeTime: channel.maxPacketLifeTime ?? null,
      negotiated: channel.negotiated,
      id: channel.id ?? null,
      protocol: channel.protocol,
      remote,
    });
    ctx.on(channel, 'open', () => sync(channel, 'open'));
    ctx.on(channel, 'closing', () => sync(channel, 'closing'));
    ctx.on(channel, 'close', () => sync(channel, 'closed'));
    ctx.on<MessageEvent>(channel, 'message', (event) => count(record.in, event.data));
    // A remote channel can already be open when the datachannel event reaches us.
    sync(channel);
  }

  ctx.wrapMethod(win.RTCDataChannel?.prototype, 'send', (original) =>
    ({
      send(this: RTCDataChannel, ...args: unknown[]): unknown {
        const record = channels.get(this);
        if (!record || args.length === 0) return invoke(original, this, args);
        let data = args[0];
        if ((typeof data === 'object' && data !== null) || typeof data === 'function') {
          if (!bytesOf(data) && !isBlob(data)) {
            // send() would turn this object into text with its own toString(); doing that
            // here, once, instead lets us hash the very text sent without calling lab code
            // twice. A toString() that throws throws from send(), as it would natively.
            data = `${data}`;
            args = [data, ...args.slice(1)];
          }
        }
        const result = invoke(original, this, args);
        guard(() => count(record.out, data));
        return result;
      },
    }).send,
  );

  return {
    observe: (channel, pc, remote) => guard(() => observe(channel, pc, remote)),
    sync: (channel) => guard(() => sync(channel)),
    flush() {
      for (const record of channels.values()) {
        record.in.throttle.flush();
        record.out.throttle.flush();
      }
    },
  };
}
