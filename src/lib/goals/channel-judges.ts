/**
 * Judges for data channels. Content checks compare SHA-256 digests the observer computed on
 * each end (ChannelFlow), never numbers lab code reported about itself. In a pairing lab the
 * two ends are in two tabs, so these read both feeds, with ids qualified by origin.
 */
import type { ChannelFlow, FeedEvent, FeedEventOf } from '../feed.ts';
import type { FeedOrigin, JudgeTable } from './judge.ts';
import { key } from './judge.ts';

type ChannelJudges = Pick<
  JudgeTable,
  'datachannel-open' | 'datachannel-message' | 'datachannel-round-trip' | 'datachannel-config' | 'datachannel-bytes-intact'
>;

interface ChannelEnd {
  readonly from: FeedOrigin;
  created?: FeedEventOf<'dc-created'>;
  open: boolean;
  in?: ChannelFlow;
  out?: ChannelFlow;
}

/** Every channel end seen in either feed, by qualified id. */
class Channels {
  readonly ends = new Map<string, ChannelEnd>();

  end(from: FeedOrigin, dc: string): ChannelEnd {
    const id = key(from, dc);
    let end = this.ends.get(id);
    if (!end) {
      end = { from, open: false };
      this.ends.set(id, end);
    }
    return end;
  }

  /** Folds the channel events; returns the end an event was about, if any. */
  add(event: FeedEvent, from: FeedOrigin): ChannelEnd | undefined {
    switch (event.type) {
      case 'dc-created': {
        const end = this.end(from, event.dc);
        end.created = event;
        return end;
      }
      case 'dc-state': {
        const end = this.end(from, event.dc);
        if (event.value === 'open') end.open = true;
        // An in-band channel learns its stream id only when it opens.
        if (end.created && end.created.id === null && event.id !== null) end.created = { ...end.created, id: event.id };
        return end;
      }
      case 'dc-message': {
        const end = this.end(from, event.dc);
        end[event.direction] = event.flow;
        return end;
      }
      default:
        return undefined;
    }
  }
}

const labelled = (end: ChannelEnd, label: string | undefined): boolean => label === undefined || end.created?.label === label;

type Payload = 'text' | 'binary';
const count = (flow: ChannelFlow | undefined, payload: Payload): number => (payload === 'text' ? flow?.textMessages : flow?.binaryMessages) ?? 0;
const digest = (flow: ChannelFlow | undefined, payload: Payload): string | undefined => (payload === 'text' ? flow?.textSha256 : flow?.binarySha256);

/** The same messages, in the same order, byte for byte: counts and digests agree. */
function same(a: ChannelFlow | undefined, b: ChannelFlow | undefined, payload: Payload): boolean {
  return count(a, payload) > 0 && count(a, payload) === count(b, payload) && digest(a, payload) === digest(b, payload);
}

export const channelJudges: ChannelJudges = {
  'datachannel-open': (check, of) => {
    const channels = new Channels();
    return {
      add: (event, from) => void channels.add(event, from),
      holds: () => [...channels.ends.values()].some((end) => end.from === of && end.open && labelled(end, check.label)),
    };
  },

  'datachannel-message': (check, of) => {
    const channels = new Channels();
    let arrived = false;
    return {
      add(event, from) {
        const end = channels.add(event, from);
        if (!end || from !== of || event.type !== 'dc-message' || event.direction !== 'in' || !labelled(end, check.label)) return;
        // Every text of a burst is in `texts`, so a message a goal waits for is never coalesced away.
        if (check.text === undefined ? event.flow.messages > 0 : event.texts.includes(check.text)) arrived = true;
      },
      holds: () => arrived,
    };
  },

  'datachannel-round-trip': (check, of) => {
    const channels = new Channels();
    return {
      add: (event, from) => void channels.add(event, from),
      // `of` sent, the far end received it intact and sent the same back, and it arrived intact.
      holds: () => {
        const ends = [...channels.ends.values()];
        return ends.some(
          (near) =>
            near.from === of &&
            count(near.out, check.payload) >= check.minMessages &&
            ends.some(
              (far) =>
                far !== near &&
                same(near.out, far.in, check.payload) &&
                same(far.in, far.out, check.payload) &&
                same(far.out, near.in, check.payload),
            ),
        );
      },
    };
  },

  'datachannel-config': (check, of) => {
    const channels = new Channels();
    let configured = false;
    return {
      add(event, from) {
        const end = channels.add(event, from);
        const created = end?.created;
        if (!created || from !== of || configured) return;
        configured =
          labelled(end, check.label) &&
          (check.ordered === undefined || created.ordered === check.ordered) &&
          (check.maxRetransmits === undefined || created.maxRetransmits === check.maxRetransmits) &&
          (check.maxPacketLifeTime === undefined || created.maxPacketLifeTime === check.maxPacketLifeTime) &&
          (check.negotiated === undefined || created.negotiated === check.negotiated) &&
          (check.id === undefined || created.id === check.id);
      },
      holds: () => configured,
    };
  },

  'datachannel-bytes-intact': (check, of) => {
    const channels = new Channels();
    return {
      add: (event, from) => void channels.add(event, from),
      holds: () => {
        const ends = [...channels.ends.values()];
        return ends.some(
          (receiver) =>
            receiver.from === of &&
            (receiver.in?.binaryBytes ?? 0) >= check.minBytes &&
            ends.some((sender) => sender !== receiver && sender.out?.binaryBytes === receiver.in?.binaryBytes && sender.out?.binarySha256 === receiver.in?.binarySha256),
        );
      },
    };
  },
};
