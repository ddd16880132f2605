/**
 * RTCPeerConnection: creation, the four states, descriptions, candidates (gathered, added,
 * failed), ICE restarts, remote tracks and channels, periodic stats, and close.
 */
import { PC_STATE_NAMES, type PcStateName } from '../../lib/feed.ts';
import { summarizeStats } from '../../lib/stats-summary.ts';
import { isRecord, observedSubclass, type Fn, type Interceptor } from './intercept.ts';
import type { DataChannels } from './data-channels.ts';
import type { Tracks } from './media-capture.ts';

const STATE_EVENTS = ['signalingstatechange', 'icegatheringstatechange', 'iceconnectionstatechange', 'connectionstatechange'];

interface PcRecord {
  readonly id: string;
  readonly states: Map<PcStateName, string>;
  readonly channels: Set<RTCDataChannel>;
  closed: boolean;
  statsTimer: number | undefined;
  statsPending: boolean;
}

export interface PeerConnections {
  /** Closes every connection this run created (emits pc-closed). */
  closeAll(): void;
}

export function observePeerConnections(ctx: Interceptor, channels: DataChannels, tracks: Tracks, statsIntervalMs: number): PeerConnections {
  const { win, report, on, tap, invoke, guard } = ctx;
  // Strong references on purpose: closeAll() must reach everything this run created.
  const pcs = new Map<RTCPeerConnection, PcRecord>();
  const NativePc = win.RTCPeerConnection;
  if (typeof NativePc !== 'function') return { closeAll() {} };
  const pcProto = NativePc.prototype;
  const nativeGetStats = ctx.nativeMethod(pcProto, 'getStats');
  const nativeStatsValues = ctx.nativeMethod(win.RTCStatsReport?.prototype, 'values');

  // States read through the getters as they were at install: lab code could redefine
  // connectionState on the prototype to read 'connected' on a connection that never was.
  const stateGetters = new Map(PC_STATE_NAMES.map((which) => [which, ctx.nativeGetter(pcProto, which)]));
  const state = (pc: RTCPeerConnection, which: PcStateName): string => {
    const getter = stateGetters.get(which);
    return getter ? String(invoke(getter, pc, [])) : pc[which];
  };

  function syncStates(pc: RTCPeerConnection, record: PcRecord): void {
    for (const which of PC_STATE_NAMES) {
      const value = state(pc, which);
      if (record.states.get(which) === value) continue;
      record.states.set(which, value);
      report({ type: 'pc-state', pc: record.id, which, value });
    }
  }

  function observePc(pc: RTCPeerConnection, config: unknown): void {
    const record: PcRecord = { id: ctx.idFor(pc, 'pc'), states: new Map(), channels: new Set(), closed: false, statsTimer: undefined, statsPending: false };
    pcs.set(pc, record);
    report({ type: 'pc-created', pc: record.id, config: ctx.inspected(config) });
    syncStates(pc, record);
    for (const type of STATE_EVENTS) {
      on(pc, type, () => {
        syncStates(pc, record);
        if (state(pc, 'connectionState') === 'closed') markClosed(pc, record);
      });
    }
    on<RTCPeerConnectionIceEvent>(pc, 'icecandidate', (event) => {
      report({ type: 'pc-candidate', pc: record.id, side: 'local', candidate: event.candidate ? event.candidate.candidate : null });
    });
    on<RTCPeerConnectionIceErrorEvent>(pc, 'icecandidateerror', (event) => {
      report({ type: 'pc-candidate-error', pc: record.id, url: String(event.url ?? ''), errorCode: event.errorCode, errorText: String(event.errorText ?? '') });
    });
    on<RTCTrackEvent>(pc, 'track', (event) => {
      const track = tracks.register(event.track, 'remote');
      report({ type: 'pc-track', pc: record.id, track, kind: event.track.kind });
    });
    on<RTCDataChannelEvent>(pc, 'datachannel', (event) => {
      record.channels.add(event.channel);
      channels.observe(event.channel, record.id, true);
    });
    record.statsTimer = ctx.timers.every(() => pollStats(pc, record), statsIntervalMs);
  }

  function markClosed(pc: RTCPeerConnection, record: PcRecord): void {
    if (record.closed) return;
    record.closed = true;
    if (record.statsTimer !== undefined) ctx.timers.cancelEvery(record.statsTimer);
    record.statsTimer = undefined;
    // close() fires no events, yet it changes the states, ends the channels and the remote tracks.
    syncStates(pc, record);
    for (const channel of record.channels) channels.sync(channel);
    tracks.syncEnded();
    report({ type: 'pc-closed', pc: record.id });
  }

  function pollStats(pc: RTCPeerConnection, record: PcRecord): void {
    if (record.closed || record.statsPending || !nativeGetStats) return;
    if (state(pc, 'signalingState') === 'closed') {
      markClosed(pc, record);
      return;
    }
    record.statsPending = true;
    // Our own promise, not lab code's: swallowing its rejection hides nothing from them.
    ctx.follow<RTCStatsReport>(
      invoke(nativeGetStats, pc, []),
      (stats) => {
        record.statsPending = false;
        if (record.closed) return;
        const values = (nativeStatsValues ? invoke(nativeStatsValues, stats, []) : stats.values()) as Iterable<unknown>;
        report({ type: 'pc-stats', pc: record.id, stats: summarizeStats(values) });
      },
      () => {
        record.statsPending = false;
      },
    );
  }

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
  ctx.wrapMethod(pcProto, 'setLocalDescription', observeDescription('local'));
  ctx.wrapMethod(pcProto, 'setRemoteDescription', observeDescription('remote'));

  ctx.wrapMethod(pcProto, 'addIceCandidate', (original) =>
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

  ctx.wrapMethod(pcProto, 'restartIce', (original) =>
    ({
      restartIce(this: RTCPeerConnection, ...args: unknown[]): unknown {
        const result = invoke(original, this, args);
        const record = pcs.get(this);
        if (record) report({ type: 'pc-restart-ice', pc: record.id });
        return result;
      },
    }).restartIce,
  );

  ctx.wrapMethod(pcProto, 'createOffer', (original) =>
    ({
      createOffer(this: RTCPeerConnection, ...args: unknown[]): unknown {
        const result = invoke(original, this, args);
        const record = pcs.get(this);
        if (record) {
          guard(() => {
            // The legacy form takes (success, failure, options).
            const options = typeof args[0] === 'function' ? args[2] : args[0];
            if (isRecord(options) && options['iceRestart'] === true) report({ type: 'pc-restart-ice', pc: record.id });
          });
        }
        return result;
      },
    }).createOffer,
  );

  ctx.wrapMethod(pcProto, 'createDataChannel', (original) =>
    ({
      createDataChannel(this: RTCPeerConnection, ...args: unknown[]): unknown {
        const channel = invoke(original, this, args);
        const record = pcs.get(this);
        if (record && channel instanceof win.RTCDataChannel) {
          guard(() => {
            record.channels.add(channel);
            channels.observe(channel, record.id, false);
          });
        }
        return channel;
      },
    }).createDataChannel,
  );

  const nativeClose = ctx.wrapMethod(pcProto, 'close', (original) =>
    ({
      close(this: RTCPeerConnection, ...args: unknown[]): unknown {
        const result = invoke(original, this, args);
        const record = pcs.get(this);
        if (record) guard(() => markClosed(this, record));
        return result;
      },
    }).close,
  );

  const ObservedPc = observedSubclass(ctx, NativePc, (pc, args) => observePc(pc, args[0]));
  win.RTCPeerConnection = ObservedPc;
  if (Reflect.get(win, 'webkitRTCPeerConnection') === NativePc) Reflect.set(win, 'webkitRTCPeerConnection', ObservedPc);

  return {
    closeAll() {
      for (const [pc, record] of pcs) {
        guard(() => {
          if (!record.closed && nativeClose) invoke(nativeClose, pc, []);
          markClosed(pc, record);
        });
      }
    },
  };
}
