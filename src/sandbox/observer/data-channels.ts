/**
 * RTCDataChannel: its configuration, its states, and every payload in and out, counted and
 * hashed (../../lib/channel-flow.ts) and reported at most every 100 ms per direction.
 */
import { binaryDigest, ChannelFlowTally } from '../../lib/channel-flow.ts';
import { createThrottle, type Fn, type Interceptor, type Throttle } from './intercept.ts';

/** A flood on a data channel must not flood the feed (or the postMessage behind it). */
const DC_MESSAGE_INTERVAL_MS = 100;
const STATE_RANK: Readonly<Record<string, number>> = { connecting: 0, open: 1, closing: 2, closed: 3 };

type Direction = 'in' | 'out';

/** A binary message in the chain's order, until its own digest is known (null: none could be had). */
interface Slot {
  bytes: number;
  digest: Uint8Array | null;
  settled: boolean;
}

/** What send() or a message event carries, as it is counted. */
type Payload = string | Uint8Array | Blob;

interface Flow {
  readonly tally: ChannelFlowTally;
  readonly throttle: Throttle;
  /** Binary messages in the order sent or received whose digests are not all in yet. */
  readonly pending: Slot[];
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
    // Views first: a view is what lab code sends most, and the ArrayBuffer check throws for it.
    if (isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (isArrayBuffer(value)) return new Uint8Array(value);
    return null;
  }

  /** Text, bytes or a Blob as send() takes them; null for an object send() would turn into text itself. */
  function payloadOf(data: unknown): Payload | null {
    if (typeof data === 'string') return data;
    const bytes = bytesOf(data);
    if (bytes) return bytes;
    if (isBlob(data)) return data;
    // send() turns anything else into text; String() of a primitive runs no lab code.
    if (data === null || (typeof data !== 'object' && typeof data !== 'function' && typeof data !== 'symbol')) return String(data);
    return null;
  }

  function newFlow(record: () => DcRecord, direction: Direction): Flow {
    const throttle = createThrottle(ctx, DC_MESSAGE_INTERVAL_MS, () => emitFlow(record(), direction));
    return { tally: new ChannelFlowTally(), throttle, pending: [] };
  }

  function emitFlow(record: DcRecord, direction: Direction): void {
    const { tally } = record[direction];
    if (!tally.changed) return;
    const { texts, textsDropped, flow } = tally.take();
    report({ type: 'dc-message', dc: record.id, direction, texts, textsDropped, flow });
  }

  function add(flow: Flow, payload: Payload): void {
    if (typeof payload === 'string') {
      flow.tally.addText(payload);
      flow.throttle.poke();
      return;
    }
    const slot: Slot = { bytes: 0, digest: null, settled: false };
    flow.pending.push(slot);
    if (payload instanceof Uint8Array) return digestInto(flow, slot, payload);
    if (!readBlob) return settle(flow, slot, null);
    ctx.follow<ArrayBuffer>(invoke(readBlob, payload, []), (buffer) => digestInto(flow, slot, new Uint8Array(buffer)), () => settle(flow, slot, null));
  }

  /**
   * A message's digest starts now, on the very bytes sent or received: crypto.subtle copies
   * them as it is called, so lab code may reuse or transfer its buffer straight after.
   */
  function digestInto(flow: Flow, slot: Slot, bytes: Uint8Array): void {
    slot.bytes = bytes.byteLength;
    if (!subtle || !digest) return settle(flow, slot, binaryDigest(bytes));
    ctx.follow<ArrayBuffer>(invoke(digest, subtle, ['SHA-256', bytes]), (value) => settle(flow, slot, new Uint8Array(value)), () => settle(flow, slot, null));
  }

  /** Links join in the order the messages went or came: a digest done early waits for those before it. */
  function settle(flow: Flow, slot: Slot, value: Uint8Array | null): void {
    slot.digest = value;
    slot.settled = true;
    while (flow.pending[0]?.settled) {
      const head = flow.pending.shift()!;
      if (head.digest) flow.tally.addBinaryDigest(head.bytes, head.digest);
    }
    flow.throttle.poke();
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
    ctx.on<MessageEvent>(channel, 'message', (event) => {
      const payload = payloadOf(event.data);
      if (payload !== null) add(record.in, payload);
    });
    // A remote channel can already be open when the datachannel event reaches us.
    sync(channel);
  }

  ctx.wrapMethod(win.RTCDataChannel?.prototype, 'send', (original) =>
    ({
      send(this: RTCDataChannel, ...args: unknown[]): unknown {
        const record = channels.get(this);
        if (!record || args.length === 0) return invoke(original, this, args);
        const data = args[0];
        let payload = payloadOf(data);
        if (payload === null && ((typeof data === 'object' && data !== null) || typeof data === 'function')) {
          // send() would turn this object into text with its own toString(); doing that
          // here, once, instead lets us hash the very text sent without calling lab code
          // twice. A toString() that throws throws from send(), as it would natively.
          payload = `${data}`;
          args = [payload, ...args.slice(1)];
        }
        const result = invoke(original, this, args);
        const counted = payload;
        if (counted !== null) guard(() => add(record.out, counted));
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
