import { log, room } from 'lab';
// 채팅은 이미 됩니다. 파일 전송은 보내고 받기는 하지만 세 가지가 빠져 있습니다.
// TODO 1 (sendFile): 채널의 버퍼가 차 있는 동안 기다리기.
// TODO 2 (finishReceiving): 도착한 데이터의 SHA-256을 미리 알려 온 값과 비교하기.
// TODO 3 (receiveChunk): 조각이 들어오는 대로 Blob 하나로 접어 넣기.
import type { DataConnection } from 'peerjs';

// 64 KiB: 어느 브라우저의 maxMessageSize보다도 한참 작고, 메시지마다 드는 비용이 작을 만큼 크며,
// 채팅 한 줄이 파일 조각 뒤에서 오래 기다리지 않을 만큼 작습니다.
const CHUNK = 64 * 1024;
// send()는 큐에 넣기만 합니다. 채널 버퍼에 이만큼 쌓여 있으면 그만 넣고…
const HIGH_WATER = 1024 * 1024;
// …버퍼가 이만큼까지 빠지면 다시 넣습니다. 그때 채널이 'bufferedamountlow'를 알립니다.
const LOW_WATER = 256 * 1024;
// 보내는 쪽은 파일을 블록 단위로 읽습니다. 조각마다 읽으면 보내는 것보다 읽는 데 더 듭니다.
const BLOCK = 16 * CHUNK;
// 받는 쪽은 4 MiB마다 조각을 Blob 하나로 접어, 힙에 파일을 그 이상 들고 있지 않습니다.
const FOLD_BYTES = 4 * 1024 * 1024;

// 텍스트 메시지는 모두 이 중 하나를 JSON으로 적은 것이고, 바이너리 메시지는 파일 조각입니다.
type Control =
  | { type: 'chat'; text: string }
  | { type: 'file'; name: string; size: number; sha256: string }
  | { type: 'received'; sha256: string }
  | { type: 'cancel' };

interface Outgoing {
  readonly direction: 'out';
  readonly name: string;
  readonly size: number;
}
interface Incoming {
  readonly direction: 'in';
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  received: number;
  parts: ArrayBuffer[];
  partsBytes: number;
  stored: Blob;
}

const chatList = document.querySelector<HTMLOListElement>('#chat')!;
const chatForm = document.querySelector<HTMLFormElement>('#chat-form')!;
const chatText = document.querySelector<HTMLInputElement>('#chat-text')!;
const fileInput = document.querySelector<HTMLInputElement>('#file-input')!;
const testSize = document.querySelector<HTMLInputElement>('#test-size')!;
const sendTestButton = document.querySelector<HTMLButtonElement>('#send-test-file')!;
const cancelButton = document.querySelector<HTMLButtonElement>('#cancel')!;
const progress = document.querySelector<HTMLProgressElement>('#progress')!;
const status = document.querySelector<HTMLOutputElement>('#status')!;
const announcedHash = document.querySelector<HTMLElement>('#announced-hash')!;
const arrivedHash = document.querySelector<HTMLElement>('#arrived-hash')!;

let channel: RTCDataChannel | null = null;
// 방향과 관계없이 전송은 한 번에 하나씩. 진행 중인 전송이 없으면 null.
let current: Outgoing | Incoming | null = null;

function setStatus(state: string, text: string): void {
  status.dataset['state'] = state;
  status.textContent = text;
  cancelButton.disabled = state !== 'sending' && state !== 'receiving';
}

const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`;

// 막대는 100 ms에 한 번까지만 다시 그립니다. 64 KiB 조각마다 값을 바꾸면 눈으로는 구별도 못 할
// 변화 때문에 페이지가 매 프레임 다시 그려집니다. 마지막 값은 언제나 보입니다.
let progressShownAt = 0;
function showProgress(value: number): void {
  const now = performance.now();
  if (value < progress.max && now - progressShownAt < 100) return;
  progressShownAt = now;
  progress.value = value;
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

// crypto.subtle에는 스트리밍 해시가 없어서, 파일 전체 바이트를 한꺼번에 해시합니다.
async function sha256Of(file: Blob): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
}

// 어느 탭에서 몇 번을 실행해도 같은 의사 난수 바이트(xorshift32)라서 파일 선택 창이 필요 없습니다.
async function testFile(mebibytes: number): Promise<Blob> {
  const parts: Uint32Array<ArrayBuffer>[] = [];
  let x = 0x9e3779b9;
  for (let part = 0; part < mebibytes; part++) {
    const words = new Uint32Array(262144);
    for (let i = 0; i < words.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      words[i] = x >>> 0;
    }
    parts.push(words);
    // 한 번에 1 MiB씩, 사이사이 페이지에 차례를 넘깁니다. 큰 파일은 만드는 데 몇 초가 걸립니다.
    // 타이머가 아니라 메시지로 넘깁니다. 화면 밖 프레임에서는 타이머가 느려질 수 있습니다.
    await new Promise<void>((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        resolve();
      };
      port2.postMessage(null);
    });
  }
  return new Blob(parts);
}

function send(message: Control): void {
  channel?.send(JSON.stringify(message));
}

function showChat(who: 'me' | 'partner', text: string): void {
  const line = Object.assign(document.createElement('li'), { className: who, textContent: `${who === 'me' ? 'you' : 'partner'}: ${text}` });
  chatList.append(line);
  line.scrollIntoView({ block: 'nearest' });
}

// 버퍼가 LOW_WATER까지 빠지거나 채널이 닫히면(그러면 더 빠질 것이 없으므로) 이행됩니다.
function drained(dc: RTCDataChannel): Promise<void> {
  return new Promise((resolve) => {
    dc.addEventListener('bufferedamountlow', () => resolve(), { once: true });
    dc.addEventListener('close', () => resolve(), { once: true });
  });
}

async function sendFile(file: Blob, name: string): Promise<void> {
  const dc = channel;
  if (!dc || current) return;
  const transfer: Outgoing = { direction: 'out', name, size: file.size };
  current = transfer;
  setStatus('hashing', `Hashing ${name}…`);
  const sha256 = await sha256Of(file);
  announcedHash.textContent = sha256;
  arrivedHash.textContent = '…';
  progress.max = Math.max(file.size, 1);
  progress.value = 0;
  send({ type: 'file', name, size: file.size, sha256 });
  setStatus('sending', `Sending ${name} (${mib(file.size)})…`);
  const started = performance.now();
  let pauses = 0;
  // 1 MiB씩 읽되, 이 블록을 보내는 동안 다음 블록을 미리 읽어 둡니다.
  // 파일을 통째로 메모리에 올리지 않고, 채널이 디스크를 기다리지도 않습니다.
  const read = (offset: number): Promise<ArrayBuffer> => file.slice(offset, offset + BLOCK).arrayBuffer();
  let next = read(0);
  for (let offset = 0; offset < file.size; offset += BLOCK) {
    const block = new Uint8Array(await next);
    if (offset + BLOCK < file.size) next = read(offset + BLOCK);
    for (let at = 0; at < block.byteLength; at += CHUNK) {
      // TODO 1: 배압. send()는 막히지 않고 큐에 쌓기만 하므로, 파일이 크면 큐가 브라우저가 허용하는
      //         크기나 메모리를 넘어섭니다. 보낼 때마다 먼저 dc.bufferedAmount > HIGH_WATER이면
      //         pauses를 세고 `await drained(dc)` 하세요. 큐가 LOW_WATER까지 줄면 채널이 알려 줍니다.
      void [HIGH_WATER, drained];
      // 기다리는 사이 (이쪽이든 저쪽이든) 취소했거나 채널이 닫혔다면 더 보내지 않습니다.
      if (current !== transfer || dc.readyState !== 'open') return;
      dc.send(block.subarray(at, at + CHUNK));
      // 이 탭을 떠난 양: 채널에 넘겼고 이제 버퍼에서 기다리지도 않는 바이트.
      showProgress(offset + Math.min(at + CHUNK, block.byteLength) - dc.bufferedAmount);
    }
  }
  log(`sent ${mib(file.size)} in ${Math.round(performance.now() - started)} ms, pausing ${pauses} times for the buffer to drain`);
  setStatus('verifying', `Sent ${name}: waiting for the partner’s SHA-256…`);
}

function startReceiving(header: Extract<Control, { type: 'file' }>): void {
  const transfer: Incoming = { direction: 'in', name: header.name, size: header.size, sha256: header.sha256, received: 0, parts: [], partsBytes: 0, stored: new Blob([]) };
  current = transfer;
  progress.max = Math.max(header.size, 1);
  progress.value = 0;
  announcedHash.textContent = header.sha256;
  arrivedHash.textContent = '…';
  setStatus('receiving', `Receiving ${header.name} (${mib(header.size)})…`);
  if (header.size === 0) void finishReceiving(transfer);
}

// 조각들을 Blob 하나로: Blob의 바이트는 브라우저가 들고 있으므로 페이지의 힙은 그것을 놓아 줍니다.
function fold(transfer: Incoming): void {
  transfer.stored = new Blob([transfer.stored, ...transfer.parts]);
  transfer.parts = [];
  transfer.partsBytes = 0;
}

function receiveChunk(chunk: ArrayBuffer): void {
  const transfer = current;
  // 이쪽에서 취소한 전송의 조각이 아직 오는 중일 수 있습니다. 이제 어디에도 속하지 않습니다.
  if (transfer?.direction !== 'in') return;
  transfer.parts.push(chunk);
  transfer.partsBytes += chunk.byteLength;
  transfer.received += chunk.byteLength;
  // TODO 3: transfer.partsBytes가 FOLD_BYTES에 이르면 fold(transfer) 하세요. 그러지 않으면 1 GiB 파일이
  //         끝날 때까지 ArrayBuffer 16,384개로 이 페이지의 힙에 머뭅니다.
  void FOLD_BYTES;
  showProgress(transfer.received);
  if (transfer.received >= transfer.size) void finishReceiving(transfer);
}

async function finishReceiving(transfer: Incoming): Promise<void> {
  fold(transfer);
  current = null;
  setStatus('verifying', `Checking the SHA-256 of ${transfer.name}…`);
  // TODO 2: 도착한 것을 확인하세요. const sha256 = await sha256Of(transfer.stored); 로 구해
  //         arrivedHash에 보여 주고, 보낸 쪽도 보여 줄 수 있게 send({ type: 'received', sha256 }) 하고,
  //         보낸 쪽이 알려 온 transfer.sha256과 비교해 상태를 'done' 또는 'damaged'로 두세요.
  log(`received ${mib(transfer.size)}; its SHA-256 is not checked yet`);
  if (current === null) setStatus('unchecked', `Received ${transfer.name}: not checked yet.`);
}

function delivered(sha256: string): void {
  const transfer = current;
  if (transfer?.direction !== 'out') return;
  current = null;
  arrivedHash.textContent = sha256;
  progress.value = progress.max;
  const same = sha256 === announcedHash.textContent;
  setStatus(same ? 'done' : 'damaged', same ? `Delivered ${transfer.name}: the partner’s SHA-256 matches.` : `Delivered ${transfer.name}, but the partner’s SHA-256 differs.`);
}

function cancelled(by: 'you' | 'your partner'): void {
  const transfer = current;
  if (!transfer) return;
  current = null;
  const percent = Math.floor((100 * progress.value) / progress.max);
  setStatus('cancelled', `Cancelled by ${by} at ${percent}%. The channel is still open: send again.`);
}

function onControl(message: Control): void {
  if (message.type === 'chat') showChat('partner', message.text);
  else if (message.type === 'file') startReceiving(message);
  else if (message.type === 'received') delivered(message.sha256);
  else if (message.type === 'cancel') cancelled('your partner');
}

function use(connection: DataConnection): void {
  const dc = connection.dataChannel;
  dc.binaryType = 'arraybuffer';
  dc.bufferedAmountLowThreshold = LOW_WATER;
  dc.addEventListener('message', ({ data }) => {
    if (typeof data === 'string') onControl(JSON.parse(data) as Control);
    else receiveChunk(data as ArrayBuffer);
  });
  dc.addEventListener('close', () => {
    channel = null;
    current = null;
    setStatus('closed', 'The channel closed: run both tabs again to reconnect.');
    document.querySelectorAll('fieldset').forEach((set) => (set.disabled = true));
  });
  channel = dc;
  document.querySelectorAll('fieldset').forEach((set) => (set.disabled = false));
  setStatus('idle', 'Connected: chat, or send a file.');
  log(`channel open: ordered ${dc.ordered}, maxMessageSize ${connection.peerConnection.sctp?.maxMessageSize} bytes`);
}

chatForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!channel || chatText.value === '') return;
  send({ type: 'chat', text: chatText.value });
  showChat('me', chatText.value);
  chatText.value = '';
});
sendTestButton.addEventListener('click', async () => {
  const size = Math.min(1024, Math.max(1, Math.round(testSize.valueAsNumber || 1)));
  sendTestButton.disabled = true;
  const file = await testFile(size);
  sendTestButton.disabled = false;
  await sendFile(file, `test-${size}MiB.bin`);
});
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void sendFile(file, file.name);
  fileInput.value = '';
});
cancelButton.addEventListener('click', () => {
  if (!current) return;
  send({ type: 'cancel' });
  cancelled('you');
});

// 두 탭 모두 이 코드를 실행합니다. 호스트가 연결하고, 게스트는 연결을 기다립니다.
const { role, peer, partnerId } = await room();
log(`this tab is the ${role}`);
if (role === 'host') {
  const connect = (): void => {
    // reliable: 순서를 지키고 잃은 것은 끝까지 재전송하는 채널. raw: PeerJS가 자체 포장을 덧붙이지 않습니다.
    const connection = peer.connect(partnerId, { reliable: true, serialization: 'raw' });
    connection.on('open', () => use(connection));
  };
  peer.on('error', (error) => {
    if (error.type !== 'peer-unavailable') return;
    log('partner not in the room yet; connecting again in a second');
    setTimeout(connect, 1000);
  });
  connect();
} else {
  peer.on('connection', (connection) => connection.on('open', () => use(connection)));
}
