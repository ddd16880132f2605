import { log, restartTurnServer, turnCredentials } from 'lab';

const events = document.querySelector('#events')!;
const lastTick = document.querySelector('#last-tick')!;
const longestGap = document.querySelector('#longest-gap')!;
const problem = document.querySelector<HTMLElement>('#problem')!;

function show(text: string): void {
  events.append(Object.assign(document.createElement('li'), { textContent: text }));
  log(text);
}

let iceServers: RTCIceServer[];
try {
  // UDP만 씁니다. TCP라면 coturn이 사라질 때 브라우저의 연결이 닫혀서 통화가 곧바로 알아챕니다.
  // UDP에서는 아무것도 알려 주지 않습니다. 서버가 죽거나 전원이 나갔을 때와 같습니다.
  iceServers = await turnCredentials({ transports: ['udp'] });
} catch (error) {
  problem.textContent = (error as Error).message;
  problem.hidden = false;
  throw error;
}

// 'relay': 양쪽 모두 relay 후보만 모으므로 coturn이 통화의 유일한 경로가 됩니다.
const config: RTCConfiguration = { iceServers, iceTransportPolicy: 'relay' };
const pc1 = new RTCPeerConnection(config);
const pc2 = new RTCPeerConnection(config);
pc1.addEventListener('icecandidate', ({ candidate }) => void pc2.addIceCandidate(candidate));
pc2.addEventListener('icecandidate', ({ candidate }) => void pc1.addIceCandidate(candidate));

// pc1에 필요한 오퍼는 모두 여기를 거칩니다. 첫 오퍼도, ICE 재시작이 요청하는 오퍼도.
pc1.addEventListener('negotiationneeded', async () => {
  await pc1.setLocalDescription();
  await pc2.setRemoteDescription(pc1.localDescription!);
  await pc2.setLocalDescription();
  await pc1.setRemoteDescription(pc2.localDescription!);
});

/** pc1의 선택된 후보 쌍. 양 끝을 '종류 주소:포트'로 돌려줍니다(Chromium은 transport에 적고, Firefox는 쌍에 `selected`를 표시합니다). */
async function selectedPair(): Promise<string | null> {
  const stats = await pc1.getStats();
  let pair: RTCIceCandidatePairStats | undefined;
  stats.forEach((stat) => {
    if (stat.type === 'transport' && stat.selectedCandidatePairId) pair = stats.get(stat.selectedCandidatePairId);
  });
  stats.forEach((stat) => {
    if (!pair && stat.type === 'candidate-pair' && stat.selected) pair = stat;
  });
  if (!pair) return null;
  const end = (id: string) => {
    const candidate = stats.get(id);
    return `${candidate?.candidateType} ${candidate?.address}:${candidate?.port}`;
  };
  return `${end(pair.localCandidateId)} ⇄ ${end(pair.remoteCandidateId)}`;
}

// 통화: pc1이 200 ms마다 번호 붙은 메시지를 보내고, pc2는 마지막 메시지와 가장 길었던 끊김을 보여 줍니다.
const channel = pc1.createDataChannel('ticks');
let lastAt = 0;
let longest = 0;
pc2.addEventListener('datachannel', ({ channel: incoming }) => {
  incoming.addEventListener('message', ({ data }) => {
    const now = performance.now();
    if (lastAt) longest = Math.max(longest, now - lastAt);
    lastAt = now;
    lastTick.textContent = String(data);
    longestGap.textContent = `${(longest / 1000).toFixed(1)} s`;
  });
});
await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }));
let sent = 0;
setInterval(() => {
  if (channel.readyState === 'open') channel.send(`message ${++sent}`);
}, 200);
const before = await selectedPair();
show(`connected through coturn: ${before}`);

// ICE가 경로를 잃으면 재시작합니다. pc1이 'negotiationneeded'를 발생시키고, 새 오퍼에 새 ICE
// 자격 증명이 실리며, 양쪽이 후보를 다시 모으면서 서버에 새 릴레이를 할당받습니다.
// 'disconnected'는 ICE의 확인에 몇 초 동안 응답이 없으면 오고, 'failed'는 훨씬 나중에 옵니다.
pc1.addEventListener('iceconnectionstatechange', () => {
  show(`pc1 ICE: ${pc1.iceConnectionState}`);
  if (pc1.iceConnectionState === 'disconnected' || pc1.iceConnectionState === 'failed') {
    show('pc1: the path is gone, restarting ICE');
    pc1.restartIce();
  }
});

await new Promise((resolve) => setTimeout(resolve, 1500));
const ms = await restartTurnServer();
show(`coturn restarted (${ms} ms): every relay it held is gone`);

/** ICE가 `old`가 아닌 후보 쌍(새 릴레이)으로 연결될 때까지, 또는 `seconds`초가 지날 때까지 기다립니다. */
async function backOnNewPair(old: string | null, seconds: number): Promise<string | null> {
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    const pair = await selectedPair();
    const connected = pc1.iceConnectionState === 'connected' || pc1.iceConnectionState === 'completed';
    if (pair && pair !== old && connected) return pair;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

const after = await backOnNewPair(before, 12);
show(after ? `back, on new relays: ${after}` : 'still no path after 12 s: the call is lost');
