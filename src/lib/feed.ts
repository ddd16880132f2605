/**
 * The one feed a running lab produces: what the learner's WebRTC objects did, what the
 * code logged, and how it ended. The sandbox writes it; the lab panel, the goal checks,
 * the Inspector and the browser tests all read it. Plain data only: it crosses postMessage.
 *
 * The observer emits untimed bodies (FeedEventBody); the runner stamps each with `at`,
 * milliseconds since the run started in the frame, so goals that need time (a bitrate held
 * for 5 s, an error handled for 1 s) are judged on the frame's own clock.
 */

/** A value from the lab frame, made safe to clone and readable in the console panel. */
export type Inspected =
  | { readonly t: 'undefined' }
  | { readonly t: 'null' }
  | { readonly t: 'boolean'; readonly v: boolean }
  | { readonly t: 'number'; readonly v: string } // string keeps NaN, -0, Infinity
  | { readonly t: 'bigint'; readonly v: string }
  | { readonly t: 'string'; readonly v: string; readonly truncated?: number }
  | { readonly t: 'symbol'; readonly v: string }
  | { readonly t: 'function'; readonly name: string }
  | { readonly t: 'error'; readonly name: string; readonly message: string; readonly line?: number; readonly stack?: string }
  | { readonly t: 'array'; readonly items: readonly Inspected[]; readonly more: number }
  | { readonly t: 'object'; readonly tag: string; readonly entries: ReadonlyArray<readonly [string, Inspected]>; readonly more: number }
  | { readonly t: 'map'; readonly tag: string; readonly entries: ReadonlyArray<readonly [Inspected, Inspected]>; readonly more: number }
  | { readonly t: 'set'; readonly tag: string; readonly items: readonly Inspected[]; readonly more: number }
  | { readonly t: 'element'; readonly v: string } // <video#remote.big>
  | { readonly t: 'circular' }
  | { readonly t: 'elided'; readonly tag: string }; // depth limit

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'table';

export type MediaKind = 'audio' | 'video';
export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';
export const CANDIDATE_TYPES: readonly CandidateType[] = ['host', 'srflx', 'prflx', 'relay'];
export type MediaApi = 'getUserMedia' | 'getDisplayMedia';
export type TrackSource = MediaApi | 'remote';
export type PcStateName = 'signalingState' | 'iceGatheringState' | 'iceConnectionState' | 'connectionState';
export const PC_STATE_NAMES: readonly PcStateName[] = ['signalingState', 'iceGatheringState', 'iceConnectionState', 'connectionState'];

/** One getStats() report reduced to what the lab shows and goals check (see stats-summary.ts). */
export interface StatsSummary {
  /** The report's own clock (ms), so rates are computed over the interval the browser measured. */
  readonly timestamp: number;
  readonly framesDecoded: number;
  readonly framesSent: number;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  /** RTP payload bytes by media kind (header bytes excluded), for bitrates per kind. */
  readonly videoBytesSent: number;
  readonly videoBytesReceived: number;
  readonly audioBytesSent: number;
  readonly audioBytesReceived: number;
  /** Negotiated codecs in use, as mimeType (`video/VP8`); null when that stream does not exist. */
  readonly codecs: {
    readonly outboundVideo: string | null;
    readonly inboundVideo: string | null;
    readonly outboundAudio: string | null;
    readonly inboundAudio: string | null;
  };
  /** Seconds, from the selected candidate pair; null before one is selected. */
  readonly roundTripTime: number | null;
  readonly localCandidateType: string | null;
  readonly remoteCandidateType: string | null;
  /** The selected pair's two ends, for the Inspector to mark among the gathered candidates. */
  readonly selectedPair: { readonly local: CandidateEnd; readonly remote: CandidateEnd } | null;
  /** Packets the remote end never got (its RTCP reports), and packets that never reached us. */
  readonly packetsLostOut: number;
  readonly packetsLostIn: number;
  /** Seconds: the worst inbound jitter; null without inbound RTP. */
  readonly jitterIn: number | null;
  /** The browser's own frame rates, received (decoded) and sent; null without that video stream. */
  readonly framesPerSecondIn: number | null;
  readonly framesPerSecondOut: number | null;
  /** 0–1: the loudest inbound audio stream, and the loudest audio source we send; null without one. */
  readonly audioLevelIn: number | null;
  readonly audioLevelOut: number | null;
}

/** One end of a candidate pair as getStats describes it. */
export interface CandidateEnd {
  readonly type: string | null;
  readonly address: string | null;
  readonly port: number | null;
  readonly protocol: string | null;
}

/**
 * Cumulative counts for one direction of one data channel. Digests are SHA-256 (hex) that
 * the observer computed itself over every payload, in the order seen: text as one UTF-8
 * stream, binary as a chain of per-message links (src/lib/channel-flow.ts says why). The
 * binary counts are those of the messages the chain has taken in. Goals compare them across
 * channel ends and never trust lab code's numbers.
 */
export interface ChannelFlow {
  readonly messages: number;
  readonly bytes: number;
  readonly textMessages: number;
  readonly binaryMessages: number;
  readonly binaryBytes: number;
  readonly textSha256: string;
  readonly binarySha256: string;
}

/** Objects are numbered per run (pc1, dc2, track3) so events can refer to them. */
export type FeedEventBody =
  | { readonly type: 'console'; readonly level: ConsoleLevel; readonly args: readonly Inspected[]; readonly line?: number }
  | { readonly type: 'error'; readonly phase: 'syntax' | 'runtime' | 'loop'; readonly message: string; readonly line?: number; readonly column?: number }
  | { readonly type: 'done' } // the learner's top-level code finished without throwing
  | { readonly type: 'stopped' } // the learner pressed Stop (or ran again): the run is over
  | { readonly type: 'pc-created'; readonly pc: string; readonly config: Inspected }
  | { readonly type: 'pc-state'; readonly pc: string; readonly which: PcStateName; readonly value: string }
  | { readonly type: 'pc-description'; readonly pc: string; readonly side: 'local' | 'remote'; readonly sdpType: string; readonly sdp: string }
  | { readonly type: 'pc-candidate'; readonly pc: string; readonly side: 'local' | 'remote'; readonly candidate: string | null }
  | { readonly type: 'pc-candidate-error'; readonly pc: string; readonly url: string; readonly errorCode: number; readonly errorText: string }
  /** restartIce(), or createOffer({ iceRestart: true }), was called. */
  | { readonly type: 'pc-restart-ice'; readonly pc: string }
  | { readonly type: 'pc-track'; readonly pc: string; readonly track: string; readonly kind: string }
  | { readonly type: 'pc-stats'; readonly pc: string; readonly stats: StatsSummary }
  | { readonly type: 'pc-closed'; readonly pc: string }
  /** The lab's code restarted the site's TURN server (lab.restartTurnServer()), which was back after `ms`. */
  | { readonly type: 'turn-restarted'; readonly ms: number }
  | {
      readonly type: 'dc-created';
      readonly pc: string;
      readonly dc: string;
      readonly label: string;
      readonly ordered: boolean;
      readonly maxRetransmits: number | null;
      readonly maxPacketLifeTime: number | null;
      readonly negotiated: boolean;
      /** The SCTP stream id; null until the browser assigned one. */
      readonly id: number | null;
      readonly protocol: string;
      readonly remote: boolean;
    }
  /** `id`: the SCTP stream id as the channel has it now (an in-band channel gets one only when it opens). */
  | { readonly type: 'dc-state'; readonly dc: string; readonly value: 'open' | 'closing' | 'closed'; readonly id: number | null }
  /**
   * Coalesced: at most one event per channel and direction per 100 ms. `texts` holds every
   * text message since the previous event (each clipped to 1000 characters), so a burst loses
   * no text a goal waits for; beyond 64 Ki characters in one event the rest are only counted
   * in `textsDropped`.
   */
  | {
      readonly type: 'dc-message';
      readonly dc: string;
      readonly direction: 'in' | 'out';
      readonly texts: readonly string[];
      readonly textsDropped: number;
      readonly flow: ChannelFlow;
    }
  | { readonly type: 'media-request'; readonly api: MediaApi; readonly constraints: Inspected }
  /** `constraint` names the constraint an OverconstrainedError could not satisfy. */
  | { readonly type: 'media-error'; readonly api: MediaApi; readonly name: string; readonly message: string; readonly constraint?: string }
  | { readonly type: 'track'; readonly track: string; readonly kind: string; readonly label: string; readonly source: TrackSource }
  /**
   * `cause`: 'stop' when lab code called track.stop(), 'ended' when the browser or the user
   * ended it (a screen share's own "Stop sharing"), 'runner' when the lab's Stop button did.
   */
  | { readonly type: 'track-ended'; readonly track: string; readonly cause: 'stop' | 'ended' | 'runner' }
  /**
   * What a sender sends from now on: after pc.addTrack, or once sender.replaceTrack resolved.
   * `track` is the run's id for it, null when the sender sends nothing. A track with no `track`
   * event (a canvas's, say) has an id all the same, and no known source.
   */
  | { readonly type: 'sender-track'; readonly pc: string; readonly track: string | null; readonly kind: string }
  | { readonly type: 'video-frames'; readonly element: string; readonly frames: number; readonly width: number; readonly height: number }
  /** A sampled value of an element a goal watches (a <meter>, <progress> or <input>). */
  | { readonly type: 'element-value'; readonly element: string; readonly value: number }
  /** A sampled canvas a goal watches: `blank` when every sampled pixel has the same colour. */
  | { readonly type: 'canvas'; readonly element: string; readonly width: number; readonly height: number; readonly blank: boolean }
  | { readonly type: 'recorder'; readonly state: 'recording' | 'inactive'; readonly mimeType: string; readonly bytes: number }
  /**
   * A <video>/<audio> playing something other than a live stream. `played` is the furthest
   * position reached while playing, not by seeking (seconds); `source` is 'blob' for a blob:
   * URL (a recording).
   */
  | { readonly type: 'media-playback'; readonly element: string; readonly source: 'blob' | 'url'; readonly played: number };

export type FeedEvent = FeedEventBody & {
  /** Milliseconds since the run started, on the lab frame's clock. */
  readonly at: number;
};

export type FeedEventOf<T extends FeedEvent['type']> = Extract<FeedEvent, { type: T }>;

/** What the page asks the frame to sample for its goals (derived from the lab's goals). */
export interface FeedWatch {
  /** Selectors of elements whose numeric `value` is sampled (element-value events). */
  readonly values: readonly string[];
  /** Selectors of canvases sampled for a non-blank image (canvas events). */
  readonly canvases: readonly string[];
}

export const NO_WATCH: FeedWatch = { values: [], canvases: [] };
