import { log, room } from 'lab';
import type { MediaConnection } from 'peerjs';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remotes = document.querySelector<HTMLElement>('#remotes')!;
const rows = document.querySelector<HTMLTableSectionElement>('#upload tbody')!;
const total = document.querySelector<HTMLElement>('#total')!;

// 메시에서는 내 영상을 피어마다 한 번씩 보냅니다. 화면을 작게 잡아야 N−1개의 사본을 감당할 수 있습니다.
const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240, frameRate: 15 } });
local.srcObject = stream;

// partnerIds: 다른 모든 자리의 id. 그 탭이 아직 들어왔는지와 상관없이 모두 들어 있습니다.
const { peer, partnerIds, seat, size } = await room();
log('seat', seat, 'of', size, 'as', peer.id);

// 이 탭이 전화를 거는 자리는 번호가 더 높은 자리들입니다. partnerIds는 자리 순서대로 나열되므로
// 인덱스 `seat`부터가 그 자리들입니다.
const higher = partnerIds.slice(seat);

/** 다른 탭마다 하나씩 있는 통화. 키는 그 탭의 PeerJS id입니다. */
const calls = new Map<string, MediaConnection>();

/** id 끝에 붙은 자리 이름: host, guest, guest2… */
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
    // 비워진 높은 자리에는 계속 전화를 겁니다. 다음에 그 자리에 들어올 탭을 위해서입니다.
    if (higher.includes(call.peer)) setTimeout(() => callSeat(call.peer), 1000);
  });
}

// 탭 두 개마다 통화는 정확히 하나만 있어야 합니다. 번호가 낮은 자리가 높은 자리에 전화를 걸기 때문에,
// 두 탭이 동시에 서로에게 거는 일(glare)이 생기지 않습니다. 번호가 높은 자리는 받기만 합니다.
peer.on('call', (call) => {
  call.answer(stream);
  track(call);
});

function callSeat(id: string): void {
  calls.get(id)?.close(); // 앞서 걸었지만 응답이 없던 통화
  track(peer.call(id, stream));
}

// 아직 비어 있는 자리도 있을 수 있습니다. 브로커는 없는 id로 온 메시지를 5초 동안 보관했다가 버리고,
// 그러면 PeerJS가 'peer-unavailable'을 알립니다(어느 자리인지는 알려 주지 않습니다). 그래서 아직 응답하지 않은
// 높은 자리 모두에 다시 전화를 겁니다. 통화는 영상이 도착하면 `open`이 됩니다.
peer.on('error', (error) => {
  if (error.type !== 'peer-unavailable') return log('peer error:', error.type);
  log('a seat is still empty; calling again');
  for (const id of higher) if (!calls.get(id)?.open) callSeat(id);
});

for (const id of higher) callSeat(id);

// 1초마다 getStats로 피어당 한 줄씩 채웁니다. 피어마다 송신 스트림이 따로 있으므로
// 내 업로드는 스트림 하나의 비트레이트의 N−1배가 됩니다.
const lastBytes = new Map<string, number>();
setInterval(async () => {
  let sum = 0;
  let outbound = 0;
  const lines: HTMLTableRowElement[] = [];
  for (const [id, call] of calls) {
    if (!call.open) continue; // 빈자리를 기다리는 통화는 아무것도 보내지 않습니다
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
