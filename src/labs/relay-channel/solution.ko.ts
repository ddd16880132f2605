import { log, turnCredentials } from 'lab';

const SIZE = 1024 * 1024; // 1 MiB
const CHUNK = 16 * 1024; // 16 KiB: 어느 브라우저든 받아 주는 메시지 크기
const HIGH_WATER = 256 * 1024; // 버퍼에 이보다 많이 쌓여 있으면 보내기를 멈춤

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
  // TurnUnavailableError의 메시지에는 로컬 coturn이 없는 이유와 설치 방법이 들어 있습니다.
  showProblem((error as Error).message);
  throw error;
}
log('TURN server:', iceServers.flatMap((server) => server.urls));

// 'relay': 양쪽 모두 relay 후보(coturn 위의 주소)만 모읍니다. 그래서 두 피어가 한 페이지에
// 있어도 ICE가 시도할 수 있는 쌍은 모두 TURN 서버를 거칩니다.
const config: RTCConfiguration = { iceServers, iceTransportPolicy: 'relay' };
const alice = new RTCPeerConnection(config);
const bob = new RTCPeerConnection(config);
alice.addEventListener('icecandidate', ({ candidate }) => void bob.addIceCandidate(candidate));
bob.addEventListener('icecandidate', ({ candidate }) => void alice.addIceCandidate(candidate));
for (const [name, pc] of [['alice', alice], ['bob', bob]] as const) {
  // 401은 자격 증명이 거부됨, 701은 서버에 닿지 못함을 뜻합니다.
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

/** ICE가 실제로 쓰는 후보 쌍(transport 통계가 가리키는 쌍)에서 이 쪽 끝의 후보. */
async function selectedLocalCandidate(pc: RTCPeerConnection) {
  const stats = await pc.getStats();
  let pair: RTCIceCandidatePairStats | undefined;
  stats.forEach((s) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId);
  });
  if (!pair) throw new Error('no selected candidate pair yet');
  // 이 쪽 끝의 후보입니다. relayProtocol은 로컬 후보만 알고 있습니다.
  return stats.get(pair.localCandidateId);
}

function showCandidate(end: 'alice' | 'bob', candidate: { candidateType: string; protocol: string; relayProtocol?: string; address: string; port: number }) {
  const fields = { type: candidate.candidateType, protocol: candidate.protocol, relay: candidate.relayProtocol ?? '—', address: `${candidate.address}:${candidate.port}` };
  for (const [field, text] of Object.entries(fields)) document.querySelector(`#${end}-${field}`)!.textContent = text;
}

/** alice 쪽: 바이트를 조각으로 나눠 보내고, 송신 버퍼가 상한을 넘으면 빠질 때까지 기다립니다. */
async function send(channel: RTCDataChannel, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  channel.bufferedAmountLowThreshold = HIGH_WATER;
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
    if (channel.bufferedAmount > HIGH_WATER) {
      await new Promise((resolve) => channel.addEventListener('bufferedamountlow', resolve, { once: true }));
    }
    channel.send(bytes.subarray(offset, offset + CHUNK));
  }
}

/** bob 쪽: 전부 도착할 때까지 받은 바이트를 셉니다. */
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
// getRandomValues는 한 번에 최대 65,536바이트까지만 채웁니다.
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
