/**
 * The pair panel of a pairing lab: which room this tab is in and as whom, how the partner joins
 * (a link to open, a link to copy, a QR code for a phone), and what the broker and the partner
 * are doing. It keeps the page's own link to the broker (./broker-link.ts), under the page id
 * the room gives, for presence and for the partner's goals; the lab's code has its own peer.
 */
import { renderSVG } from 'uqr';
import { interpolate } from '../lib/interpolate.ts';
import type { PairingInfo } from '../lib/lab-protocol.ts';
import { newRoomCode, nextFreeSeat, otherRole, otherRoles, partnerUrl, roomFromSearch, roomIds, seatOf, seatUrl, type Role } from '../lib/pairing/room-code.ts';
import { openBrokerLink, type BrokerLink, type LinkStatus } from './broker-link.ts';
import type { Strings } from './console-panel.ts';
import { node } from './dom.ts';
import { labConfig } from './lab-config.ts';

export type PartnerState = 'waiting' | 'here' | 'left';

export interface PairPanelOptions {
  readonly section: HTMLElement;
  readonly labId: string;
  /** Seats in the room (lab.ts `room.size`): 2 for a pair. */
  readonly size: number;
  readonly t: Strings;
  /** A partner tab's goals, as it judged them on its own feed, and which seat it is. */
  onPartnerGoals(met: ReadonlySet<string>, from: Role): void;
}

/** The room this page was opened into for this lab, or a new one this tab hosts. */
function roomForPage(labId: string, size: number): PairingInfo {
  const opened = roomFromSearch(location.search);
  // A seat the lab's room does not have (guest5 of four) is a broken link: start a room instead.
  if (opened && opened.lab === labId && seatOf(opened.role) < size) return size > 2 ? { ...opened, size } : opened;
  const room = newRoomCode((bytes) => crypto.getRandomValues(bytes));
  return size > 2 ? { room, role: 'host', lab: labId, size } : { room, role: 'host', lab: labId };
}

/** Keeps the room in the address, so a reload returns to it (and the id it holds). */
function rememberRoom(info: PairingInfo): void {
  const url = new URL(location.href);
  url.search = new URLSearchParams({ room: info.room, lab: info.lab, role: info.role }).toString();
  history.replaceState(history.state, '', url);
}

const isLocalOnly = (hostname: string): boolean => hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]';

export class PairPanel {
  readonly info: PairingInfo;
  readonly #options: PairPanelOptions;
  readonly #status: HTMLElement;
  readonly #link: BrokerLink;
  #broker: LinkStatus = 'connecting';
  #partner: PartnerState = 'waiting';
  /** In a room of more than two: the other seats present, and those this tab handed out. */
  readonly #present = new Set<Role>();
  readonly #offered = new Set<Role>();
  /** Repaints the joining link, QR code and copy button for the next free seat (mesh host only). */
  #repaintSeat: () => void = () => {};
  /** LAN mode's HTTPS site origin, once /lab-config.json told it: the link to copy and the QR code use it. */
  #lanOrigin: string | null = null;
  /** Shows the LAN hint in place of the localhost one (host only). */
  #showLanHint: () => void = () => {};

  constructor(options: PairPanelOptions) {
    this.#options = options;
    this.info = roomForPage(options.labId, options.size);
    rememberRoom(this.info);
    const area = options.section.querySelector<HTMLElement>('.lab-pair')!;
    area.hidden = false;
    this.#status = node('p', 'lab-pair-status');
    this.#status.setAttribute('role', 'status');
    area.replaceChildren(...this.#describe(), this.#status);
    this.#paint();
    if (!this.isGuest) {
      void labConfig().then(
        ({ lanOrigin }) => {
          if (!lanOrigin) return;
          this.#lanOrigin = lanOrigin;
          this.#showLanHint();
          this.#repaintSeat();
        },
        () => {}, // Run reports an unreachable server; the panel keeps this origin's link.
      );
    }

    const { room, lab, role } = this.info;
    const others = new Map(otherRoles(role, this.size).map((other) => [roomIds(room, lab, other).page, other]));
    this.#link = openBrokerLink({
      origin: location.origin,
      id: roomIds(room, lab, role).page,
      partnerId: roomIds(room, lab, otherRole(role)).page,
      ...(this.isMesh ? { partnerIds: [...others.keys()] } : {}),
      onStatus: (status) => {
        this.#broker = status;
        this.#paint();
      },
      onPartner: (present) => {
        this.#partner = present ? 'here' : this.#partner === 'waiting' ? 'waiting' : 'left';
        this.#paint();
      },
      onPartners: (present) => {
        this.#present.clear();
        for (const id of present) this.#present.add(others.get(id)!);
        this.#repaintSeat();
        this.#paint();
      },
      onMessage: (message, from) => {
        const seat = others.get(from);
        if (message.pair === 'goals' && seat) options.onPartnerGoals(new Set(message.met), seat);
      },
    });
  }

  get size(): number {
    return this.info.size ?? 2;
  }

  /** A room of more than two: seats are numbered, and joiners take the next free one. */
  get isMesh(): boolean {
    return this.size > 2;
  }

  get isGuest(): boolean {
    return this.info.role === 'guest';
  }

  /**
   * This tab's goals for the partner to show (a guest reports what it met on its own feed). The
   * link sends the latest again to a partner that arrives or comes back.
   */
  sendGoals(met: ReadonlySet<string>): void {
    this.#link.send({ pair: 'goals', met: [...met] });
  }

  close(): void {
    this.#link.close();
  }

  /**
   * The room, and for the host how partners join. "Open partner tab" stays on this origin (a tab
   * on this computer needs no certificate warning); the link to copy and the QR code, meant for
   * another device, use LAN mode's HTTPS origin when the site runs in that mode.
   */
  #describe(): HTMLElement[] {
    const { t, labId } = this.#options;
    const { room, role } = this.info;
    const heading = node('p', 'lab-pair-room');
    heading.append(`${t['lab.pair.room']} `, node('strong', 'lab-pair-code', room));
    if (this.isGuest) {
      const hint = this.isMesh ? interpolate(t['lab.pair.seat'], { room, seat: seatOf(role) + 1, size: this.size }) : interpolate(t['lab.pair.guest'], { room });
      return [heading, node('p', 'lab-pair-hint', hint)];
    }
    const open = Object.assign(node('a', 'lab-pair-open', t[this.isMesh ? 'lab.pair.openSeat' : 'lab.pair.open']), { target: '_blank', rel: 'noopener' });
    const copyLabel = t[this.isMesh ? 'lab.pair.copySeat' : 'lab.pair.copy'];
    const copy = Object.assign(node('button', 'lab-pair-copy', copyLabel), { type: 'button' });
    const noSeat = node('span', 'lab-pair-hint', interpolate(t['lab.pair.noSeat'], { size: this.size }));
    const qr = node('details', 'lab-pair-qr');
    const image = node('div', 'lab-pair-qr-image');
    qr.append(node('summary', '', t['lab.pair.qr']), image);
    const hint = node('p', 'lab-pair-hint', t['lab.pair.localOnly']);
    hint.hidden = !isLocalOnly(location.hostname);
    qr.append(hint);
    this.#showLanHint = () => {
      hint.textContent = interpolate(t['lab.pair.lan'], { origin: this.#lanOrigin ?? '' });
      hint.hidden = false;
    };
    let url = '';
    this.#repaintSeat = () => {
      const seat = this.isMesh ? nextFreeSeat(this.size, new Set([...this.#present, role]), this.#offered) : otherRole(role);
      const linkOn = (origin: string | null): string =>
        seat === null ? '' : this.isMesh ? seatUrl(location.href, room, labId, seat, origin) : partnerUrl(location.href, room, labId, role, origin);
      const next = linkOn(this.#lanOrigin);
      open.hidden = copy.hidden = qr.hidden = seat === null;
      noSeat.hidden = seat !== null;
      open.dataset['seat'] = seat ?? '';
      if (next === url) return;
      url = next;
      open.href = linkOn(null);
      copy.textContent = copyLabel;
      // uqr writes only rects and paths: nothing from the URL reaches the markup as text.
      image.innerHTML = url ? renderSVG(url, { ecc: 'M', border: 2 }) : '';
      image.firstElementChild?.setAttribute('role', 'img');
      image.firstElementChild?.setAttribute('aria-label', interpolate(t['lab.pair.qrLabel'], { url }));
    };
    this.#repaintSeat();
    if (this.isMesh) {
      // The tab opened may take a moment to say it is there: the next joiner gets the next seat.
      open.addEventListener('click', () => {
        const seat = open.dataset['seat'];
        if (seat) this.#offered.add(seat as Role);
        setTimeout(this.#repaintSeat);
      });
    }
    copy.addEventListener('click', () => {
      const copied = url;
      void navigator.clipboard.writeText(copied).then(
        () => (copy.textContent = t['lab.linkCopied'] ?? ''),
        () => window.prompt(copyLabel, copied),
      );
    });
    const actions = node('p', 'lab-pair-actions');
    actions.append(open, ' ', copy, noSeat);
    return [heading, actions, qr];
  }

  #paint(): void {
    const { t } = this.#options;
    const broker = this.#broker;
    const { room, role } = this.info;
    this.#status.dataset['broker'] = broker;
    this.#status.dataset['partner'] = this.#partner;
    if (this.isMesh) this.#status.dataset['present'] = String(this.#present.size + 1);
    if (broker === 'room-full') {
      this.#status.textContent = this.isMesh ? interpolate(t['lab.pair.seatTaken'], { room, seat: seatOf(role) + 1 }) : interpolate(t['lab.pair.full'], { room });
      return;
    }
    // In a mesh, this tab counts itself: "3 of 4" while it waits for the last.
    const others = this.isMesh ? interpolate(t['lab.pair.present'], { count: this.#present.size + 1, size: this.size }) : t[`lab.pair.partner.${this.#partner}`];
    this.#status.textContent = `${t[`lab.pair.broker.${broker}`]} · ${others}`;
  }

}
