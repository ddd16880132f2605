import { log, room } from 'lab';

const CHUNK = 16 * 1024; // 16 KiB: a message size every browser accepts
const HIGH_WATER = 64 * 1024; // pause sending while more than this waits in the channel's buffer

const video = document.querySelector<HTMLVideoElement>('#local')!;
const snapshot = document.querySelector<HTMLCanvasElement>('#snapshot')!;
const received = document.querySelector<HTMLCanvasElement>('#received')!;
const sendButton = document.querySelector<HTMLButtonElement>('#send')!;

video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });

// The host offers and the guest answers; the room's plain channel carries both, and the candidates.
const { role, signal, iceServers } = await room();
log(`this tab is the ${role}`);
const pc = new RTCPeerConnection({ iceServers });
pc.addEventListener('icecandidate', ({ candidate }) => signal.send({ candidate }));
pc.addEventListener('connectionstatechange', () => log('connection:', pc.connectionState));
signal.addEventListener('message', async ({ data }) => {
  const message = data as { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit | null };
  if (message.description) {
    await pc.setRemoteDescription(message.description);
    if (message.description.type === 'offer') {
      await pc.setLocalDescription();
      signal.send({ description: pc.localDescription });
    }
  } else if (message.candidate) {
    await pc.addIceCandidate(message.candidate);
  }
});

// Both tabs create the same channel (negotiated, stream id 0), so both run the same code.
const channel = pc.createDataChannel('photos', { negotiated: true, id: 0 });
channel.binaryType = 'arraybuffer';
channel.bufferedAmountLowThreshold = HIGH_WATER;
channel.addEventListener('open', () => {
  log('the photos channel is open');
  sendButton.disabled = false;
});
channel.addEventListener('close', () => {
  log('the photos channel closed');
  sendButton.disabled = true;
});
if (role === 'host') {
  await pc.setLocalDescription();
  signal.send({ description: pc.localDescription });
}

/** Draws the camera's current frame into canvas#snapshot, with the time in a corner. */
function snap(): void {
  snapshot.width = video.videoWidth;
  snapshot.height = video.videoHeight;
  const context = snapshot.getContext('2d')!;
  context.drawImage(video, 0, 0);
  // The time tells one photo from the next, even when the camera has not moved.
  context.font = '24px system-ui, sans-serif';
  context.fillStyle = 'rgb(0 0 0 / 60%)';
  context.fillRect(0, snapshot.height - 40, 140, 40);
  context.fillStyle = 'white';
  context.fillText(new Date().toLocaleTimeString(), 10, snapshot.height - 12);
}

/** The canvas as a JPEG file: a few tens of kilobytes at most, where its raw pixels would be width × height × 4 bytes. */
function encode(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded'))), 'image/jpeg', 0.85);
  });
}

/** A header that announces the size and type, then the bytes in chunks. Returns how often it waited. */
async function sendPhoto(photo: Blob): Promise<number> {
  const bytes = new Uint8Array(await photo.arrayBuffer());
  channel.send(JSON.stringify({ size: bytes.byteLength, type: photo.type }));
  let pauses = 0;
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
    // send() never blocks: it queues. Past the high-water mark, wait until the queue drains
    // to bufferedAmountLowThreshold instead of growing it until send() throws.
    if (channel.bufferedAmount > HIGH_WATER) {
      pauses += 1;
      await new Promise((resolve) => channel.addEventListener('bufferedamountlow', resolve, { once: true }));
    }
    channel.send(bytes.subarray(offset, offset + CHUNK));
  }
  return pauses;
}

sendButton.addEventListener('click', async () => {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
    log('No camera frame yet; try again in a moment.');
    return;
  }
  // One photo at a time: a second header in the middle of the first photo's chunks would mix them up.
  sendButton.disabled = true;
  try {
    snap();
    const photo = await encode(snapshot);
    const pauses = await sendPhoto(photo);
    const chunks = Math.ceil(photo.size / CHUNK);
    log(`sent ${photo.size} bytes of ${photo.type} in ${chunks} ${chunks === 1 ? 'chunk' : 'chunks'}; waited ${pauses} times for the buffer`);
  } finally {
    sendButton.disabled = channel.readyState !== 'open';
  }
});

// The receiving end: a header, then chunks until the announced size has arrived.
let incoming: { size: number; type: string; parts: ArrayBuffer[]; bytes: number } | null = null;
channel.addEventListener('message', async ({ data }) => {
  if (typeof data === 'string') {
    const header = JSON.parse(data) as { size: number; type: string };
    log(`a photo is coming: ${header.size} bytes of ${header.type}`);
    incoming = { ...header, parts: [], bytes: 0 };
    return;
  }
  if (!incoming) return;
  const chunk = data as ArrayBuffer;
  incoming.parts.push(chunk);
  incoming.bytes += chunk.byteLength;
  if (incoming.bytes < incoming.size) return;
  // A Blob of the parts: no growing array to copy into, and the type the header announced.
  const photo = new Blob(incoming.parts, { type: incoming.type });
  incoming = null;
  const bitmap = await createImageBitmap(photo);
  received.width = bitmap.width;
  received.height = bitmap.height;
  received.getContext('2d')!.drawImage(bitmap, 0, 0);
  log(`photo received and drawn: ${bitmap.width}×${bitmap.height}`);
  bitmap.close();
});
