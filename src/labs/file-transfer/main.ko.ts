import { log } from 'lab';

const SIZE = 1024 * 1024; // 1 MiB
const CHUNK = 16 * 1024; // 16 KiB: 모든 브라우저가 받아 주는 메시지 크기
const HIGH_WATER = 256 * 1024; // 버퍼에 이보다 많이 쌓여 있으면 보내기를 멈춥니다

const alice = new RTCPeerConnection();
const bob = new RTCPeerConnection();
alice.addEventListener('icecandidate', ({ candidate }) => void bob.addIceCandidate(candidate));
bob.addEventListener('icecandidate', ({ candidate }) => void alice.addIceCandidate(candidate));

const progress = document.querySelector<HTMLProgressElement>('#progress')!;
const sentHash = document.querySelector('#sent-hash')!;
const receivedHash = document.querySelector('#received-hash')!;

/** 파일 하나 분량의 무작위 바이트. getRandomValues는 한 번에 최대 65,536바이트만 채웁니다. */
function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return bytes;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** alice 쪽: 크기를 알리는 헤더를 먼저 보내고, 이어서 바이트를 보냅니다. */
async function sendFile(channel: RTCDataChannel, bytes: Uint8Array<ArrayBuffer>): Promise<number> {
  let pauses = 0;
  channel.send(JSON.stringify({ name: 'random.bin', size: bytes.byteLength }));
  channel.bufferedAmountLowThreshold = HIGH_WATER;
  // TODO: 바이트를 CHUNK 크기로 잘라 보내십시오: channel.send(bytes.subarray(offset, offset + CHUNK)).
  //       보내기 전마다 channel.bufferedAmount > HIGH_WATER이면 채널의 'bufferedamountlow'
  //       이벤트를 기다립니다({ once: true }로 등록한 addEventListener를 Promise로 감싸면 됩니다).
  //       기다릴 때마다 pauses를 1씩 늘리십시오.
  return pauses;
}

/** bob 쪽: 알려 온 크기만큼 도착할 때까지 조각을 제자리에 써 넣습니다. */
function receiveFile(channel: RTCDataChannel): Promise<Uint8Array<ArrayBuffer>> {
  channel.binaryType = 'arraybuffer';
  return new Promise((resolve) => {
    let file = new Uint8Array(0);
    let received = 0;
    channel.addEventListener('message', ({ data }) => {
      if (typeof data === 'string') {
        const header = JSON.parse(data) as { name: string; size: number };
        log(`bob: ${header.name} is coming, ${header.size} bytes`);
        file = new Uint8Array(header.size);
        progress.max = header.size;
        return;
      }
      const chunk = new Uint8Array(data as ArrayBuffer);
      file.set(chunk, received);
      received += chunk.byteLength;
      progress.value = received;
      if (received === file.byteLength) resolve(file);
    });
  });
}

const file = randomBytes(SIZE);
log(`alice: a file of ${SIZE} bytes, to go as ${SIZE / CHUNK} chunks of ${CHUNK}`);
sentHash.textContent = await sha256(file);

bob.addEventListener('datachannel', ({ channel }) => {
  const started = performance.now();
  void receiveFile(channel).then(async (bytes) => {
    log(`bob: ${bytes.byteLength} bytes in ${Math.round(performance.now() - started)} ms`);
    receivedHash.textContent = await sha256(bytes);
    const same = receivedHash.textContent === sentHash.textContent;
    document.querySelector<HTMLElement>(same ? '#same' : '#different')!.hidden = false;
  });
});

const channel = alice.createDataChannel('file');
channel.addEventListener('open', async () => {
  const pauses = await sendFile(channel, file);
  log(`alice: every chunk is handed to the channel, after waiting ${pauses} times for the buffer to drain`);
});

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

// TODO: 실행해 보십시오. 헤더는 도착하지만 진행 막대는 비어 있습니다. 위의 sendFile()을 채우십시오.
