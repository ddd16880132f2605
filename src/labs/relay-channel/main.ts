import { log, turnCredentials } from 'lab';

const SIZE = 1024 * 1024; // 1 MiB
const CHUNK = 16 * 1024; // 16 KiB: a message size every browser accepts
const HIGH_WATER = 256 * 1024; // pause sending while more than this waits in the buffer

const problem = document.querySelector<HTMLElement>('#problem')!;
const progress = document.querySelector<HTMLProgressElement>('#progress')!;
const receivedOut = document.querySelector<HTMLOutputElement>('#received')!;

function showProblem(message: string): void {
  problem.textContent = message;
  problem.hidden = false;
}

let iceServers: RTCIceServer[];
try {
  iceServers = await turnCredentials();
} catch (error) {
  // A TurnUnavailableError says why there is no local coturn and how to install it.
  showProblem((error as Error).message);
  throw error;
}
log('TURN server:', iceServers.flatMap((server) => server.urls));

// Both peers know the TURN server, yet run this and look at the pair: ICE prefers the direct
// host pair, since both peers share this page. Make it relay-only: add
// iceTransportPolicy: 'relay', so each side gathers only relay candidates (addresses on coturn).
const config: RTCConfiguration = { iceServers };
const alice = new RTCPeerConnection(config);
const bob = new RTCPeerConnection(config);
alice.addEventListener('icecandidate', ({ candidate }) => void bob.addIceCandidate(candidate));
bob.addEventListener('icecandidate', ({ candidate }) => void alice.addIceCandidate(candidate));
for (const [name, pc] of [['alice', alice], ['bob', bob]] as const) {
  // 401: the credential was refused; 701: the server could not be reached.
  pc.addEventListener('icecandidateerror', (event) => log(`${name}: icecandidateerror ${event.errorCode} ${event.errorText} (${event.url})`));
}

const started = performance.now();
const connected = new Promise<number>((resolve, reject) => {
  alice.addEventListener('connectionstatechange', () => {
    log('alice:', alice.connectionState);
    if (alice.connectionState === 'connected') resolve(performance.now() - started);
    if (alice.connectionState === 'failed') reject(new Error('ICE failed: no candidate pair connected'));
  });
});

/** This end's candidate in the pair ICE sends on, which the transport's stats name. */
async function selectedLocalCandidate(pc: RTCPeerConnection) {
  const stats = await pc.getStats();
  let pair: RTCIceCandidatePairStats | undefined;
  stats.forEach((s) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId);
  });
  if (!pair) throw new Error('no selected candidate pair yet');
  // This end's candidate of the pair: only a local candidate knows its relayProtocol.
  return stats.get(pair.localCandidateId);
}

function showCandidate(end: 'alice' | 'bob', candidate: { candidateType: string; protocol: string; relayProtocol?: string; address: string; port: number }) {
  const fields = { type: candidate.candidateType, protocol: candidate.protocol, relay: candidate.relayProtocol ?? '—', address: `${candidate.address}:${candidate.port}` };
  for (const [field, text] of Object.entries(fields)) document.querySelector(`#${end}-${field}`)!.textContent = text;
}

/** alice's side: the bytes in chunks, waiting whenever the send buffer is past the high-water mark. */
async function send(channel: RTCDataChannel, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  channel.bufferedAmountLowThreshold = HIGH_WATER;
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
    if (channel.bufferedAmount > HIGH_WATER) {
      await new Promise((resolve) => channel.addEventListener('bufferedamountlow', resolve, { once: true }));
    }
    channel.send(bytes.subarray(offset, offset + CHUNK));
  }
}

/** bob's side: counts bytes until all of them are there. */
const received = new Promise<number>((resolve) => {
  bob.addEventListener('datachannel', ({ channel }) => {
    channel.binaryType = 'arraybuffer';
    let count = 0;
    channel.addEventListener('message', ({ data }) => {
      count += (data as ArrayBuffer).byteLength;
      progress.value = count;
      receivedOut.value = String(count);
      if (count >= SIZE) resolve(count);
    });
  });
});

const payload = new Uint8Array(SIZE);
// getRandomValues fills at most 65,536 bytes per call.
for (let offset = 0; offset < SIZE; offset += 65536) crypto.getRandomValues(payload.subarray(offset, offset + 65536));

const channel = alice.createDataChannel('relay');
const opened = new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }));

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

try {
  const connectMs = await connected;
  document.querySelector('#connect-time')!.textContent = `${Math.round(connectMs)} ms`;
  log(`alice: connected after ${Math.round(connectMs)} ms`);
} catch (error) {
  showProblem((error as Error).message);
  throw error;
}
await opened;

const aliceEnd = await selectedLocalCandidate(alice);
const bobEnd = await selectedLocalCandidate(bob);
showCandidate('alice', aliceEnd);
showCandidate('bob', bobEnd);
for (const [name, end] of [['alice', aliceEnd], ['bob', bobEnd]] as const) {
  log(`${name}: ${end.candidateType} ${end.protocol} ${end.address}:${end.port}, relayProtocol ${end.relayProtocol ?? '—'}`);
}

const sendStart = performance.now();
await send(channel, payload);
const bytes = await received;
const ms = performance.now() - sendStart;
document.querySelector('#transfer-time')!.textContent = `${Math.round(ms)} ms`;
log(`bob: ${bytes} bytes in ${Math.round(ms)} ms (${((bytes / ms) * 1000 / 1048576).toFixed(1)} MiB/s)`);
