/**
 * The pair panel of a pairing lab: which room this tab is in and as whom, how the partner joins
 * (a link to open, a link to copy, a QR code for a phone), and what the broker and the partner
 * are doing. It keeps the page's own link to the broker (./broker-link.ts), under the page id
 * the room gives, for presence and for the partner's goals; the lab's code has its own peer.
 */
import { renderSVG } from 'uqr';
import { interpolate } from '../lib/interpolate.ts';
import type { PairingInfo } from '../lib/lab-protocol.ts';
import { newRoomCode, otherRole, partnerUrl, roomFromSearch, roomIds } from '../lib/pairing/room-code.ts';
import { openBrokerLink, type BrokerLink, type LinkStatus } from './broker-link.ts';
import type { Strings } from './console-panel.ts';
import { node } from './dom.ts';

export type PartnerState = 'waiting' | 'here' | 'left';

export interface PairPanelOptions {
  readonly section: HTMLElement;
  readonly labId: string;
  readonly t: Strings;
  /** The partner tab's goals, as it judged them on its own feed. */
  onPartnerGoals(met: ReadonlySet<string>): void;
}

/** The room this page was opened into for this lab, or a new one this tab hosts. */
function roomForPage(labId: string): PairingInfo {
  const opened = roomFromSearch(location.search);
  if (opened && opened.lab === labId) return opened;
  return { room: newRoomCode((bytes) => crypto.getRandomValues(bytes)), role: 'host', lab: labId };
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

  constructor(options: PairPanelOptions) {
    this.#options = options;
    this.info = roomForPage(options.labId);
    rememberRoom(this.info);
    const area = options.section.querySelector<HTMLElement>('.lab-pair')!;
    area.hidden = false;
    this.#status = node('p', 'lab-pair-status');
    this.#status.setAttribute('role', 'status');
    area.replaceChildren(...this.#describe(), this.#status);
    this.#paint();

    const ids = roomIds(this.info.room, this.info.lab, this.info.role);
    this.#link = openBrokerLink({
      origin: location.origin,
      id: ids.page,
      partnerId: roomIds(this.info.room, this.info.lab, otherRole(this.info.role)).page,
      onStatus: (status) => {
        this.#broker = status;
        this.#paint();
      },
      onPartner: (present) => {
        this.#partner = present ? 'here' : this.#partner === 'waiting' ? 'waiting' : 'left';
        this.#paint();
      },
      onMessage: (message) => {
        if (message.pair === 'goals') options.onPartnerGoals(new Set(message.met));
      },
    });
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

  #describe(): HTMLElement[] {
    const { t, labId } = this.#options;
    const { room } = this.info;
    const heading = node('p', 'lab-pair-room');
    heading.append(`${t['lab.pair.room']} `, node('strong', 'lab-pair-code', room));
    if (this.isGuest) {
      return [heading, node('p', 'lab-pair-hint', interpolate(t['lab.pair.guest'], { room }))];
    }
    const url = partnerUrl(location.href, room, labId, this.info.role);
    const open = Object.assign(node('a', 'lab-pair-open', t['lab.pair.open']), { href: url, target: '_blank', rel: 'noopener' });
    const copy = Object.assign(node('button', 'lab-pair-copy', t['lab.pair.copy']), { type: 'button' });
    copy.addEventListener('click', () => {
      void navigator.clipboard.writeText(url).then(
        () => (copy.textContent = t['lab.linkCopied'] ?? ''),
        () => window.prompt(t['lab.pair.copy'], url),
      );
    });
    const qr = node('details', 'lab-pair-qr');
    const summary = node('summary', '', t['lab.pair.qr']);
    const image = node('div', 'lab-pair-qr-image');
    // uqr writes only rects and paths: nothing from the URL reaches the markup as text.
    image.innerHTML = renderSVG(url, { ecc: 'M', border: 2 });
    image.firstElementChild?.setAttribute('role', 'img');
    image.firstElementChild?.setAttribute('aria-label', interpolate(t['lab.pair.qrLabel'], { url }));
    qr.append(summary, image);
    if (isLocalOnly(location.hostname)) qr.append(node('p', 'lab-pair-hint', t['lab.pair.localOnly']));
    const actions = node('p', 'lab-pair-actions');
    actions.append(open, ' ', copy);
    return [heading, actions, qr];
  }

  #paint(): void {
    const { t } = this.#options;
    const broker = this.#broker;
    this.#status.dataset['broker'] = broker;
    this.#status.dataset['partner'] = this.#partner;
    this.#status.textContent =
      broker === 'room-full' ? interpolate(t['lab.pair.full'], { room: this.info.room }) : `${t[`lab.pair.broker.${broker}`]} · ${t[`lab.pair.partner.${this.#partner}`]}`;
  }

}
