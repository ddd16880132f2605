/**
 * What one direction of one data channel carried, counted and hashed as it passes: the
 * observer feeds every payload in, in order, and takes a dc-message's worth at a time.
 * Goals compare these digests across the two ends of a channel, so they are computed here
 * from the bytes themselves, never from anything lab code reports.
 *
 * Text is hashed here as one SHA-256 stream: texts are short. Binary messages carry files,
 * and a SHA-256 in JavaScript was most of the receiving frame's time in a file transfer (78%
 * of its main thread in a 32 MiB transfer, profiled), so each is hashed by the browser's
 * crypto.subtle. That has no streaming digest, so binary messages form a chain instead:
 * link n is SHA-256(link n−1 ‖ SHA-256(message n)), from SHA-256 of nothing. Data channels
 * keep message boundaries, so both ends of a channel build the same chain.
 *
 * A message's own digest needs nothing from the ones before it: the observer starts it the
 * moment the message is sent or received, on the lab's very bytes (crypto.subtle copies them
 * as it is called), and hands the digests in, in order, with addBinaryDigest. Chaining the
 * messages themselves made it copy each one into a new buffer and hash one at a time: in a
 * profiled 32 MiB transfer that was a third of the observer's main-thread time. The 64-byte
 * links are cheap to hash here.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ChannelFlow } from './feed.ts';
import { clip } from './text-clip.ts';

/**
 * Characters of text one dc-message carries at most (each text clipped first); the rest are
 * only counted. A budget in characters, not messages: a burst of thousands of short texts in
 * 100 ms all arrive, while a flood of long ones cannot make a huge postMessage.
 */
export const TEXT_CHARS_PER_EVENT = 64 * 1024;

export interface FlowTake {
  /** Every text since the previous take (clipped), up to TEXT_CHARS_PER_EVENT characters. */
  readonly texts: readonly string[];
  readonly textsDropped: number;
  readonly flow: ChannelFlow;
}

// send() encodes strings as UTF-8 with lone surrogates as U+FFFD, and so does TextEncoder.
const encoder = new TextEncoder();

/** The chain before any binary message: SHA-256 of nothing. */
const CHAIN_START: Uint8Array = sha256(new Uint8Array());

/** A binary message's own digest, hashed in JavaScript: where crypto.subtle is missing, and in tests. */
export const binaryDigest = (message: Uint8Array): Uint8Array => sha256(message);

/** The link after `link` for a message whose own digest is `digest`. */
function nextLink(link: Uint8Array, digest: Uint8Array): Uint8Array {
  const input = new Uint8Array(link.byteLength + digest.byteLength);
  input.set(link);
  input.set(digest, link.byteLength);
  return sha256(input);
}

/** The chain's last link (hex) after `messages`, hashed in JavaScript: what the tests compare with. */
export function binaryChain(messages: readonly Uint8Array[]): string {
  return bytesToHex(messages.reduce((link, message) => nextLink(link, binaryDigest(message)), CHAIN_START));
}

export class ChannelFlowTally {
  private messages = 0;
  private bytes = 0;
  private textMessages = 0;
  private binaryMessages = 0;
  private binaryBytes = 0;
  private readonly textHash = sha256.create();
  private binaryLink: Uint8Array = CHAIN_START;
  private texts: string[] = [];
  private textChars = 0;
  private textsDropped = 0;
  /** `messages` at the previous take. */
  private takenAt = 0;

  addText(text: string): void {
    const bytes = encoder.encode(text);
    this.textHash.update(bytes);
    this.messages += 1;
    this.textMessages += 1;
    this.bytes += bytes.byteLength;
    const clipped = clip(text);
    if (this.textChars + clipped.length <= TEXT_CHARS_PER_EVENT) {
      this.texts.push(clipped);
      this.textChars += clipped.length;
    } else {
      this.textsDropped += 1;
    }
  }

  /** A binary message of `bytes` bytes whose own SHA-256 is `digest`, next in the chain. */
  addBinaryDigest(bytes: number, digest: Uint8Array): void {
    this.binaryLink = nextLink(this.binaryLink, digest);
    this.messages += 1;
    this.binaryMessages += 1;
    this.bytes += bytes;
    this.binaryBytes += bytes;
  }

  /** A binary message hashed here, synchronously, in JavaScript. */
  addBinary(message: Uint8Array): void {
    this.addBinaryDigest(message.byteLength, binaryDigest(message));
  }

  /** True when something arrived since the previous take. */
  get changed(): boolean {
    return this.messages !== this.takenAt;
  }

  /** The texts since the previous take and the cumulative counts and digests so far. */
  take(): FlowTake {
    const taken: FlowTake = {
      texts: this.texts,
      textsDropped: this.textsDropped,
      flow: {
        messages: this.messages,
        bytes: this.bytes,
        textMessages: this.textMessages,
        binaryMessages: this.binaryMessages,
        binaryBytes: this.binaryBytes,
        // The text digest so far: cloning leaves the running hash open for what follows.
        textSha256: bytesToHex(this.textHash.clone().digest()),
        binarySha256: bytesToHex(this.binaryLink),
      },
    };
    this.texts = [];
    this.textChars = 0;
    this.textsDropped = 0;
    this.takenAt = this.messages;
    return taken;
  }
}
