/**
 * What a PeerJS client may send the broker. PeerServer itself JSON-parses every frame and
 * relays anything with a known type; checking here first lets the broker answer bad input
 * with a clear error instead of silently dropping it (or emitting an unhandled 'error').
 */
import { HEARTBEAT_FRAME } from './pairing/pair-messages.ts';

/** The message types a PeerJS 1.5 client sends (lib/enums.ts ServerMessageType). */
export const CLIENT_MESSAGE_TYPES = ['HEARTBEAT', 'OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE'] as const;
export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number];

export interface ClientMessage {
  readonly type: ClientMessageType;
  readonly dst?: string;
  readonly payload?: unknown;
}

export type ParseResult =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly reason: string };

/** PeerServer ids are at most a UUID or a short room-derived name; anything longer is abuse. */
const MAX_ID_LENGTH = 128;

/**
 * A payload is a description or a candidate: a few small, flat objects (PeerJS's OFFER is about a
 * dozen values, with the SDP as one string). The byte limits cannot see shape, and PeerServer
 * keeps what it queues for an absent id as parsed objects, so `[{},{},…]` in 64 KiB would pin
 * some 20,000 heap objects per message. These bounds keep every queued message small in memory.
 */
export const PAYLOAD_LIMITS = { maxDepth: 6, maxValues: 256, maxKeys: 32 } as const;

/** Why a payload's shape is refused, or null when it is within PAYLOAD_LIMITS. */
export function payloadShapeProblem(payload: unknown): string | null {
  let values = 0;
  const stack: Array<readonly [unknown, number]> = [[payload, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    values += 1;
    if (values > PAYLOAD_LIMITS.maxValues) return `payload has more than ${PAYLOAD_LIMITS.maxValues} values`;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > PAYLOAD_LIMITS.maxDepth) return `payload is nested deeper than ${PAYLOAD_LIMITS.maxDepth}`;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value) && children.length > PAYLOAD_LIMITS.maxKeys) return `payload object has more than ${PAYLOAD_LIMITS.maxKeys} keys`;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}

const isClientType = (value: unknown): value is ClientMessageType =>
  typeof value === 'string' && (CLIENT_MESSAGE_TYPES as readonly string[]).includes(value);

/** Every peer sends it every 5 s (PeerJS and our own links alike): most of the broker's frames. */
const HEARTBEAT: ParseResult = { ok: true, message: { type: 'HEARTBEAT' } };

export function parseClientMessage(text: string): ParseResult {
  // PeerServer parses every frame again after this check; a heartbeat need not be parsed twice.
  if (text === HEARTBEAT_FRAME) return HEARTBEAT;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not a JSON object' };
  }
  const record = value as Record<string, unknown>;
  if (!isClientType(record['type'])) {
    return { ok: false, reason: `unknown message type ${JSON.stringify(record['type'] ?? null).slice(0, 40)}` };
  }
  if (record['type'] === 'HEARTBEAT') return HEARTBEAT;
  const dst = record['dst'];
  if (typeof dst !== 'string' || dst.length === 0 || dst.length > MAX_ID_LENGTH) {
    return { ok: false, reason: `${record['type']} needs a destination id of 1–${MAX_ID_LENGTH} characters` };
  }
  const shape = payloadShapeProblem(record['payload']);
  if (shape) return { ok: false, reason: shape };
  return { ok: true, message: { type: record['type'], dst, payload: record['payload'] } };
}
