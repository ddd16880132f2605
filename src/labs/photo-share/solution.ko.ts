import { log, room } from 'lab';

const CHUNK = 16 * 1024; // 16 KiB: 어느 브라우저나 받아 주는 메시지 크기
const HIGH_WATER = 64 * 1024; // 채널 버퍼에 이보다 많이 쌓여 있으면 보내기를 멈춘다

const video = document.querySelector<HTMLVideoElement>('#local')!;
const snapshot = document.querySelector<HTMLCanvasElement>('#snapshot')!;
const received = document.querySelector<HTMLCanvasElement>('#received')!;
const sendButton = document.querySelector<HTMLButtonElement>('#send')!;

video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });

// host가 offer를, guest가 answer를 만든다. 둘 다, 그리고 후보도 방의 평범한 메시지 채널로 오간다.
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

// 두 탭이 같은 채널(negotiated, 스트림 id 0)을 직접 만드므로 양쪽 코드가 같다.
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

/** 카메라의 현재 프레임을 canvas#snapshot에 그리고, 구석에 시각을 적는다. */
function snap(): void {
  snapshot.width = video.videoWidth;
  snapshot.height = video.videoHeight;
  const context = snapshot.getContext('2d')!;
  context.drawImage(video, 0, 0);
  // 카메라가 그대로여도 시각을 보면 어느 사진이 새것인지 알 수 있다.
  context.font = '24px system-ui, sans-serif';
  context.fillStyle = 'rgb(0 0 0 / 60%)';
  context.fillRect(0, snapshot.height - 40, 140, 40);
  context.fillStyle = 'white';
  context.fillText(new Date().toLocaleTimeString(), 10, snapshot.height - 12);
}

/** canvas를 JPEG 파일로: 많아야 수십 KB다. 픽셀 그대로라면 가로 × 세로 × 4바이트가 된다. */
function encode(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded'))), 'image/jpeg', 0.85);
  });
}

/** 크기와 형식을 알리는 헤더를 보낸 뒤 바이트를 조각으로 보낸다. 기다린 횟수를 돌려준다. */
async function sendPhoto(photo: Blob): Promise<number> {
  const bytes = new Uint8Array(await photo.arrayBuffer());
  channel.send(JSON.stringify({ size: bytes.byteLength, type: photo.type }));
  let pauses = 0;
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
    // send()는 막히지 않고 큐에 쌓기만 한다. 상한을 넘으면 send()가 예외를 던질 때까지 큐를 키우지 말고,
    // 큐가 bufferedAmountLowThreshold까지 빠질 때를 기다린다.
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
  // 한 번에 한 장씩: 첫 사진의 조각 사이에 둘째 헤더가 끼면 두 사진이 뒤섞인다.
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

// 받는 쪽: 헤더가 오고, 알린 크기만큼 조각이 올 때까지 모은다.
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
  // 조각들로 만든 Blob: 계속 커지는 배열에 복사할 필요가 없고, 헤더가 알린 형식을 지닌다.
  const photo = new Blob(incoming.parts, { type: incoming.type });
  incoming = null;
  const bitmap = await createImageBitmap(photo);
  received.width = bitmap.width;
  received.height = bitmap.height;
  received.getContext('2d')!.drawImage(bitmap, 0, 0);
  log(`photo received and drawn: ${bitmap.width}×${bitmap.height}`);
  bitmap.close();
});
