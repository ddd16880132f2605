import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { binaryChain, ChannelFlowTally, TEXT_CHARS_PER_EVENT } from '../../src/lib/channel-flow.ts';
import { clip, TEXT_LIMIT } from '../../src/lib/text-clip.ts';
import { binaryChainOracle } from '../support/binary-chain.ts';

const sha256 = (...parts: Uint8Array[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('ChannelFlowTally', () => {
  it('starts as the digest of nothing for both streams', () => {
    const { texts, textsDropped, flow } = new ChannelFlowTally().take();
    expect({ texts, textsDropped }).toEqual({ texts: [], textsDropped: 0 });
    expect(flow).toEqual({ messages: 0, bytes: 0, textMessages: 0, binaryMessages: 0, binaryBytes: 0, textSha256: EMPTY, binarySha256: EMPTY });
    expect(sha256()).toBe(EMPTY);
  });

  it('hashes text as one UTF-8 stream and binary as a chain of messages, in order, cumulatively across takes', () => {
    const tally = new ChannelFlowTally();
    tally.addText('héllo 👋');
    tally.addBinary(new Uint8Array([1, 2, 3]));
    const first = tally.take();
    expect(first.texts).toEqual(['héllo 👋']);
    expect(first.flow).toEqual({
      messages: 2,
      bytes: 11 + 3,
      textMessages: 1,
      binaryMessages: 1,
      binaryBytes: 3,
      textSha256: sha256(utf8('héllo 👋')),
      binarySha256: binaryChainOracle(new Uint8Array([1, 2, 3])),
    });
    tally.addText('again');
    tally.addBinary(new Uint8Array([4]));
    const second = tally.take();
    expect(second.texts).toEqual(['again']);
    expect(second.flow.textSha256).toBe(sha256(utf8('héllo 👋'), utf8('again')));
    expect(second.flow.binarySha256).toBe(binaryChainOracle(new Uint8Array([1, 2, 3]), new Uint8Array([4])));
    expect(second.flow.messages).toBe(4);
  });

  it('encodes a lone surrogate as U+FFFD, as send() does', () => {
    const tally = new ChannelFlowTally();
    tally.addText('a\ud800b');
    const { flow } = tally.take();
    expect(flow.bytes).toBe(5);
    expect(flow.textSha256).toBe(sha256(utf8('a\ufffdb')));
  });

  it('keeps every text of a burst of short ones', () => {
    const tally = new ChannelFlowTally();
    for (let i = 0; i < 5000; i += 1) tally.addText(`m${i}`);
    const taken = tally.take();
    expect(taken.texts).toHaveLength(5000);
    expect(taken.textsDropped).toBe(0);
  });

  it('keeps texts up to its character budget, each clipped, and counts the rest', () => {
    const tally = new ChannelFlowTally();
    const long = 'x'.repeat(TEXT_LIMIT + 50);
    const fit = TEXT_CHARS_PER_EVENT / TEXT_LIMIT;
    for (let i = 0; i < fit + 10; i += 1) tally.addText(long);
    const taken = tally.take();
    expect(taken.texts).toHaveLength(Math.floor(fit));
    expect(taken.texts[0]).toHaveLength(TEXT_LIMIT);
    expect(taken.textsDropped).toBe(Math.ceil(fit + 10) - Math.floor(fit));
    // The digest covers every message, the clipped and the dropped alike.
    const all = Array.from({ length: Math.ceil(fit + 10) }, () => long);
    expect(taken.flow.textSha256).toBe(sha256(...all.map(utf8)));
    expect(tally.take()).toMatchObject({ texts: [], textsDropped: 0 });
  });

  it('says whether anything arrived since the previous take', () => {
    const tally = new ChannelFlowTally();
    expect(tally.changed).toBe(false);
    tally.addBinary(new Uint8Array(0));
    expect(tally.changed).toBe(true);
    tally.take();
    expect(tally.changed).toBe(false);
  });

  it('chains binary messages the same whether a message is hashed here or its digest handed in, and binaryChain agrees', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 30 }), (messages) => {
        const here = new ChannelFlowTally();
        const handed = new ChannelFlowTally();
        for (const message of messages) {
          here.addBinary(message);
          handed.addBinaryDigest(message.byteLength, createHash('sha256').update(message).digest());
        }
        const expected = binaryChainOracle(...messages);
        expect(here.take().flow.binarySha256).toBe(expected);
        const { flow } = handed.take();
        expect(flow.binarySha256).toBe(expected);
        expect(binaryChain(messages)).toBe(expected);
        expect(flow.binaryBytes).toBe(messages.reduce((sum, message) => sum + message.byteLength, 0));
        expect(flow.binaryMessages).toBe(messages.length);
      }),
    );
  });

  it('tells the same bytes cut differently apart: the chain follows message boundaries, as a data channel keeps them', () => {
    expect(binaryChainOracle(new Uint8Array([1, 2]), new Uint8Array([3]))).not.toBe(binaryChainOracle(new Uint8Array([1]), new Uint8Array([2, 3])));
  });
});

describe('clip', () => {
  it('leaves short text alone and never splits a surrogate pair', () => {
    expect(clip('short')).toBe('short');
    const emoji = `${'a'.repeat(TEXT_LIMIT - 1)}👋tail`;
    expect(clip(emoji)).toBe('a'.repeat(TEXT_LIMIT - 1));
    expect(clip('abcdef', 3)).toBe('abc');
  });
});
