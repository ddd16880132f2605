/** Data-channel goal kinds: content is judged by the observer's own digests, never lab code's word. */
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../src/lib/feed.ts';
import { at, channel, flowOf, goals, metAfter } from './feed-builder.ts';

const message = (ms: number, dc: string, direction: 'in' | 'out', payloads: ReadonlyArray<string | Uint8Array>, texts: string[] = []): FeedEvent =>
  at(ms, { type: 'dc-message', dc, direction, texts, textsDropped: 0, flow: flowOf(payloads) });

describe('datachannel-message', () => {
  const g = goals({ check: { kind: 'datachannel-message', text: 'hello, peer' } });

  it('finds a text inside a coalesced burst, not only the latest one', () => {
    const burst = Array.from({ length: 50 }, (_, i) => `msg ${i}`);
    burst.splice(17, 0, 'hello, peer');
    expect(metAfter(g, [message(300, 'dc2', 'in', burst, burst)])).toEqual(new Set(['g0']));
  });

  it('needs the text to arrive, not to be sent', () => {
    expect(metAfter(g, [message(300, 'dc1', 'out', ['hello, peer'], ['hello, peer'])])).toEqual(new Set());
  });
});

describe('datachannel-round-trip', () => {
  const text = goals({ check: { kind: 'datachannel-round-trip', payload: 'text' } });
  const binary = goals({ check: { kind: 'datachannel-round-trip', payload: 'binary', minMessages: 1 } });
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);

  it('is met when what one end sent came back intact', () => {
    const feed = [message(100, 'dc1', 'out', ['ping', bytes]), message(102, 'dc2', 'in', ['ping', bytes]), message(103, 'dc2', 'out', ['ping', bytes]), message(105, 'dc1', 'in', ['ping', bytes])];
    expect(metAfter(text, feed)).toEqual(new Set(['g0']));
    expect(metAfter(binary, feed)).toEqual(new Set(['g0']));
  });

  it('is not met when the echo changed a byte', () => {
    const changed = bytes.slice();
    changed[7] = 0;
    const feed = [message(100, 'dc1', 'out', [bytes]), message(102, 'dc2', 'in', [bytes]), message(103, 'dc2', 'out', [changed]), message(105, 'dc1', 'in', [changed])];
    expect(metAfter(binary, feed)).toEqual(new Set());
  });

  it('is not met one way only', () => {
    expect(metAfter(text, [message(100, 'dc1', 'out', ['ping']), message(102, 'dc2', 'in', ['ping'])])).toEqual(new Set());
  });

  it('crosses tabs in a pairing lab', () => {
    const feed = [
      ['self', message(100, 'dc1', 'out', ['ping'])],
      ['partner', message(102, 'dc1', 'in', ['ping'])],
      ['partner', message(103, 'dc1', 'out', ['ping'])],
      ['self', message(105, 'dc1', 'in', ['ping'])],
    ] as const;
    expect(metAfter(text, feed)).toEqual(new Set(['g0']));
  });
});

describe('datachannel-bytes-intact', () => {
  const g = goals({ check: { kind: 'datachannel-bytes-intact', minBytes: 64 * 1024 } });
  const chunks = Array.from({ length: 4 }, (_, n) => Uint8Array.from({ length: 16 * 1024 }, (_, i) => (i * 31 + n) & 0xff));

  it('is met when the receiver got every byte the sender sent', () => {
    expect(metAfter(g, [message(100, 'dc1', 'out', chunks), message(140, 'dc2', 'in', chunks)])).toEqual(new Set(['g0']));
  });

  it('is not met with a chunk missing or reordered', () => {
    expect(metAfter(g, [message(100, 'dc1', 'out', chunks), message(140, 'dc2', 'in', chunks.slice(0, 3))])).toEqual(new Set());
    const swapped = [chunks[1]!, chunks[0]!, chunks[2]!, chunks[3]!];
    expect(metAfter(g, [message(100, 'dc1', 'out', chunks), message(140, 'dc2', 'in', swapped)])).toEqual(new Set());
  });
});

describe('datachannel-config and -open', () => {
  const config = goals(
    { check: { kind: 'datachannel-config', ordered: false, maxRetransmits: 0 } },
    { check: { kind: 'datachannel-config', negotiated: true, id: 5 } },
    { check: { kind: 'datachannel-open', label: 'game' } },
  );

  it('matches the channel as it was created', () => {
    const feed = [
      at(10, channel('pc1', 'dc1', { label: 'game', ordered: false, maxRetransmits: 0 })),
      at(11, channel('pc1', 'dc2', { label: 'fixed', negotiated: true, id: 5 })),
      at(90, { type: 'dc-state', dc: 'dc1', value: 'open', id: 1 }),
    ];
    expect(metAfter(config, feed)).toEqual(new Set(['g0', 'g1', 'g2']));
  });

  it('learns an in-band channel’s stream id when it opens', () => {
    const id1 = goals({ check: { kind: 'datachannel-config', id: 1 } });
    expect(metAfter(id1, [at(10, channel('pc1', 'dc1'))])).toEqual(new Set());
    expect(metAfter(id1, [at(10, channel('pc1', 'dc1')), at(90, { type: 'dc-state', dc: 'dc1', value: 'open', id: 1 })])).toEqual(new Set(['g0']));
  });

  it('is not met by a channel with the defaults', () => {
    expect(metAfter(config, [at(10, channel('pc1', 'dc1')), at(90, { type: 'dc-state', dc: 'dc1', value: 'open', id: 1 })])).toEqual(new Set());
  });
});
