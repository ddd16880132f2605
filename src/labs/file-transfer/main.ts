import { log } from 'lab';

const SIZE = 1024 * 1024; // 1 MiB
const CHUNK = 16 * 1024; // 16 KiB: a message size every browser accepts
const HIGH_WATER = 256 * 1024; // pause sending while more than this waits in the buffer

const alice = new RTCPeerConnection();
const bob = new RTCPeerConnection();
alice.addEventListener('icecandidate', ({ candidate }) => void bob.addIceCandidate(candidate));
bob.addEventListener('icecandidate', ({ candidate }) => void alice.addIceCandidate(candidate));

const progress = document.querySelector<HTMLProgressElement>('#progress')!;
const sentHash = document.querySelector('#sent-hash')!;
const receivedHash = document.querySelector('#received-hash')!;

/** A file's worth of random bytes; getRandomValues fills at most 65,536 bytes per call. */
function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return bytes;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** alice's side: a header that announces the size, then the bytes. */
async function sendFile(channel: RTCDataChannel, bytes: Uint8Array<ArrayBuffer>): Promise<number> {
  let pauses = 0;
  channel.send(JSON.stringify({ name: 'random.bin', size: bytes.byteLength }));
  channel.bufferedAmountLowThreshold = HIGH_WATER;
  // TODO: send the bytes in CHUNK-sized pieces: channel.send(bytes.subarray(offset, offset + CHUNK)).
  //       Before each send, if channel.bufferedAmount > HIGH_WATER, wait for the channel's
  //       'bufferedamountlow' event (a Promise around addEventListener with { once: true }).
  //       Count each wait in pauses.
  return pauses;
}

/** bob's side: writes each chunk into place until the announced size has arrived. */
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

// TODO: Run it. The header arrives, the progress bar stays empty: fill in sendFile() above.
