/** Judges for peer connections: ICE candidates and errors, the selected pair, states, restarts, and stats. */
import type { FeedEvent, StatsSummary } from '../feed.ts';
import { iceUfrag, parseCandidate } from '../ice-candidate.ts';
import type { FeedOrigin, JudgeTable } from './judge.ts';
import { key } from './judge.ts';

type ConnectionJudges = Pick<
  JudgeTable,
  'ice-candidates' | 'ice-selected-pair' | 'ice-candidate-error' | 'connection-state' | 'outbound-bitrate' | 'codec' | 'ice-restart' | 'relay-after-turn-restart'
>;

/** The latest connection state and stats of each peer connection in the judged feed. */
class Connections {
  readonly states = new Map<string, string>();
  readonly stats = new Map<string, { at: number; stats: StatsSummary }>();
  /** The report before the latest, for rates. */
  readonly previous = new Map<string, StatsSummary>();

  add(event: FeedEvent, from: FeedOrigin): void {
    if (event.type === 'pc-state' && event.which === 'connectionState') this.states.set(key(from, event.pc), event.value);
    if (event.type === 'pc-stats') {
      const id = key(from, event.pc);
      const before = this.stats.get(id);
      if (before) this.previous.set(id, before.stats);
      this.stats.set(id, { at: event.at, stats: event.stats });
    }
  }
}

/** Bits per second of `media` sent between a pc's last two reports; null without two reports. */
function outboundBps(before: StatsSummary | undefined, latest: StatsSummary, media: 'audio' | 'video'): number | null {
  if (!before) return null;
  const seconds = (latest.timestamp - before.timestamp) / 1000;
  if (!(seconds > 0)) return null;
  const bytes = media === 'video' ? latest.videoBytesSent - before.videoBytesSent : latest.audioBytesSent - before.audioBytesSent;
  return (bytes * 8) / seconds;
}

export const connectionJudges: ConnectionJudges = {
  'ice-candidates': (check, of) => {
    const seen = new Set<string>();
    /** Per connection: the types it offered, and whether its gathering ended. */
    const byPc = new Map<string, { types: Set<string>; complete: boolean }>();
    const exactly = (types: ReadonlySet<string>): boolean => check.types.every((type) => types.has(type)) && [...types].every((type) => (check.types as readonly string[]).includes(type));
    return {
      add(event, from) {
        if (from !== of || event.type !== 'pc-candidate' || event.side !== check.side) return;
        const pc = byPc.get(event.pc) ?? { types: new Set<string>(), complete: false };
        byPc.set(event.pc, pc);
        if (event.candidate === null) {
          pc.complete = true;
          return;
        }
        const type = parseCandidate(event.candidate)?.type;
        if (!type) return;
        seen.add(type);
        pc.types.add(type);
      },
      holds: () => (check.only ? [...byPc.values()].some((pc) => pc.complete && exactly(pc.types)) : check.types.every((type) => seen.has(type))),
    };
  },

  'ice-selected-pair': (check, of) => {
    const pcs = new Connections();
    return {
      add: (event, from) => {
        if (from === of) pcs.add(event, from);
      },
      holds: () =>
        [...pcs.stats].some(
          ([id, { stats }]) =>
            pcs.states.get(id) === 'connected' &&
            stats.localCandidateType !== null &&
            (check.localType === undefined || stats.localCandidateType === check.localType) &&
            (check.remoteType === undefined || stats.remoteCandidateType === check.remoteType),
        ),
    };
  },

  'ice-candidate-error': (check, of) => {
    let seen = false;
    return {
      add(event, from) {
        if (from === of && event.type === 'pc-candidate-error' && event.errorCode === check.code) seen = true;
      },
      holds: () => seen,
    };
  },

  'connection-state': (check, of) => {
    const pcs = new Connections();
    return {
      add: (event, from) => {
        if (from === of) pcs.add(event, from);
      },
      holds: () => [...pcs.states.values()].includes(check.state),
    };
  },

  'outbound-bitrate': (check, of) => {
    const pcs = new Connections();
    return {
      add: (event, from) => {
        if (from === of) pcs.add(event, from);
      },
      holds: () =>
        [...pcs.stats].some(([id, { stats }]) => {
          const bps = outboundBps(pcs.previous.get(id), stats, check.media);
          return bps !== null && bps >= check.minBps && bps <= check.maxBps;
        }),
    };
  },

  codec: (check, of) => {
    const pcs = new Connections();
    const field = `${check.direction}${check.media === 'video' ? 'Video' : 'Audio'}` as const;
    return {
      add: (event, from) => {
        if (from === of) pcs.add(event, from);
      },
      holds: () => [...pcs.stats.values()].some(({ stats }) => stats.codecs[field]?.toLowerCase() === check.mimeType.toLowerCase()),
    };
  },

  /**
   * Restarted: both descriptions carry new ICE credentials (a restart that was negotiated, not
   * only asked for). Reconnected: the pc is connected and a stats report taken after the new
   * remote description shows a selected candidate pair. A restart that fails drops the state.
   */
  'ice-restart': (_check, of) => {
    interface Restart {
      firstLocal?: string;
      firstRemote?: string;
      renegotiatedAt?: number;
      local?: string;
      remote?: string;
      reconnected: boolean;
    }
    const pcs = new Map<string, Restart>();
    const states = new Map<string, string>();
    return {
      add(event, from) {
        if (from !== of) return;
        if (event.type === 'pc-state' && event.which === 'connectionState') states.set(event.pc, event.value);
        if (event.type === 'pc-description' && event.sdpType !== 'rollback') {
          const ufrag = iceUfrag(event.sdp);
          if (ufrag === null) return;
          const record = pcs.get(event.pc) ?? { reconnected: false };
          pcs.set(event.pc, record);
          if (event.side === 'local') {
            record.firstLocal ??= ufrag;
            record.local = ufrag;
          } else {
            record.firstRemote ??= ufrag;
            record.remote = ufrag;
          }
          if (record.renegotiatedAt === undefined && record.local !== record.firstLocal && record.remote !== record.firstRemote) record.renegotiatedAt = event.at;
        }
        if (event.type === 'pc-stats') {
          const record = pcs.get(event.pc);
          if (record?.renegotiatedAt !== undefined && event.at > record.renegotiatedAt && event.stats.localCandidateType !== null && states.get(event.pc) === 'connected') {
            record.reconnected = true;
          }
        }
      },
      holds: () => [...pcs].some(([pc, record]) => record.reconnected && states.get(pc) === 'connected'),
    };
  },

  /**
   * The TURN server's restart ends every allocation, so the old relay pair is dead, though its
   * stats still say "connected" until the browser notices. Survived: a report taken after the
   * restart shows the pc connected on a relay ↔ relay pair other than the one it had then (new
   * allocations, on new relay ports: an ICE restart, or a new connection).
   */
  'relay-after-turn-restart': (_check, of) => {
    let restarted = false;
    const states = new Map<string, string>();
    /** Each pc's selected pair in its latest report (ends as address:port), and at the restart. */
    const latestPair = new Map<string, string>();
    const pairAtRestart = new Map<string, string>();
    const survived = new Set<string>();
    return {
      add(event, from) {
        if (from !== of) return;
        if (event.type === 'turn-restarted' && !restarted) {
          restarted = true;
          for (const [pc, pair] of latestPair) pairAtRestart.set(pc, pair);
        }
        if (event.type === 'pc-state' && event.which === 'connectionState') states.set(event.pc, event.value);
        if (event.type === 'pc-stats' && event.stats.selectedPair) {
          const { local, remote } = event.stats.selectedPair;
          const pair = `${local.address}:${local.port} ${remote.address}:${remote.port}`;
          latestPair.set(event.pc, pair);
          const relayed = local.type === 'relay' && remote.type === 'relay';
          if (restarted && relayed && pair !== pairAtRestart.get(event.pc) && states.get(event.pc) === 'connected') survived.add(event.pc);
        }
      },
      holds: () => [...survived].some((pc) => states.get(pc) === 'connected'),
    };
  },
};
