/**
 * The `lab` helper module that lab code imports. The sandbox provides it at run time
 * (src/sandbox/lab-helper.ts); the editor shows these types; `astro check` uses them
 * to type-check every lab's starter and solution.
 */
declare module 'lab' {
  import type { Peer } from 'peerjs';

  /** Prints values to the lab's console panel, like console.log (MediaStreams, stats reports and errors included). */
  export function log(...values: unknown[]): void;

  /** This tab's place in a pairing lab's room (see `room()`). */
  export interface Room {
    /** The room's code, as in the page's address (`?room=k7q2`). */
    readonly code: string;
    /** `host` opened the room; `guest` joined it from the partner link; in a larger room, `guest2`, `guest3`… */
    readonly role: 'host' | 'guest' | `guest${number}`;
    /** A PeerJS peer registered with this site's broker under this tab's id in the room, already open. */
    readonly peer: Peer;
    /** The partner's PeerJS id: call or connect to it, or wait for it to call you. */
    readonly partnerId: string;
    /**
     * Every other seat's PeerJS id, in seat order, whether that tab is there yet or not (in a pair:
     * `[partnerId]`). A mesh lab connects to each.
     */
    readonly partnerIds: string[];
    /** This tab's seat: 0 for the host, then 1, 2… in the order of `partnerIds`' roles. */
    readonly seat: number;
    /** Seats in the room: 2 for a pair, more in a mesh lab. */
    readonly size: number;
    /** The site's ICE servers (none unless the site configures its own; never a public server). */
    readonly iceServers: RTCIceServer[];
    /**
     * A plain message channel to the partner tab's code (`partnerId`'s), through the broker: `send()` any JSON
     * value (an offer, a candidate…); it arrives there as a 'message' event's `data`. For labs
     * that drive an RTCPeerConnection themselves, where PeerJS would hide the signaling.
     */
    readonly signal: RoomSignal;
  }

  export interface RoomSignal extends EventTarget {
    send(message: unknown): void;
    addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  }

  /**
   * Joins this tab's room in a pairing lab: resolves once the peer is registered with the broker.
   * The peer reconnects by itself, with backoff, if the broker goes away; a call in progress goes
   * on without it. Rejects with an error named `RoomFullError` when the room already has this role.
   */
  export function room(): Promise<Room>;

  /** How a TURN URL reaches the server: `turn:` over UDP or TCP, or `turns:` (TLS over TCP). */
  export type TurnTransport = 'udp' | 'tcp' | 'tls';

  /**
   * Fresh credentials for the TURN server (coturn) the site runs on this computer, as `iceServers`
   * ready for `new RTCPeerConnection({ iceServers })`. They are valid for a few minutes (the
   * site's TURN_TTL): ask again for each run. `transports` picks the URLs: `['udp', 'tcp']` by
   * default; add `'tls'` for `turns:`, which browsers refuse with an `icecandidateerror` 701 while
   * the local server's certificate is self-signed (trusted by no one). Rejects with an error named
   * `TurnUnavailableError`, saying how to install coturn, when the site has none running.
   */
  export function turnCredentials(options?: { transports?: TurnTransport[] }): Promise<RTCIceServer[]>;

  /**
   * Restarts the TURN server the site runs on this computer, as an operator's restart would: every
   * relay on it ends at once (a call relayed through it loses its path), and it serves again on
   * the same ports, where credentials from `turnCredentials()` still work. Resolves, with the
   * milliseconds it took, once it serves. Only from the computer that runs the site, and at most
   * once every 5 seconds; rejects with a message saying why otherwise.
   */
  export function restartTurnServer(): Promise<number>;
}
