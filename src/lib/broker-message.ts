/**
 * What a PeerJS client may send the broker. PeerServer itself JSON-parses every frame and
 * relays anything with a known type; checking here first lets the broker answer bad input
 * with a clear error instead of silently dropping it (or emitting an unhandled 'error').
 */

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

const isClientType = (value: unknown): value is ClientMessageType =>
  typeof value === 'string' && (CLIENT_MESSAGE_TYPES as readonly string[]).includes(value);

export function parseClientMessage(text: string): ParseResult {
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
  if (record['type'] === 'HEARTBEAT') return { ok: true, message: { type: 'HEARTBEAT' } };
  const dst = record['dst'];
  if (typeof dst !== 'string' || dst.length === 0 || dst.length > MAX_ID_LENGTH) {
    return { ok: false, reason: `${record['type']} needs a destination id of 1–${MAX_ID_LENGTH} characters` };
  }
  return { ok: true, message: { type: record['type'], dst, payload: record['payload'] } };
}
