/**
 * The one feed a running lab produces: what the learner's WebRTC objects did, what the
 * code logged, and how it ended. The sandbox writes it; the lab panel, the goal checks,
 * the Inspector and the browser tests all read it. Plain data only: it crosses postMessage.
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

export interface StatsSummary {
  readonly framesDecoded: number;
  readonly framesSent: number;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  /** Seconds, from the selected candidate pair; null before one is selected. */
  readonly roundTripTime: number | null;
  readonly localCandidateType: string | null;
  readonly remoteCandidateType: string | null;
}

/** Objects are numbered per run (pc1, dc2, track3) so events can refer to them. */
export type FeedEvent =
  | { readonly type: 'console'; readonly level: ConsoleLevel; readonly args: readonly Inspected[]; readonly line?: number }
  | { readonly type: 'error'; readonly phase: 'syntax' | 'runtime' | 'loop'; readonly message: string; readonly line?: number; readonly column?: number }
  | { readonly type: 'done' } // the learner's top-level code finished without throwing
  | { readonly type: 'pc-created'; readonly pc: string; readonly config: Inspected }
  | { readonly type: 'pc-state'; readonly pc: string; readonly which: 'signalingState' | 'iceGatheringState' | 'iceConnectionState' | 'connectionState'; readonly value: string }
  | { readonly type: 'pc-description'; readonly pc: string; readonly side: 'local' | 'remote'; readonly sdpType: string; readonly sdp: string }
  | { readonly type: 'pc-candidate'; readonly pc: string; readonly side: 'local' | 'remote'; readonly candidate: string | null }
  | { readonly type: 'pc-candidate-error'; readonly pc: string; readonly url: string; readonly errorCode: number; readonly errorText: string }
  | { readonly type: 'pc-track'; readonly pc: string; readonly track: string; readonly kind: string }
  | { readonly type: 'pc-stats'; readonly pc: string; readonly stats: StatsSummary }
  | { readonly type: 'pc-closed'; readonly pc: string }
  | { readonly type: 'dc-created'; readonly pc: string; readonly dc: string; readonly label: string; readonly ordered: boolean; readonly remote: boolean }
  | { readonly type: 'dc-state'; readonly dc: string; readonly value: 'open' | 'closing' | 'closed' }
  | { readonly type: 'dc-message'; readonly dc: string; readonly direction: 'in' | 'out'; readonly bytes: number; readonly text?: string; readonly messages: number; readonly totalBytes: number }
  | { readonly type: 'media-request'; readonly api: 'getUserMedia' | 'getDisplayMedia'; readonly constraints: Inspected }
  | { readonly type: 'media-error'; readonly api: 'getUserMedia' | 'getDisplayMedia'; readonly name: string; readonly message: string }
  | { readonly type: 'track'; readonly track: string; readonly kind: string; readonly label: string; readonly source: 'getUserMedia' | 'getDisplayMedia' | 'remote' }
  | { readonly type: 'track-ended'; readonly track: string }
  | { readonly type: 'video-frames'; readonly element: string; readonly frames: number; readonly width: number; readonly height: number };
