import { log, room } from 'lab';
import type { MediaConnection } from 'peerjs';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remotes = document.querySelector<HTMLElement>('#remotes')!;
const rows = document.querySelector<HTMLTableSectionElement>('#upload tbody')!;
const total = document.querySelector<HTMLElement>('#total')!;

// A mesh sends your video once to every peer: a small picture keeps N−1 copies affordable.
const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240, frameRate: 15 } });
local.srcObject = stream;

// partnerIds: every other seat's id, whether that tab is there yet or not.
const { peer, partnerIds, seat, size } = await room();
log('seat', seat, 'of', size, 'as', peer.id);

// The seats this tab calls: the higher ones. partnerIds lists the others in seat order, so
// they start at index `seat`.
const higher = partnerIds.slice(seat);

/** The call with each other tab, by its PeerJS id. */
const calls = new Map<string, MediaConnection>();

/** The seat's name at the end of its id: host, guest, guest2… */
const seatName = (id: string): string => id.slice(id.lastIndexOf('-') + 1);

function videoFor(id: string): HTMLVideoElement {
  const existing = document.querySelector<HTMLVideoElement>(`#remote-${seatName(id)}`);
  if (existing) return existing;
  const figure = document.createElement('figure');
  const video = Object.assign(document.createElement('video'), { id: `remote-${seatName(id)}`, autoplay: true, playsInline: true, muted: true });
  const caption = Object.assign(document.createElement('figcaption'), { textContent: seatName(id) });
  figure.append(video, caption);
  remotes.append(figure);
  return video;
}

function track(call: MediaConnection): void {
  calls.set(call.peer, call);
  call.on('stream', (theirs) => {
    videoFor(call.peer).srcObject = theirs;
    log('video from', seatName(call.peer));
  });
  call.on('close', () => {
    if (calls.get(call.peer) !== call) return;
    calls.delete(call.peer);
    videoFor(call.peer).closest('figure')?.remove();
    log(seatName(call.peer), 'left');
    // Keep calling a higher seat that was left, for whoever takes it next.
    if (higher.includes(call.peer)) setTimeout(() => callSeat(call.peer), 1000);
  });
}

// Every pair of tabs needs exactly one call. The lower seat calls the higher one, so two tabs
// never call each other at once (glare). A higher seat only answers.
peer.on('call', (call) => {
  call.answer(stream);
  track(call);
});

function callSeat(id: string): void {
  calls.get(id)?.close(); // an earlier call that was never answered
  track(peer.call(id, stream));
}

// A seat may still be empty. The broker keeps what is sent to an absent id for 5 s, then drops
// it and PeerJS reports 'peer-unavailable' (without saying which seat): call every higher seat
// that has not answered yet again. A call is `open` once its video arrived.
peer.on('error', (error) => {
  if (error.type !== 'peer-unavailable') return log('peer error:', error.type);
  log('a seat is still empty; calling again');
  for (const id of higher) if (!calls.get(id)?.open) callSeat(id);
});

for (const id of higher) callSeat(id);

// Once a second: one row per peer from getStats. Each peer has its own outbound stream, so
// your upload is N−1 times one stream's bitrate.
const lastBytes = new Map<string, number>();
setInterval(async () => {
  let sum = 0;
  let outbound = 0;
  const lines: HTMLTableRowElement[] = [];
  for (const [id, call] of calls) {
    if (!call.open) continue; // a call still waiting for an empty seat sends nothing
    const report = await call.peerConnection?.getStats();
    let streams = 0;
    let bytes = 0;
    report?.forEach((stats: RTCOutboundRtpStreamStats) => {
      if (stats.type !== 'outbound-rtp' || stats.kind !== 'video') return;
      streams += 1;
      bytes += stats.bytesSent ?? 0;
    });
    const kbps = Math.max(0, Math.round(((bytes - (lastBytes.get(id) ?? bytes)) * 8) / 1000));
    lastBytes.set(id, bytes);
    sum += kbps;
    outbound += streams;
    const row = document.createElement('tr');
    for (const cell of [seatName(id), streams, bytes.toLocaleString('en'), kbps]) row.append(Object.assign(document.createElement('td'), { textContent: String(cell) }));
    lines.push(row);
  }
  rows.replaceChildren(...lines);
  total.textContent = `${outbound} outbound video streams to ${lines.length} peers, ${sum} kbit/s in all`;
}, 1000);
