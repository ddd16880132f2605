/**
 * What each broker socket passes before PeerServer sees a frame, and before PeerServer sends to
 * it: rate and byte limits, JSON shape, the cap on what waits for absent ids, and a peer that
 * stops reading its socket.
 */
import type { WebSocket } from 'ws';
import type { AbsentQueue } from '../lib/absent-queue.ts';
import { parseClientMessage } from '../lib/broker-message.ts';
import { createTokenBucket } from '../lib/token-bucket.ts';
import type { BrokerLimits, RefusalReason } from './broker.ts';

/** WebSocket close codes, RFC 6455 §7.4.1 and the IANA registry. */
export const CLOSE = { unsupportedData: 1003, invalidPayload: 1007, policy: 1008, tryAgainLater: 1013 } as const;

export interface SocketGuardDeps {
  readonly limits: BrokerLimits;
  /** Closes this socket with a code and reason, and counts why. */
  readonly refuse: (reason: RefusalReason, code: number, text: string) => void;
  /** Counts a refusal that leaves the socket open. */
  readonly count: (reason: RefusalReason) => void;
  readonly isConnected: (id: string) => boolean;
  readonly absent: AbsentQueue;
  readonly log: (line: string) => void;
}

/** The ERROR frame PeerServer itself sends; PeerJS clients surface it as a 'server-error'. */
function sendError(ws: WebSocket, msg: string): void {
  ws.send(JSON.stringify({ type: 'ERROR', payload: { msg } }));
}

/**
 * Runs before PeerServer sees a frame. PeerServer attaches its 'message' listener inside
 * its 'connection' handler, so the filter is installed on emit itself: a refused frame is
 * never delivered to PeerServer at all.
 */
export function guardSocket(ws: WebSocket, { limits, refuse, count, isConnected, absent, log }: SocketGuardDeps): void {
  const messages = createTokenBucket(limits.messageRate, Date.now());
  const bytes = createTokenBucket(limits.byteRate, Date.now());
  // ws declares emit with per-event overloads; the filter forwards any event unchanged.
  const emitter = ws as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  const forward = emitter.emit.bind(ws);
  emitter.emit = (event, ...args) => {
    if (event !== 'message') return forward(event, ...args);
    if (ws.readyState !== ws.OPEN) return false;
    const [data, isBinary] = args as [Buffer | ArrayBuffer | Buffer[], boolean];
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    const now = Date.now();
    if (!messages.take(now)) {
      refuse('rate', CLOSE.policy, 'message rate limit exceeded');
      return false;
    }
    if (!bytes.take(now, size)) {
      refuse('bytes', CLOSE.policy, 'byte rate limit exceeded');
      return false;
    }
    if (isBinary) {
      refuse('binary', CLOSE.unsupportedData, 'binary frames are not accepted');
      return false;
    }
    // ws hands text frames over as a Buffer (its default binaryType): read it in place, no copy.
    const text = Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.isBuffer(data) ? data.toString() : Buffer.from(data).toString();
    const parsed = parseClientMessage(text);
    if (!parsed.ok) {
      sendError(ws, `Malformed message: ${parsed.reason}`);
      refuse('malformed', CLOSE.invalidPayload, `malformed message: ${parsed.reason}`);
      return false;
    }
    const { dst } = parsed.message;
    if (dst !== undefined && !isConnected(dst) && !absent.tryQueue(dst, now)) {
      // Dropped, not closed: the sender may be honest and its partner slow to load.
      count('queue-full');
      sendError(ws, `Too many messages waiting for ${dst.slice(0, 40)}, which is not connected`);
      return false;
    }
    return forward(event, ...args);
  };
  // PeerServer relays with ws.send and never looks at what waits unsent: a peer that stops
  // reading would make the broker buffer without end. Drop it instead.
  const send = ws.send.bind(ws) as (...args: unknown[]) => void;
  (ws as unknown as { send: (...args: unknown[]) => void }).send = (...args) => {
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      if (ws.readyState === ws.OPEN) {
        count('not-reading');
        log('broker: dropping a peer that does not read its socket');
        ws.terminate();
      }
      return;
    }
    send(...args);
  };
}
