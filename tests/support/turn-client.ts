/**
 * The smallest STUN/TURN client the tests need (RFC 8489, RFC 8656), over UDP: a Binding
 * request, and an authenticated Allocate followed by CreatePermission, returning the error code
 * the server answers. Enough to see what coturn refuses; not a general client.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { isIPv4 } from 'node:net';
import { mintTurnCredential } from '../../src/lib/turn-credentials.ts';
import { crc32 } from 'node:zlib';

const MAGIC = 0x2112a442;
const TYPE = { binding: 0x0001, allocate: 0x0003, createPermission: 0x0008 } as const;
const ATTR = {
  username: 0x0006,
  integrity: 0x0008,
  errorCode: 0x0009,
  xorPeerAddress: 0x0012,
  realm: 0x0014,
  nonce: 0x0015,
  requestedFamily: 0x0017,
  requestedTransport: 0x0019,
  xorMappedAddress: 0x0020,
  fingerprint: 0x8028,
} as const;

interface Message {
  readonly type: number;
  readonly attributes: Map<number, Buffer>;
}

function attribute(type: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
}

/** Header + attributes; with a key, MESSAGE-INTEGRITY then FINGERPRINT (each over what precedes it). */
function encode(type: number, transaction: Buffer, attributes: Buffer[], key?: Buffer): Buffer {
  const header = (bodyLength: number): Buffer => {
    const buffer = Buffer.alloc(20);
    buffer.writeUInt16BE(type, 0);
    buffer.writeUInt16BE(bodyLength, 2);
    buffer.writeUInt32BE(MAGIC, 4);
    transaction.copy(buffer, 8);
    return buffer;
  };
  let body = Buffer.concat(attributes);
  if (key) {
    const signed = Buffer.concat([header(body.length + 24), body]);
    body = Buffer.concat([body, attribute(ATTR.integrity, createHmac('sha1', key).update(signed).digest())]);
  }
  const unsigned = Buffer.concat([header(body.length + 8), body]);
  const fingerprint = Buffer.alloc(4);
  fingerprint.writeUInt32BE((crc32(unsigned) ^ 0x5354554e) >>> 0);
  return Buffer.concat([unsigned, attribute(ATTR.fingerprint, fingerprint)]);
}

function decode(buffer: Buffer): Message {
  const attributes = new Map<number, Buffer>();
  let offset = 20;
  while (offset + 4 <= buffer.length) {
    const type = buffer.readUInt16BE(offset);
    const length = buffer.readUInt16BE(offset + 2);
    attributes.set(type, buffer.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length + ((4 - (length % 4)) % 4);
  }
  return { type: buffer.readUInt16BE(0), attributes };
}

/** 0 for a success response, else the ERROR-CODE's number (401, 403, 437, …). */
export function errorCodeOf(message: Message): number {
  const value = message.attributes.get(ATTR.errorCode);
  if ((message.type & 0x0110) !== 0x0110 || !value) return 0;
  return (value[2]! & 7) * 100 + value[3]!;
}

function xorAddress(address: string, port: number, transaction: Buffer): Buffer {
  const v4 = isIPv4(address);
  const raw = v4 ? Buffer.from(address.split('.').map(Number)) : ipv6Bytes(address);
  const mask = Buffer.concat([Buffer.from([0x21, 0x12, 0xa4, 0x42]), transaction]);
  const value = Buffer.alloc(4 + raw.length);
  value.writeUInt8(v4 ? 1 : 2, 1);
  value.writeUInt16BE(port ^ (MAGIC >>> 16), 2);
  raw.forEach((byte, index) => value.writeUInt8(byte ^ mask[index]!, 4 + index));
  return value;
}

function ipv6Bytes(address: string): Buffer {
  // The test peers are written in a form this reads: "::1", "::ffff:127.0.0.1", "fd00::1".
  const [head = '', tail = ''] = address.split('::');
  const groups = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => (group.includes('.') ? (([a, b, c, d]) => [(a! << 8) | b!, (c! << 8) | d!])(group.split('.').map(Number)) : [parseInt(group, 16)]));
  const left = groups(head);
  const right = groups(tail);
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = Buffer.alloc(16);
  all.forEach((group, index) => bytes.writeUInt16BE(group, index * 2));
  return bytes;
}

class UdpExchange {
  private readonly socket: Socket;
  private readonly host: string;
  private readonly port: number;
  constructor(host: string, port: number) {
    this.host = host;
    this.port = port;
    this.socket = createSocket(isIPv4(host) ? 'udp4' : 'udp6');
  }

  /** Sends and waits for the response with the same transaction id, resending on loss. */
  request(build: (transaction: Buffer) => Buffer, timeoutMs = 3000): Promise<Message> {
    const transaction = randomBytes(12);
    const packet = build(transaction);
    return new Promise((resolve, reject) => {
      const resend = setInterval(() => this.socket.send(packet, this.port, this.host), 500);
      const timer = setTimeout(() => done(new Error(`no STUN answer from ${this.host}:${this.port}`)), timeoutMs);
      const onMessage = (data: Buffer): void => {
        if (data.length >= 20 && data.subarray(8, 20).equals(transaction)) done(undefined, decode(data));
      };
      const done = (error?: Error, message?: Message): void => {
        clearInterval(resend);
        clearTimeout(timer);
        this.socket.off('message', onMessage);
        if (message) resolve(message);
        else reject(error);
      };
      this.socket.on('message', onMessage);
      this.socket.send(packet, this.port, this.host);
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** A STUN Binding over UDP: true when the server answered with an XOR-MAPPED-ADDRESS. */
export async function stunBinding(host: string, port: number): Promise<boolean> {
  const exchange = new UdpExchange(host, port);
  try {
    const answer = await exchange.request((transaction) => encode(TYPE.binding, transaction, []));
    return answer.type === 0x0101 && answer.attributes.has(ATTR.xorMappedAddress);
  } finally {
    exchange.close();
  }
}

export interface Allocation {
  /** CreatePermission for one peer: 0 when granted, else the server's error code. */
  permit(peer: string): Promise<number>;
  close(): void;
}

/**
 * Allocate with long-term credentials (the first request is answered 401 with realm and nonce,
 * the second carries them). `family: 6` asks for an IPv6 relayed address.
 */
export async function allocate(options: { host: string; port: number; username: string; password: string; family?: 4 | 6 }): Promise<Allocation> {
  const exchange = new UdpExchange(options.host, options.port);
  const transport = attribute(ATTR.requestedTransport, Buffer.from([17, 0, 0, 0]));
  const family = options.family === 6 ? [attribute(ATTR.requestedFamily, Buffer.from([2, 0, 0, 0]))] : [];
  try {
    const challenge = await exchange.request((transaction) => encode(TYPE.allocate, transaction, [transport, ...family]));
    const realm = challenge.attributes.get(ATTR.realm);
    const nonce = challenge.attributes.get(ATTR.nonce);
    if (errorCodeOf(challenge) !== 401 || !realm || !nonce) throw new Error(`expected a 401 challenge, got ${errorCodeOf(challenge)}`);
    const key = createHash('md5').update(`${options.username}:${realm.toString()}:${options.password}`).digest();
    const auth = [attribute(ATTR.username, Buffer.from(options.username)), attribute(ATTR.realm, realm), attribute(ATTR.nonce, nonce)];
    const allocated = await exchange.request((transaction) => encode(TYPE.allocate, transaction, [transport, ...family, ...auth], key));
    const code = errorCodeOf(allocated);
    if (code !== 0) throw new Error(`Allocate refused with ${code}`);
    return {
      permit: async (peer) =>
        errorCodeOf(await exchange.request((transaction) => encode(TYPE.createPermission, transaction, [attribute(ATTR.xorPeerAddress, xorAddress(peer, 9, transaction)), ...auth], key))),
      close: () => exchange.close(),
    };
  } catch (error) {
    exchange.close();
    throw error;
  }
}

/** Time-limited TURN credentials as a use-auth-secret server checks them. */
export function restCredentials(secret: string, user: string, ttlSeconds = 600): { username: string; password: string } {
  const { username, credential } = mintTurnCredential({ secret, user, ttlSeconds, nowMs: Date.now() });
  return { username, password: credential };
}
