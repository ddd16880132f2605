/**
 * The observer's chain of binary data-channel messages, computed independently with Node's
 * SHA-256 (the observer uses the browser's, and src/lib/channel-flow.ts noble's):
 * link n = SHA-256(link n−1 ‖ SHA-256(message n)), from SHA-256 of nothing.
 */
import { createHash } from 'node:crypto';

export function binaryChainOracle(...messages: Uint8Array[]): string {
  let link = createHash('sha256').digest();
  for (const message of messages) link = createHash('sha256').update(link).update(createHash('sha256').update(message).digest()).digest();
  return link.toString('hex');
}
