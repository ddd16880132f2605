/**
 * A lesson page's own connection to the broker, under its `page` id in the room (the lab frame
 * has its own PeerJS peer under the `lab` id). It tells the pair panel whether the broker is
 * reachable, whether the partner's page is there, and carries the partner's met goals.
 *
 * Browser code, but DOM-free apart from WebSocket, timers and sessionStorage, and those come
 * through `env` so the link runs against the real broker in Node tests too.
 */
import {
  brokerSocketUrl,
  candidateFrame,
  HEARTBEAT_FRAME,
  isPresence,
  parsePairMessage,
  readRoomFrame,
  type RoomEvent,
  type PairDataMessage,
  type PairMessage,
} from '../lib/pairing/pair-messages.ts';
import {
  LINK_TIMING,
  linkStatus,
  partnerPresent,
  presenceDeadline,
  presenceResumed,
  reconnectDelayMs,
  type LinkStatus,
} from '../lib/pairing/link-policy.ts';

export type { LinkStatus } from '../lib/pairing/link-policy.ts';
export type { GoalsMessage, PairDataMessage } from '../lib/pairing/pair-messages.ts';

type Listener = (event: Event) => void;

/** What the link takes from its surroundings; the defaults are the browser's. */
export interface BrokerLinkEnv {
  readonly createSocket: (url: string) => WebSocket;
  /** Where the token is kept per id (sessionStorage), or null for this page's memory only. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly random: () => number;
  readonly now: () => number;
  /** Other tabs of this site, asked whether they hold a token (see TokenClaims), or null. */
  readonly claims: TokenClaims | null;
  /** Where `online`, `pagehide` and `pageshow` are heard (the window), or null. */
  readonly events: { addEventListener(type: string, listener: Listener): void; removeEventListener(type: string, listener: Listener): void } | null;
}

export interface BrokerLinkOptions {
  /** The site's origin; the broker is at /peerjs on it. */
  readonly origin: string;
  /** This page's id in the room (roomIds(…).page). */
  readonly id: string;
  /** The partner page's id. */
  readonly partnerId: string;
  /**
   * In a room of more than two: every other page's id (then `partnerId` is ignored). Presence is
   * kept per partner; `onPartner` says whether any is there, `onPartners` which ones.
   */
  readonly partnerIds?: readonly string[];
  /** Called on every change, first with 'connecting' (after openBrokerLink returned). */
  readonly onStatus: (status: LinkStatus) => void;
  /** Called when the partner's page arrives (true) or goes (false); it starts absent. */
  readonly onPartner: (present: boolean) => void;
  /** The partners' pages present, by id, on every change (rooms of any size). */
  readonly onPartners?: (present: ReadonlySet<string>) => void;
  /** A message from a partner's page other than presence, already validated, and whose page sent it. */
  readonly onMessage: (message: PairDataMessage, from: string) => void;
  readonly env?: Partial<BrokerLinkEnv>;
}

export interface BrokerLink {
  /**
   * Sends a message to the partner's page (every partner's, in a larger room) now if the link is up. The latest message of each kind
   * is kept and sent again on every (re)connection and to a partner that (re)joins, so what it
   * says reaches a partner that arrives later. Returns whether it went out now.
   */
  send(message: PairDataMessage): boolean;
  /** Says `bye` to the partner and stops for good; no callback follows. */
  close(): void;
}

/**
 * "Duplicate tab" copies sessionStorage, and with it the token: the copy would take the first
 * tab's id over as if it were that tab reloaded. So a tab that finds a kept token first asks the
 * other tabs of the site whether one of them holds it. A reload asks too, and nobody answers:
 * the old document is gone, or frozen in the back/forward cache, where it cannot answer.
 */
export interface TokenClaims {
  /** Resolves true when another live tab holds the token. */
  heldElsewhere(token: string): Promise<boolean>;
  /** Answers the other tabs that ask about this token, until the returned release is called. */
  hold(token: string): () => void;
}

/** How long a tab waits for another to say it holds the token: tabs of one browser answer within milliseconds. */
export const CLAIM_WAIT_MS = 150;
const CLAIMS_CHANNEL = 'webrtclab.broker-tokens';

export function broadcastClaims(): TokenClaims | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const held = new Set<string>();
  const channel = new BroadcastChannel(CLAIMS_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const data = event.data as { ask?: unknown } | null;
    if (typeof data?.ask === 'string' && held.has(data.ask)) channel.postMessage({ mine: data.ask });
  };
  return {
    heldElsewhere: (token) =>
      new Promise((resolve) => {
        const asking = new BroadcastChannel(CLAIMS_CHANNEL);
        const done = (answer: boolean): void => {
          clearTimeout(timer);
          asking.close();
          resolve(answer);
        };
        const timer = setTimeout(() => done(false), CLAIM_WAIT_MS);
        asking.onmessage = (event: MessageEvent) => {
          if ((event.data as { mine?: unknown } | null)?.mine === token) done(true);
        };
        asking.postMessage({ ask: token });
      }),
    hold: (token) => {
      held.add(token);
      return () => held.delete(token);
    },
  };
}

const TOKEN_KEY_PREFIX = 'webrtclab.broker-token.';
const TOKEN_PATTERN = /^[0-9a-f]{32}$/;

function newToken(): string {
  // crypto.randomUUID exists only in secure contexts; a LAN http:// page still has getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The token this tab holds its id with. PeerServer gives an id back to the token that held it,
 * so a reload of the same tab (same sessionStorage) reclaims it even before the old socket is
 * gone, while another tab (its own sessionStorage) is told the id is taken. A kept token that
 * another live tab holds was copied by "Duplicate tab": this tab then takes a token of its own.
 */
async function brokerToken(id: string, storage: BrokerLinkEnv['storage'], claims: TokenClaims | null): Promise<string> {
  const key = TOKEN_KEY_PREFIX + id;
  let kept: string | null = null;
  try {
    kept = storage?.getItem(key) ?? null;
  } catch {
    // Storage blocked: the token lives as long as this page.
  }
  if (kept && TOKEN_PATTERN.test(kept) && !(await claims?.heldElsewhere(kept))) return kept;
  const token = newToken();
  try {
    storage?.setItem(key, token);
  } catch {
    // Same: a reload then looks like another tab until the old socket is gone.
  }
  return token;
}

function browserEnv(): BrokerLinkEnv {
  let storage: BrokerLinkEnv['storage'] = null;
  try {
    // Reading the property itself throws where storage is blocked.
    storage = typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    storage = null;
  }
  const target = globalThis as unknown as Partial<NonNullable<BrokerLinkEnv['events']>>;
  return {
    createSocket: (url) => new WebSocket(url),
    storage,
    claims: broadcastClaims(),
    random: Math.random,
    now: Date.now,
    // Node has no navigator.onLine; only a browser's `false` is worth believing.
    events: typeof target.addEventListener === 'function' && typeof target.removeEventListener === 'function'
      ? (target as NonNullable<BrokerLinkEnv['events']>)
      : null,
  };
}

export function openBrokerLink(options: BrokerLinkOptions): BrokerLink {
  const env: BrokerLinkEnv = { ...browserEnv(), ...options.env };
  const { id } = options;
  const partners = options.partnerIds ?? [options.partnerId];
  /** Known once the token is (a kept one may first be asked about); nothing connects before. */
  let url: string | null = null;

  let socket: WebSocket | null = null;
  /** The current socket holds the id (OPEN, or its own frame came back). */
  let connected = false;
  let everConnected = false;
  let roomFull = false;
  let closed = false;
  /** The page was hidden (pagehide); it may come back from the back/forward cache. */
  let suspended = false;
  let attempt = 0;
  let failingSinceMs: number | null = null;
  /** When this page last heard each partner's page (see partnerPresent); absent: not heard or gone. */
  const heardAtMs = new Map<string, number | null>();
  let shownStatus: LinkStatus | null = null;
  let shownPresent = new Set<string>();
  const latest = new Map<PairDataMessage['pair'], PairDataMessage>();

  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let connectTimer: ReturnType<typeof setTimeout> | undefined;
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let presenceTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let here: ReturnType<typeof setInterval> | undefined;

  const report = (): void => {
    if (closed) return;
    const status = linkStatus({ roomFull, connected, everConnected, failingSinceMs }, env.now());
    if (status === shownStatus) return;
    shownStatus = status;
    options.onStatus(status);
  };

  const reportPartner = (): void => {
    clearTimeout(presenceTimer);
    if (closed) return;
    const now = env.now();
    const present = new Set(partners.filter((partner) => partnerPresent(heardAtMs.get(partner) ?? null, now)));
    const changed = present.size !== shownPresent.size || [...present].some((partner) => !shownPresent.has(partner));
    const wasAny = shownPresent.size > 0;
    shownPresent = present;
    if (changed) options.onPartners?.(new Set(present));
    if (wasAny !== present.size > 0) options.onPartner(present.size > 0);
    // Silence is judged only while this page can hear (see presenceResumed).
    const deadlines = [...present].map((partner) => presenceDeadline(heardAtMs.get(partner) ?? null)).filter((at): at is number => at !== null);
    if (connected && deadlines.length > 0) presenceTimer = setTimeout(reportPartner, Math.min(...deadlines) - now);
  };

  const sendFrame = (frame: string): boolean => {
    if (!socket || socket.readyState !== socket.OPEN) return false;
    try {
      socket.send(frame);
      return true;
    } catch {
      return false; // closing under us; its close event does the rest
    }
  };

  const sendTo = (partner: string, message: PairMessage): boolean => sendFrame(candidateFrame(partner, message));
  const sendToPartner = (message: PairMessage): boolean => partners.map((partner) => sendTo(partner, message)).every(Boolean);

  const resendLatest = (partner?: string): void => {
    for (const message of latest.values()) {
      if (partner) sendTo(partner, message);
      else sendToPartner(message);
    }
  };

  const stopConnectionTimers = (): void => {
    clearTimeout(connectTimer);
    clearTimeout(presenceTimer);
    clearInterval(heartbeat);
    clearInterval(here);
  };

  const beginFailing = (): void => {
    if (failingSinceMs !== null) return;
    failingSinceMs = env.now();
    clearTimeout(offlineTimer);
    offlineTimer = setTimeout(report, LINK_TIMING.offlineAfterMs);
  };

  const markConnected = (): void => {
    if (connected) return;
    connected = true;
    everConnected = true;
    attempt = 0;
    failingSinceMs = null;
    clearTimeout(offlineTimer);
    clearTimeout(connectTimer);
    heartbeat = setInterval(() => sendFrame(HEARTBEAT_FRAME), LINK_TIMING.heartbeatMs);
    here = setInterval(() => sendToPartner({ pair: 'here' }), LINK_TIMING.hereMs);
    for (const [partner, at] of heardAtMs) heardAtMs.set(partner, presenceResumed(at, env.now()));
    sendToPartner({ pair: 'hello' });
    resendLatest();
    report();
    reportPartner();
  };

  const heard = (from: string, message: PairMessage): void => {
    if (message.pair === 'bye') {
      heardAtMs.delete(from);
    } else {
      heardAtMs.set(from, env.now());
      if (message.pair === 'hello') {
        // The partner just (re)connected and may have missed everything sent before.
        sendTo(from, { pair: 'here' });
        resendLatest(from);
      }
    }
    reportPartner();
    if (!isPresence(message)) options.onMessage(message, from);
  };

  const dropSocket = (): void => {
    const old = socket;
    socket = null;
    connected = false;
    stopConnectionTimers();
    try {
      old?.close(1000);
    } catch {
      // already closed
    }
  };

  const handle = (event: RoomEvent): void => {
    switch (event.kind) {
      case 'open':
      case 'self':
        markConnected();
        return;
      case 'id-taken':
        // Another tab has this role in the room. Retrying would only take it over once that
        // tab's socket drops, which is not what the person in this tab asked for.
        roomFull = true;
        clearTimeout(reconnectTimer);
        clearTimeout(offlineTimer);
        dropSocket();
        report();
        return;
      case 'partner':
        heard(event.from, event.message);
        return;
      case 'partner-gone':
        heardAtMs.delete(event.from);
        reportPartner();
        return;
      case 'error':
      case 'ignored':
        // Broker errors (a queue for an absent partner full, a limit reached) need no action:
        // the ones that matter close the socket, and that reconnects.
        return;
    }
  };

  const scheduleReconnect = (): void => {
    beginFailing();
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(connect, reconnectDelayMs(attempt, env.random));
    attempt += 1;
  };

  const lost = (gone: WebSocket): void => {
    if (gone !== socket) return;
    dropSocket();
    if (closed || roomFull || suspended) return;
    scheduleReconnect();
    report();
    reportPartner(); // stops the presence clock until this page hears again
  };

  function connect(): void {
    if (closed || roomFull || suspended || socket || url === null) return;
    clearTimeout(reconnectTimer);
    beginFailing();
    let created: WebSocket;
    try {
      created = env.createSocket(url);
    } catch {
      scheduleReconnect();
      report();
      return;
    }
    socket = created;
    created.onopen = () => {
      // Proves the id is held when PeerServer sends no OPEN (same token, old socket not yet gone).
      if (created === socket) sendFrame(candidateFrame(id, { pair: 'here' }));
    };
    created.onmessage = (event: MessageEvent) => {
      if (created === socket) handle(readRoomFrame(event.data, id, partners));
    };
    created.onclose = () => lost(created);
    created.onerror = () => {}; // a close event follows
    connectTimer = setTimeout(() => {
      if (created === socket && !connected) lost(created);
    }, LINK_TIMING.connectTimeoutMs);
    report();
  }

  const onOnline = (): void => {
    if (!connected && !socket) {
      attempt = 0;
      connect();
    }
    report();
  };
  const onPageHide = (): void => {
    if (closed) return;
    suspended = true;
    sendToPartner({ pair: 'bye' });
    clearTimeout(reconnectTimer);
    dropSocket();
  };
  const onPageShow = (event: Event): void => {
    if (closed || !suspended || !(event as PageTransitionEvent).persisted) return;
    suspended = false;
    attempt = 0;
    report();
    connect();
  };
  const listeners: Array<[string, Listener]> = [
    ['online', onOnline],
    ['pagehide', onPageHide],
    ['pageshow', onPageShow],
  ];
  for (const [type, listener] of listeners) env.events?.addEventListener(type, listener);

  // Connecting after return lets the caller hold the link before the first callback arrives.
  let release = (): void => {};
  void brokerToken(id, env.storage, env.claims).then((token) => {
    if (closed) return;
    release = env.claims?.hold(token) ?? release;
    url = brokerSocketUrl(options.origin, id, token);
    connect();
  });

  return {
    send(message) {
      const parsed = parsePairMessage(message);
      if (!parsed || isPresence(parsed)) throw new TypeError(`not a pair message: ${JSON.stringify(message).slice(0, 80)}`);
      latest.set(parsed.pair, parsed);
      return sendToPartner(parsed);
    },
    close() {
      if (closed) return;
      sendToPartner({ pair: 'bye' });
      closed = true;
      release();
      clearTimeout(reconnectTimer);
      clearTimeout(offlineTimer);
      dropSocket();
      for (const [type, listener] of listeners) env.events?.removeEventListener(type, listener);
    },
  };
}
