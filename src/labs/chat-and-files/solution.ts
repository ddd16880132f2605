import { log, room } from 'lab';
import type { DataConnection } from 'peerjs';

// 64 KiB: far below any browser's maxMessageSize, big enough that per-message costs stay small,
// small enough that a chat line never waits long behind a piece of the file.
const CHUNK = 64 * 1024;
// send() only queues. Stop feeding it while this much waits in the channel's buffer…
const HIGH_WATER = 1024 * 1024;
// …and go on when the buffer has drained to this: the channel fires 'bufferedamountlow'.
const LOW_WATER = 256 * 1024;
// The sender reads the file a block at a time: one read per chunk would cost more than the sending.
const BLOCK = 16 * CHUNK;
// The receiver folds its parts into one Blob every 4 MiB, so its heap never holds more of the file.
const FOLD_BYTES = 4 * 1024 * 1024;

// Every text message is one of these, as JSON; binary messages are the file's chunks.
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
// One transfer at a time, in either direction; null when none is under way.
let current: Outgoing | Incoming | null = null;

function setStatus(state: string, text: string): void {
  status.dataset['state'] = state;
  status.textContent = text;
  cancelButton.disabled = state !== 'sending' && state !== 'receiving';
}

const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`;

// The bar is redrawn at most every 100 ms. Set for each 64 KiB chunk, it would make the page
// repaint every frame for changes no eye can tell apart; the last value always shows.
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

// crypto.subtle has no streaming digest: it hashes the whole file's bytes at once.
async function sha256Of(file: Blob): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
}

// The same pseudo-random bytes in every tab and every run (xorshift32): no file picker needed.
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
    // 1 MiB at a time, with a turn for the page between: a big file takes seconds to make.
    // A message, not a timer, gives the turn: timers can be slowed down in a frame out of view.
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

// Resolves when the buffer has drained to LOW_WATER, or the channel closed (then nothing drains).
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
  // Read 1 MiB at a time, and the next block while this one is sent: a picked file is never
  // loaded whole, and the channel never waits for the disk.
  const read = (offset: number): Promise<ArrayBuffer> => file.slice(offset, offset + BLOCK).arrayBuffer();
  let next = read(0);
  for (let offset = 0; offset < file.size; offset += BLOCK) {
    const block = new Uint8Array(await next);
    if (offset + BLOCK < file.size) next = read(offset + BLOCK);
    for (let at = 0; at < block.byteLength; at += CHUNK) {
      if (dc.bufferedAmount > HIGH_WATER) {
        pauses += 1;
        await drained(dc);
      }
      // Cancelled (here or there) or closed while we waited: send nothing more.
      if (current !== transfer || dc.readyState !== 'open') return;
      dc.send(block.subarray(at, at + CHUNK));
      // What has left this tab: handed to the channel and no longer waiting in its buffer.
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

// Parts become one Blob: the browser holds a Blob's bytes, so the page's heap lets go of them.
function fold(transfer: Incoming): void {
  transfer.stored = new Blob([transfer.stored, ...transfer.parts]);
  transfer.parts = [];
  transfer.partsBytes = 0;
}

function receiveChunk(chunk: ArrayBuffer): void {
  const transfer = current;
  // Chunks of a transfer cancelled here may still be on their way: they belong to nothing now.
  if (transfer?.direction !== 'in') return;
  transfer.parts.push(chunk);
  transfer.partsBytes += chunk.byteLength;
  transfer.received += chunk.byteLength;
  if (transfer.partsBytes >= FOLD_BYTES) fold(transfer);
  showProgress(transfer.received);
  if (transfer.received >= transfer.size) void finishReceiving(transfer);
}

async function finishReceiving(transfer: Incoming): Promise<void> {
  fold(transfer);
  current = null;
  setStatus('verifying', `Checking the SHA-256 of ${transfer.name}…`);
  const sha256 = await sha256Of(transfer.stored);
  arrivedHash.textContent = sha256;
  send({ type: 'received', sha256 });
  const same = sha256 === transfer.sha256;
  log(`received ${mib(transfer.size)}; SHA-256 ${same ? 'matches' : 'DIFFERS'}`);
  if (current === null) setStatus(same ? 'done' : 'damaged', same ? `Received ${transfer.name}: the SHA-256 matches.` : `Received ${transfer.name}, but the SHA-256 differs: damaged.`);
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

// Both tabs run this: the host connects, the guest waits for the connection.
const { role, peer, partnerId } = await room();
log(`this tab is the ${role}`);
if (role === 'host') {
  const connect = (): void => {
    // reliable: an ordered, fully retransmitted channel. raw: PeerJS adds no framing of its own.
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
