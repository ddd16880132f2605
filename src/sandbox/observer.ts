/**
 * Watches the learner's WebRTC objects from inside the lab frame and writes what they do to
 * the feed (see ../lib/feed.ts). It is installed before the learner's code runs, once per
 * frame (every run gets a fresh frame), so every object the run creates passes through here.
 *
 * The learner's code must behave exactly as it would without us:
 * - we listen with addEventListener (the on* properties belong to the learner) and our
 *   listeners are added first, so the feed shows an event before the learner's handler runs;
 * - wrapped methods call the original with the same `this` and arguments, let synchronous
 *   errors through untouched and return what it returned, except promises (see `tap`);
 * - nothing we do may throw into the learner's code: every observation is guarded.
 */
import type { FeedEvent, Inspected, StatsSummary } from '../lib/feed.ts';

export interface Observer {
  /** Stops every track and closes every peer connection this run created (emits track-ended / pc-closed). */
  stopAll(): void;
}

export interface ObserverOptions {
  /** How often each open peer connection's getStats() is summarised as pc-stats. */
  statsIntervalMs?: number;
  /** Shortest time between two video-frames events for one <video>. */
  videoIntervalMs?: number;
}

/** A flood on a data channel must not flood the feed (or the postMessage behind it). */
const DC_MESSAGE_INTERVAL_MS = 100;
const TEXT_LIMIT = 1000;

type Fn = (...args: never[]) => unknown;
type StateName = 'signalingState' | 'iceGatheringState' | 'iceConnectionState' | 'connectionState';
type Direction = 'in' | 'out';
type TrackSource = 'getUserMedia' | 'getDisplayMedia' | 'remote';
type DcStateValue = 'open' | 'closing' | 'closed';
/** A stats dictionary read defensively: browsers differ in which fields they fill. */
type Stat = Readonly<Record<string, unknown>>;

const STATE_NAMES: readonly StateName[] = ['signalingState', 'iceGatheringState', 'iceConnectionState', 'connectionState'];
const STATE_EVENTS = ['signalingstatechange', 'icegatheringstatechange', 'iceconnectionstatechange', 'connectionstatechange'];
const DC_STATE_RANK: Readonly<Record<string, number>> = { connecting: 0, open: 1, closing: 2, closed: 3 };

interface PcRecord {
  readonly id: string;
  readonly states: Map<StateName, string>;
  readonly channels: Set<RTCDataChannel>;
  closed: boolean;
  statsTimer: number | undefined;
  statsPending: boolean;
}

interface Flow {
  messages: number;
  totalBytes: number;
  lastBytes: number;
  lastText: string | undefined;
  lastEmitAt: number;
  timer: number | undefined;
}

interface DcRecord {
  readonly id: string;
  rank: number;
  readonly in: Flow;
  readonly out: Flow;
}

interface VideoRecord {
  label: string;
  frames: number;
  reported: number;
  width: number;
  height: number;
  handle: number | undefined;
}

export function installObserver(
  win: Window & typeof globalThis,
  emit: (event: FeedEvent) => void,
  inspect: (value: unknown) => Inspected,
  options?: ObserverOptions,
): Observer {
  const statsIntervalMs = options?.statsIntervalMs ?? 1000;
  const videoIntervalMs = options?.videoIntervalMs ?? 500;

  // Captured now because the learner's code runs later and may replace any of them; our
  // bookkeeping must not call into their replacements (or be visible to them).
  const invoke = Reflect.apply as (fn: Fn, self: unknown, args: readonly unknown[]) => unknown;
  const nativeThen = win.Promise.prototype.then as Fn;
  const nativeListen = win.EventTarget.prototype.addEventListener as Fn;
  const setTimer = win.setTimeout.bind(win);
  const clearTimer = win.clearTimeout.bind(win);
  const setRepeat = win.setInterval.bind(win);
  const clearRepeat = win.clearInterval.bind(win);
  const performance = win.performance;
  const now = performance.now.bind(performance);

  const ids = new WeakMap<object, string>();
  const counters = { pc: 0, dc: 0, track: 0 };
  // Strong references on purpose: stopAll() must reach everything this run created.
  const pcs = new Map<RTCPeerConnection, PcRecord>();
  const channels = new Map<RTCDataChannel, DcRecord>();
  const tracks = new Map<MediaStreamTrack, string>();
  const endedTracks = new WeakSet<MediaStreamTrack>();
  const videos = new Map<HTMLVideoElement, VideoRecord>();
  let videoTimer: number | undefined;
  let stopped = false;

  /** Runs an observation; a failure loses a feed event but never reaches the learner's code. */
  function guard(observation: () => void): void {
    try {
      observation();
    } catch {
      // Deliberately silent: reporting it in the frame would look like the learner's error.
    }
  }

  function report(event: FeedEvent): void {
    guard(() => emit(event));
  }

  function inspected(value: unknown): Inspected {
    try {
      return inspect(value);
    } catch {
      return { t: 'elided', tag: typeof value };
    }
  }

  function idFor(object: object, kind: keyof typeof counters): string {
    let id = ids.get(object);
    if (id === undefined) {
      counters[kind] += 1;
      id = `${kind}${counters[kind]}`;
      ids.set(object, id);
    }
    return id;
  }

  function on<E extends Event>(target: EventTarget, type: string, handler: (event: E) => void): void {
    // The cast only narrows the event type, which `type` already fixes.
    const listener = ((event: E) => guard(() => handler(event))) as unknown as EventListener;
    invoke(nativeListen, target, [type, listener]);
  }

  /**
   * Observes a promise the learner will receive. Attaching a handler to the original would mark
   * it handled and hide an `unhandledrejection` the learner's code would otherwise cause, so the
   * learner gets the derived promise instead: it settles with the same value or the same reason
   * object, one microtask later, and stays unhandled if they ignore it.
   */
  function tap<T>(promise: Promise<T>, onFulfilled: (value: T) => void, onRejected?: (reason: unknown) => void): Promise<T> {
    return invoke(nativeThen, promise, [
      (value: T) => {
        guard(() => onFulfilled(value));
        return value;
      },
      (reason: unknown) => {
        if (onRejected) guard(() => onRejected(reason));
        throw reason;
      },
    ]) as Promise<T>;
  }

  /** Replaces a prototype method, keeping its name, length and property attributes. */
  function wrapMethod(target: object | undefined, key: string, make: (original: Fn) => Fn): Fn | undefined {
    if (!target) return undefined;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor || typeof descriptor.value !== 'function') return undefined;
    const original = descriptor.value as Fn;
    const replacement = make(original);
    Object.defineProperty(replacement, 'name', { value: original.name });
    Object.defineProperty(replacement, 'length', { value: original.length });
    Object.defineProperty(target, key, { ...descriptor, value: replacement });
    return original;
  }

  // ---------------------------------------------------------------- peer connections

  function syncStates(pc: RTCPeerConnection, record: PcRecord): void {
    for (const which of STATE_NAMES) {
      const value = pc[which];
      if (record.states.get(which) === value) continue;
      record.states.set(which, value);
      report({ type: 'pc-state', pc: record.id, which, value });
    }
  }

  function observePc(pc: RTCPeerConnection, config: unknown): void {
    const record: PcRecord = { id: idFor(pc, 'pc'), states: new Map(), channels: new Set(), closed: false, statsTimer: undefined, statsPending: false };
    pcs.set(pc, record);
    report({ type: 'pc-created', pc: record.id, config: inspected(config) });
    syncStates(pc, record);
    for (const type of STATE_EVENTS) {
      on(pc, type, () => {
        syncStates(pc, record);
        if (pc.connectionState === 'closed') markPcClosed(pc, record);
      });
    }
    on<RTCPeerConnectionIceEvent>(pc, 'icecandidate', (event) => {
      report({ type: 'pc-candidate', pc: record.id, side: 'local', candidate: event.candidate ? event.candidate.candidate : null });
    });
    on<RTCPeerConnectionIceErrorEvent>(pc, 'icecandidateerror', (event) => {
      report({ type: 'pc-candidate-error', pc: record.id, url: String(event.url ?? ''), errorCode: event.errorCode, errorText: String(event.errorText ?? '') });
    });
    on<RTCTrackEvent>(pc, 'track', (event) => {
      const track = registerTrack(event.track, 'remote');
      report({ type: 'pc-track', pc: record.id, track, kind: event.track.kind });
    });
    on<RTCDataChannelEvent>(pc, 'datachannel', (event) => observeChannel(event.channel, record, true));
    record.statsTimer = setRepeat(() => guard(() => pollStats(pc, record)), statsIntervalMs);
  }

  function markPcClosed(pc: RTCPeerConnection, record: PcRecord): void {
    if (record.closed) return;
    record.closed = true;
    if (record.statsTimer !== undefined) clearRepeat(record.statsTimer);
    record.statsTimer = undefined;
    // close() fires no events, yet it changes the states, ends the channels and the remote tracks.
    syncStates(pc, record);
    for (const channel of record.channels) syncChannel(channel, channel.readyState);
    for (const track of tracks.keys()) if (track.readyState === 'ended') markTrackEnded(track);
    report({ type: 'pc-closed', pc: record.id });
  }

  let nativeGetStats: Fn | undefined;
  let nativeClose: Fn | undefined;

  function pollStats(pc: RTCPeerConnection, record: PcRecord): void {
    if (record.closed || record.statsPending || !nativeGetStats) return;
    if (pc.signalingState === 'closed') {
      markPcClosed(pc, record);
      return;
    }
    record.statsPending = true;
    const result = invoke(nativeGetStats, pc, []);
    if (!(result instanceof win.Promise)) {
      record.statsPending = false;
      return;
    }
    // Our own promise, not the learner's: swallowing its rejection hides nothing from them.
    invoke(nativeThen, result, [
      (stats: RTCStatsReport) => {
        record.statsPending = false;
        if (!record.closed) guard(() => report({ type: 'pc-stats', pc: record.id, stats: summarizeStats(stats) }));
      },
      () => {
        record.statsPending = false;
      },
    ]);
  }

  const NativePc = win.RTCPeerConnection;
  if (typeof NativePc === 'function') {
    const pcProto = NativePc.prototype;
    nativeGetStats = Object.getOwnPropertyDescriptor(pcProto, 'getStats')?.value as Fn | undefined;

    const observeDescription = (side: 'local' | 'remote') => (original: Fn): Fn =>
      ({
        // A method, not a function expression: native methods are not constructors either.
        setDescription(this: RTCPeerConnection, ...args: unknown[]): unknown {
          const result = invoke(original, this, args);
          const record = pcs.get(this);
          if (!record || !(result instanceof win.Promise)) return result;
          const requested = args[0];
          return tap(result as Promise<unknown>, () => {
            const description = side === 'local' ? this.localDescription : this.remoteDescription;
            if (isRecord(requested) && requested['type'] === 'rollback') {
              report({ type: 'pc-description', pc: record.id, side, sdpType: 'rollback', sdp: '' });
            } else if (description) {
              report({ type: 'pc-description', pc: record.id, side, sdpType: description.type, sdp: description.sdp });
            }
          });
        },
      }).setDescription;
    wrapMethod(pcProto, 'setLocalDescription', observeDescription('local'));
    wrapMethod(pcProto, 'setRemoteDescription', observeDescription('remote'));

    wrapMethod(pcProto, 'addIceCandidate', (original) =>
      ({
        addIceCandidate(this: RTCPeerConnection, ...args: unknown[]): unknown {
          const result = invoke(original, this, args);
          const record = pcs.get(this);
          if (!record || !(result instanceof win.Promise)) return result;
          // Read after the call so the browser's own reading of the argument comes first.
          const given = args[0];
          const text = isRecord(given) && typeof given['candidate'] === 'string' ? given['candidate'] : '';
          return tap(result as Promise<unknown>, () => {
            // null, undefined and an empty candidate all mean "end of candidates".
            report({ type: 'pc-candidate', pc: record.id, side: 'remote', candidate: text === '' ? null : text });
          });
        },
      }).addIceCandidate,
    );

    wrapMethod(pcProto, 'createDataChannel', (original) =>
      ({
        createDataChannel(this: RTCPeerConnection, ...args: unknown[]): unknown {
          const channel = invoke(original, this, args);
          const record = pcs.get(this);
          if (record && channel instanceof win.RTCDataChannel) guard(() => observeChannel(channel, record, false));
          return channel;
        },
      }).createDataChannel,
    );

    nativeClose = wrapMethod(pcProto, 'close', (original) =>
      ({
        close(this: RTCPeerConnection, ...args: unknown[]): unknown {
          const result = invoke(original, this, args);
          const record = pcs.get(this);
          if (record) guard(() => markPcClosed(this, record));
          return result;
        },
      }).close,
    );

    // A subclass, so instances pass `instanceof` for this constructor and the native one, and
    // statics (generateCertificate) are inherited.
    const ObservedPc = class RTCPeerConnection extends NativePc {
      constructor(...args: ConstructorParameters<typeof NativePc>) {
        super(...args);
        guard(() => observePc(this, args[0]));
      }
    };
    // Bundlers rename classes (RTCPeerConnection2); the learner may print or compare the name.
    Object.defineProperty(ObservedPc, 'name', { value: 'RTCPeerConnection' });
    win.RTCPeerConnection = ObservedPc;
    if (Reflect.get(win, 'webkitRTCPeerConnection') === NativePc) Reflect.set(win, 'webkitRTCPeerConnection', ObservedPc);
  }

  // ---------------------------------------------------------------- data channels

  function newFlow(): Flow {
    return { messages: 0, totalBytes: 0, lastBytes: 0, lastText: undefined, lastEmitAt: 0, timer: undefined };
  }

  function syncChannel(channel: RTCDataChannel, value: RTCDataChannelState): void {
    const record = channels.get(channel);
    const rank = DC_STATE_RANK[value] ?? 0;
    // States only move forward; an event can arrive after we already read a later state.
    if (!record || value === 'connecting' || rank <= record.rank) return;
    record.rank = rank;
    report({ type: 'dc-state', dc: record.id, value: value as DcStateValue });
  }

  function observeChannel(channel: RTCDataChannel, pcRecord: PcRecord, remote: boolean): void {
    if (channels.has(channel)) return;
    const record: DcRecord = { id: idFor(channel, 'dc'), rank: 0, in: newFlow(), out: newFlow() };
    channels.set(channel, record);
    pcRecord.channels.add(channel);
    report({ type: 'dc-created', pc: pcRecord.id, dc: record.id, label: channel.label, ordered: channel.ordered, remote });
    on(channel, 'open', () => syncChannel(channel, 'open'));
    on(channel, 'closing', () => syncChannel(channel, 'closing'));
    on(channel, 'close', () => syncChannel(channel, 'closed'));
    on<MessageEvent>(channel, 'message', (event) => {
      const payload = describePayload(event.data);
      countMessage(record, 'in', payload.bytes ?? 0, payload.text);
    });
    // A remote channel can already be open when the datachannel event reaches us.
    syncChannel(channel, channel.readyState);
  }

  function emitFlow(record: DcRecord, direction: Direction): void {
    const flow = record[direction];
    flow.lastEmitAt = now();
    report({
      type: 'dc-message',
      dc: record.id,
      direction,
      bytes: flow.lastBytes,
      ...(flow.lastText === undefined ? {} : { text: flow.lastText }),
      messages: flow.messages,
      totalBytes: flow.totalBytes,
    });
  }

  /** The first message goes out at once; after that at most one event per 100 ms, with the latest totals. */
  function countMessage(record: DcRecord, direction: Direction, bytes: number, text: string | undefined): void {
    const flow = record[direction];
    flow.messages += 1;
    flow.totalBytes += bytes;
    flow.lastBytes = bytes;
    if (text !== undefined) flow.lastText = text;
    if (flow.timer !== undefined) return;
    const wait = flow.lastEmitAt + DC_MESSAGE_INTERVAL_MS - now();
    if (flow.messages === 1 || wait <= 0) {
      emitFlow(record, direction);
      return;
    }
    flow.timer = setTimer(() => {
      flow.timer = undefined;
      emitFlow(record, direction);
    }, wait);
  }

  function flushFlows(): void {
    for (const record of channels.values()) {
      for (const direction of ['in', 'out'] as const) {
        const flow = record[direction];
        if (flow.timer === undefined) continue;
        clearTimer(flow.timer);
        flow.timer = undefined;
        emitFlow(record, direction);
      }
    }
  }

  /** Byte size as sent on the wire (strings go as UTF-8) and the text of a text message; null when unknown. */
  function describePayload(data: unknown): { bytes: number | null; text: string | undefined } {
    if (typeof data === 'string') return { bytes: utf8Length(data), text: clip(data) };
    if (win.ArrayBuffer.isView(data)) return { bytes: data.byteLength, text: undefined };
    if (data instanceof win.ArrayBuffer) return { bytes: data.byteLength, text: undefined };
    if (data instanceof win.Blob) return { bytes: data.size, text: undefined };
    if (data === null || (typeof data !== 'object' && typeof data !== 'function' && typeof data !== 'symbol')) {
      // send() stringifies primitives; String() of a primitive runs none of the learner's code.
      const text = String(data);
      return { bytes: utf8Length(text), text: clip(text) };
    }
    return { bytes: null, text: undefined };
  }

  wrapMethod(win.RTCDataChannel?.prototype, 'send', (original) =>
    ({
      send(this: RTCDataChannel, ...args: unknown[]): unknown {
        const record = channels.get(this);
        const before = record ? this.bufferedAmount : 0;
        const result = invoke(original, this, args);
        if (record) {
          guard(() => {
            const payload = describePayload(args[0]);
            // Objects are stringified by send() itself (calling their toString again could have
            // side effects), so their size is what send() added to the buffer.
            const bytes = payload.bytes ?? Math.max(0, this.bufferedAmount - before);
            countMessage(record, 'out', bytes, payload.text);
          });
        }
        return result;
      },
    }).send,
  );

  // ---------------------------------------------------------------- media

  function registerTrack(track: MediaStreamTrack, source: TrackSource): string {
    const known = tracks.get(track);
    if (known !== undefined) return known;
    const id = idFor(track, 'track');
    tracks.set(track, id);
    report({ type: 'track', track: id, kind: track.kind, label: track.label, source });
    on(track, 'ended', () => markTrackEnded(track));
    if (track.readyState === 'ended') markTrackEnded(track);
    return id;
  }

  function markTrackEnded(track: MediaStreamTrack): void {
    const id = tracks.get(track);
    if (id === undefined || endedTracks.has(track)) return;
    endedTracks.add(track);
    report({ type: 'track-ended', track: id });
  }

  const nativeGetTracks = win.MediaStream?.prototype.getTracks as Fn | undefined;
  const mediaProto = typeof win.MediaDevices === 'function' ? win.MediaDevices.prototype : undefined;
  for (const api of ['getUserMedia', 'getDisplayMedia'] as const) {
    wrapMethod(mediaProto, api, (original) =>
      ({
        capture(this: MediaDevices, ...args: unknown[]): unknown {
          report({ type: 'media-request', api, constraints: inspected(args[0]) });
          const result = invoke(original, this, args);
          if (!(result instanceof win.Promise)) return result;
          return tap(
            result as Promise<unknown>,
            (stream) => {
              if (!(stream instanceof win.MediaStream) || !nativeGetTracks) return;
              for (const track of invoke(nativeGetTracks, stream, []) as MediaStreamTrack[]) registerTrack(track, api);
            },
            (error) => {
              const name = isRecord(error) ? error['name'] : undefined;
              const message = isRecord(error) ? error['message'] : undefined;
              report({ type: 'media-error', api, name: typeof name === 'string' ? name : 'Error', message: typeof message === 'string' ? message : String(error) });
            },
          );
        },
      }).capture,
    );
  }

  // 'ended' does not fire when the page itself calls stop().
  const nativeStop = wrapMethod(win.MediaStreamTrack?.prototype, 'stop', (original) =>
    ({
      stop(this: MediaStreamTrack, ...args: unknown[]): unknown {
        const result = invoke(original, this, args);
        if (tracks.has(this)) guard(() => markTrackEnded(this));
        return result;
      },
    }).stop,
  );

  // ---------------------------------------------------------------- <video> frames

  const nativeRequestFrame = win.HTMLVideoElement?.prototype.requestVideoFrameCallback as Fn | undefined;
  const nativeCancelFrame = win.HTMLVideoElement?.prototype.cancelVideoFrameCallback as Fn | undefined;

  function labelFor(video: HTMLVideoElement): string {
    if (video.id !== '') return `video#${video.id}`;
    const parent = video.parentElement;
    if (!parent) return 'video';
    let index = 0;
    for (const sibling of parent.children) {
      if (sibling.localName === 'video') index += 1;
      if (sibling === video) break;
    }
    return `video:nth-of-type(${index})`;
  }

  function reportFrames(): void {
    for (const [video, record] of videos) {
      if (record.frames === record.reported) continue;
      record.reported = record.frames;
      // Labels follow the page (an id set after insertion); a detached element keeps its last one.
      if (video.isConnected) record.label = labelFor(video);
      report({ type: 'video-frames', element: record.label, frames: record.frames, width: record.width, height: record.height });
    }
  }

  function watchVideo(video: HTMLVideoElement): void {
    if (videos.has(video) || !nativeRequestFrame) return;
    const requestFrame = nativeRequestFrame;
    const record: VideoRecord = { label: labelFor(video), frames: 0, reported: 0, width: 0, height: 0, handle: undefined };
    videos.set(video, record);
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
      guard(() => {
        record.frames += 1;
        record.width = metadata.width;
        record.height = metadata.height;
        record.handle = stopped ? undefined : (invoke(requestFrame, video, [onFrame]) as number);
      });
    };
    record.handle = invoke(requestFrame, video, [onFrame]) as number;
    videoTimer ??= setRepeat(() => guard(reportFrames), videoIntervalMs);
  }

  function scanForVideos(node: Node): void {
    if (node instanceof win.HTMLVideoElement) watchVideo(node);
    if (node instanceof win.Element || node instanceof win.Document) {
      for (const video of node.querySelectorAll('video')) watchVideo(video);
    }
  }

  const mutations = new win.MutationObserver((records) => {
    guard(() => {
      for (const record of records) for (const node of record.addedNodes) scanForVideos(node);
    });
  });
  guard(() => {
    mutations.observe(win.document, { childList: true, subtree: true });
    scanForVideos(win.document);
  });

  // ---------------------------------------------------------------- stop

  return {
    stopAll(): void {
      stopped = true;
      guard(flushFlows);
      for (const track of tracks.keys()) {
        guard(() => {
          if (track.readyState === 'live' && nativeStop) invoke(nativeStop, track, []);
          markTrackEnded(track);
        });
      }
      for (const [pc, record] of pcs) {
        guard(() => {
          if (!record.closed && nativeClose) invoke(nativeClose, pc, []);
          markPcClosed(pc, record);
        });
      }
      guard(reportFrames);
      if (videoTimer !== undefined) clearRepeat(videoTimer);
      videoTimer = undefined;
      for (const [video, record] of videos) {
        guard(() => {
          if (record.handle !== undefined && nativeCancelFrame) invoke(nativeCancelFrame, video, [record.handle]);
          record.handle = undefined;
        });
      }
      mutations.disconnect();
    },
  };
}

// ---------------------------------------------------------------- pure helpers

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** UTF-8 length without allocating; lone surrogates count as U+FFFD (3 bytes), as send() encodes them. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function clip(text: string): string {
  if (text.length <= TEXT_LIMIT) return text;
  // Do not cut a surrogate pair in half.
  const end = isHighSurrogate(text.charCodeAt(TEXT_LIMIT - 1)) ? TEXT_LIMIT - 1 : TEXT_LIMIT;
  return text.slice(0, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function num(stat: Stat | undefined, key: string): number {
  const value = stat?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function text(stat: Stat | undefined, key: string): string | null {
  const value = stat?.[key];
  return typeof value === 'string' ? value : null;
}

/** Reduces a getStats() report to the few numbers the lab shows and checks. */
export function summarizeStats(report: RTCStatsReport): StatsSummary {
  const all: Stat[] = [];
  const byId = new Map<string, Stat>();
  report.forEach((value: unknown, key: string) => {
    if (!isRecord(value)) return;
    all.push(value);
    byId.set(key, value);
  });
  let framesDecoded = 0;
  let framesSent = 0;
  let rtpIn = 0;
  let rtpOut = 0;
  let sawRtp = false;
  let transportIn = 0;
  let transportOut = 0;
  let sawTransport = false;
  let pair: Stat | undefined;
  for (const stat of all) {
    const kind = stat['kind'] ?? stat['mediaType'];
    if (stat['type'] === 'inbound-rtp') {
      sawRtp = true;
      rtpIn += num(stat, 'bytesReceived');
      if (kind === 'video') framesDecoded += num(stat, 'framesDecoded');
    } else if (stat['type'] === 'outbound-rtp') {
      sawRtp = true;
      rtpOut += num(stat, 'bytesSent');
      if (kind === 'video') framesSent += num(stat, 'framesSent');
    } else if (stat['type'] === 'transport') {
      sawTransport = true;
      transportIn += num(stat, 'bytesReceived');
      transportOut += num(stat, 'bytesSent');
      const selected = text(stat, 'selectedCandidatePairId');
      if (!pair && selected !== null) pair = byId.get(selected);
    }
  }
  // Firefox has no transport stats; it marks the pair `selected` (non-standard) instead.
  pair ??=
    all.find((s) => s['type'] === 'candidate-pair' && s['nominated'] === true && s['state'] === 'succeeded') ??
    all.find((s) => s['type'] === 'candidate-pair' && s['selected'] === true);
  const local = pair ? byId.get(text(pair, 'localCandidateId') ?? '') : undefined;
  const remote = pair ? byId.get(text(pair, 'remoteCandidateId') ?? '') : undefined;
  const rtt = pair?.['currentRoundTripTime'];
  // Media labs count RTP payload; a data-only connection has no RTP, so count what the transport
  // (or, without transport stats, the candidate pair) carried.
  const fallback = sawTransport ? { in: transportIn, out: transportOut } : { in: num(pair, 'bytesReceived'), out: num(pair, 'bytesSent') };
  return {
    framesDecoded,
    framesSent,
    bytesReceived: sawRtp ? rtpIn : fallback.in,
    bytesSent: sawRtp ? rtpOut : fallback.out,
    roundTripTime: typeof rtt === 'number' && Number.isFinite(rtt) ? rtt : null,
    localCandidateType: text(local, 'candidateType'),
    remoteCandidateType: text(remote, 'candidateType'),
  };
}
