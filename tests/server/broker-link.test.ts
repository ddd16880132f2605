/**
 * The lesson page's link (src/runtime/broker-link.ts) against the real broker, in Node: its
 * global WebSocket stands in for the browser's, and a Map for sessionStorage.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { broadcastClaims, openBrokerLink, type BrokerLink, type BrokerLinkEnv, type LinkStatus, type PairDataMessage } from '../../src/runtime/broker-link.ts';
import { LINK_TIMING } from '../../src/lib/pairing/link-policy.ts';
import { BROKER_KEY as LINK_KEY, BROKER_SOCKET_PATH } from '../../src/lib/pairing/pair-messages.ts';
import { BROKER_KEY, WS_PATH } from '../../src/server/broker.ts';
import { roomIds, roomRoles } from '../../src/lib/pairing/room-code.ts';
import { startBroker, type BrokerFixture } from './fixture.ts';
import { patient } from '../support/patience.ts';

let fixture: BrokerFixture;
const links: BrokerLink[] = [];

const host = roomIds('k7q2', 'video-call', 'host').page;
const guest = roomIds('k7q2', 'video-call', 'guest').page;

/** sessionStorage of one tab. */
function tabStorage(): NonNullable<BrokerLinkEnv['storage']> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

/** A socket whose page can vanish: from then on nothing it sends leaves, `bye` included. */
class VanishingSocket extends WebSocket {
  vanished = false;
  override send(data: Parameters<WebSocket['send']>[0]): void {
    if (!this.vanished) super.send(data);
  }
}

interface Tab {
  readonly link: BrokerLink;
  readonly statuses: LinkStatus[];
  /** Every onPartner call, in order. */
  readonly partner: boolean[];
  readonly messages: PairDataMessage[];
  readonly sockets: VanishingSocket[];
  /** The type of every frame the broker sent this tab. */
  readonly frames: string[];
  status(): LinkStatus | undefined;
  present(): boolean;
}

function openTab(id: string, partnerId: string, env: Partial<BrokerLinkEnv> = {}, port = fixture.port): Tab {
  const statuses: LinkStatus[] = [];
  const partner: boolean[] = [];
  const messages: PairDataMessage[] = [];
  const sockets: VanishingSocket[] = [];
  const frames: string[] = [];
  const link = openBrokerLink({
    origin: `http://127.0.0.1:${port}`,
    id,
    partnerId,
    onStatus: (status) => statuses.push(status),
    onPartner: (present) => partner.push(present),
    onMessage: (message) => messages.push(message),
    env: {
      storage: tabStorage(),
      // No other tab answers unless a test says so: a reloaded page's old document is gone.
      claims: null,
      events: null,
      createSocket: (url) => {
        const socket = new VanishingSocket(url);
        sockets.push(socket);
        socket.addEventListener('message', (event) => frames.push((JSON.parse(String(event.data)) as { type: string }).type));
        return socket;
      },
      ...env,
    },
  });
  links.push(link);
  return { link, statuses, partner, messages, sockets, frames, status: () => statuses.at(-1), present: () => partner.at(-1) ?? false };
}

async function until(what: string, condition: () => boolean, timeoutMs = 8000): Promise<number> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - start;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pair(): Promise<[Tab, Tab]> {
  const a = openTab(host, guest);
  const b = openTab(guest, host);
  await until('both connected and present', () => a.status() === 'connected' && b.status() === 'connected' && a.present() && b.present());
  return [a, b];
}

beforeEach(async () => {
  fixture = await startBroker();
});

afterEach(async () => {
  for (const link of links.splice(0)) link.close();
  await fixture.close();
});

describe('broker link: a pair in a room', () => {
  it('asks for the path and key the broker serves', () => {
    expect([BROKER_SOCKET_PATH, LINK_KEY]).toEqual([WS_PATH, BROKER_KEY]);
  });

  it('connects, and two pages see each other present', async () => {
    const [a, b] = await pair();
    expect(a.statuses).toEqual(['connecting', 'connected']);
    expect(b.statuses).toEqual(['connecting', 'connected']);
    expect(a.partner).toEqual([true]);
    expect(b.partner).toEqual([true]);
  });

  it('carries met goals, and gives a partner who arrives later the latest', async () => {
    const a = openTab(host, guest);
    await until('host connected', () => a.status() === 'connected');
    expect(a.link.send({ pair: 'goals', met: ['first'] })).toBe(true);
    a.link.send({ pair: 'goals', met: ['first', 'second'] });
    // Longer than the broker keeps a message for an absent id: only a resend can bring it.
    await sleep(6500);
    const b = openTab(guest, host);
    await until('guest has the host goals', () => b.messages.some((m) => m.met.includes('second')));
    expect(b.messages.at(-1)).toEqual({ pair: 'goals', met: ['first', 'second'] });
    b.link.send({ pair: 'goals', met: ['remote-video'] });
    await until('host has the guest goals', () => a.messages.length > 0);
    expect(a.messages).toEqual([{ pair: 'goals', met: ['remote-video'] }]);
  }, patient(15_000));

  it('refuses to send what is not a pair message', async () => {
    const a = openTab(host, guest);
    expect(() => a.link.send({ pair: 'goals', met: ['Not A Goal'] })).toThrow(TypeError);
    expect(() => a.link.send({ pair: 'bye' } as unknown as PairDataMessage)).toThrow(TypeError);
  });

  it('tells a third page with a taken role that the room is full, and does not retry', async () => {
    const [a, b] = await pair();
    const c = openTab(guest, host);
    await until('third page room-full', () => c.status() === 'room-full');
    expect(c.statuses).toEqual(['connecting', 'room-full']);
    expect(c.frames).toEqual(['ID-TAKEN']);
    await sleep(2 * LINK_TIMING.backoff.firstMs + 500);
    expect(c.sockets).toHaveLength(1);
    expect(c.status()).toBe('room-full');
    // The pair it could not join is untouched.
    expect([a.status(), b.status(), a.present(), b.present()]).toEqual(['connected', 'connected', true, true]);
    expect(a.partner).toEqual([true]);
  });

  it('gives a reloaded tab its id back: after the old socket closed, and before', async () => {
    const a = openTab(host, guest);
    const storage = tabStorage();
    const before = openTab(guest, host, { storage });
    await until('pair present', () => a.present() && before.status() === 'connected');
    before.link.close();
    await until('host sees the guest leave', () => !a.present());
    // The guest's bye reaches the host before the broker handles its socket's close; a reload
    // in between is the next case, so wait for the broker (CI once hit it: no OPEN, as below).
    await until('the broker saw the old socket close', () => fixture.broker.stats().openSockets === 1);

    const after = openTab(guest, host, { storage });
    await until('reloaded guest connected', () => after.status() === 'connected');
    await until('host sees the guest back', () => a.present());
    expect(a.partner).toEqual([true, false, true]);

    // A reload whose old socket the broker has not seen close yet: PeerServer sends no OPEN then.
    const again = openTab(guest, host, { storage });
    await until('second reload connected', () => again.status() === 'connected');
    expect(again.statuses).toEqual(['connecting', 'connected']);
    expect(again.frames).not.toContain('OPEN');
    expect(after.frames[0]).toBe('OPEN');
  });
});

describe('broker link: a duplicated tab', () => {
  it('does not take the first tab’s id with the token it copied: it is told the room is full, and the first keeps its partner', async () => {
    const storage = tabStorage();
    const first = openTab(host, guest, { storage, claims: broadcastClaims() });
    const b = openTab(guest, host);
    await until('pair present', () => first.present() && b.present());
    // "Duplicate tab": the same sessionStorage, copied, and the same site's tabs to ask.
    const copied = tabStorage();
    for (const key of [`webrtclab.broker-token.${host}`]) copied.setItem(key, storage.getItem(key) ?? '');
    const duplicate = openTab(host, guest, { storage: copied, claims: broadcastClaims() });
    await until('duplicate told the room is full', () => duplicate.status() === 'room-full');
    expect(copied.getItem(`webrtclab.broker-token.${host}`)).not.toBe(storage.getItem(`webrtclab.broker-token.${host}`));
    await sleep(LINK_TIMING.hereMs + 500);
    expect(first.status()).toBe('connected');
    expect(first.sockets).toHaveLength(1);
    expect(b.present()).toBe(true);
  });
});

describe('broker link: the partner leaving', () => {
  it('shows the partner gone at once when its page says bye', async () => {
    const [a, b] = await pair();
    b.link.close();
    const took = await until('host sees the guest leave', () => !a.present(), 2000);
    expect(took).toBeLessThan(1000);
    expect(a.partner).toEqual([true, false]);
  });

  it('shows the partner gone, from the broker EXPIRE, when it vanished without bye', async () => {
    const [a, b] = await pair();
    for (const socket of b.sockets) socket.vanished = true;
    b.link.close();
    // Next `here` (≤ 3 s) waits the broker's 5 s expiry unread, polled each second.
    const took = await until('host sees the vanished guest gone', () => !a.present(), patient(12_000));
    expect(a.frames).toContain('EXPIRE');
    expect(took).toBeGreaterThan(1000);
    expect(took).toBeLessThan(LINK_TIMING.presenceTimeoutMs);
    expect(a.partner).toEqual([true, false]);
  }, patient(15_000));

  it('says bye on pagehide and comes back on a pageshow from the back/forward cache', async () => {
    const events = new EventTarget();
    const a = openTab(host, guest);
    const b = openTab(guest, host, { events });
    await until('pair present', () => a.present() && b.status() === 'connected');
    events.dispatchEvent(new Event('pagehide'));
    await until('host sees the guest leave', () => !a.present(), 2000);
    await sleep(1000);
    expect(b.sockets).toHaveLength(1); // a hidden page does not reconnect
    events.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await until('host sees the guest back', () => a.present());
    expect(a.partner).toEqual([true, false, true]);
  });
});

describe('broker link: losing the broker', () => {
  it('goes reconnecting when the broker stops, and connected within 5 s of its restart on the same port', async () => {
    const [a, b] = await pair();
    const port = fixture.port;
    await fixture.close();
    await until('both reconnecting', () => a.status() === 'reconnecting' && b.status() === 'reconnecting', 2000);
    fixture = await startBroker({}, port);
    const took = await until('both connected again', () => a.status() === 'connected' && b.status() === 'connected', 5000);
    expect(took).toBeLessThan(5000);
    expect(a.statuses).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    // The partner was not reported gone for the broker's absence, and is there after it.
    await until('present again', () => a.present() && b.present());
    expect(a.partner).toEqual([true]);
    expect(b.partner).toEqual([true]);
  });

  it('tries again at once when the browser says it is back online', async () => {
    const port = fixture.port;
    await fixture.close();
    const events = new EventTarget();
    const a = openTab(host, guest, { events }, port);
    await until('trying', () => a.status() === 'connecting' && a.sockets.length >= 2, 3000);
    fixture = await startBroker({}, port);
    events.dispatchEvent(new Event('online'));
    const took = await until('connected', () => a.status() === 'connected', 2000);
    expect(took).toBeLessThan(LINK_TIMING.backoff.firstMs * 2);
    expect(a.statuses).toEqual(['connecting', 'connected']);
  });

});

describe('broker link: a room of several', () => {
  it('keeps presence per partner, carries a message from each with its sender, and sees one leave', async () => {
    const ids = roomRoles(4).map((role) => roomIds('k7q2', 'mesh', role).page);
    const seen = ids.map(() => [] as Array<ReadonlySet<string>>);
    const got = ids.map(() => [] as string[]);
    const tabs = ids.map((id, index) => {
      const link = openBrokerLink({
        origin: `http://127.0.0.1:${fixture.port}`,
        id,
        partnerId: ids[index === 0 ? 1 : 0]!,
        partnerIds: ids.filter((other) => other !== id),
        onStatus: () => undefined,
        onPartner: () => undefined,
        onPartners: (present) => seen[index]!.push(present),
        onMessage: (message, from) => got[index]!.push(`${from}:${message.pair}`),
        env: { storage: tabStorage(), events: null },
      });
      links.push(link);
      return link;
    });
    const present = (index: number): number => seen[index]!.at(-1)?.size ?? 0;
    await until('every page sees the three others', () => ids.every((_, index) => present(index) === 3));

    tabs[2]!.send({ pair: 'goals', met: ['remote-videos'] });
    await until('the host hears guest2 by name', () => got[0]!.includes(`${ids[2]}:goals`));
    expect(got[2]).toEqual([]);

    tabs[3]!.close();
    await until('the others see guest3 gone', () => [0, 1, 2].every((index) => present(index) === 2));
    expect(seen[0]!.at(-1)?.has(ids[3]!)).toBe(false);
  });
});
