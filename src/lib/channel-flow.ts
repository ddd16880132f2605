/**
 * What one direction of one data channel carried, counted and hashed as it passes: the
 * observer feeds every payload in, in order, and takes a dc-message's worth at a time.
 * Goals compare these digests across the two ends of a channel, so they are computed here
 * from the bytes themselves, never from anything lab code reports.
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

export class ChannelFlowTally {
  private messages = 0;
  private bytes = 0;
  private textMessages = 0;
  private binaryMessages = 0;
  private binaryBytes = 0;
  private readonly textHash = sha256.create();
  private readonly binaryHash = sha256.create();
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

  addBinary(bytes: Uint8Array): void {
    this.binaryHash.update(bytes);
    this.messages += 1;
    this.binaryMessages += 1;
    this.bytes += bytes.byteLength;
    this.binaryBytes += bytes.byteLength;
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
        // Digests of the stream so far; cloning leaves the running hash open for what follows.
        textSha256: bytesToHex(this.textHash.clone().digest()),
        binarySha256: bytesToHex(this.binaryHash.clone().digest()),
      },
    };
    this.texts = [];
    this.textChars = 0;
    this.textsDropped = 0;
    this.takenAt = this.messages;
    return taken;
  }
}
