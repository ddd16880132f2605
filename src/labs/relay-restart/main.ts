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
  // UDP only: over TCP, coturn going away would close the browser's connection and the call
  // would hear of it at once. Over UDP nothing tells it, as when a server crashes or loses power.
  iceServers = await turnCredentials({ transports: ['udp'] });
} catch (error) {
  problem.textContent = (error as Error).message;
  problem.hidden = false;
  throw error;
}

// 'relay': each side gathers only relay candidates, so coturn is the call's only path.
const config: RTCConfiguration = { iceServers, iceTransportPolicy: 'relay' };
const pc1 = new RTCPeerConnection(config);
const pc2 = new RTCPeerConnection(config);
pc1.addEventListener('icecandidate', ({ candidate }) => void pc2.addIceCandidate(candidate));
pc2.addEventListener('icecandidate', ({ candidate }) => void pc1.addIceCandidate(candidate));

// Every offer pc1 needs goes through here, the first one and the one an ICE restart asks for.
pc1.addEventListener('negotiationneeded', async () => {
  await pc1.setLocalDescription();
  await pc2.setRemoteDescription(pc1.localDescription!);
  await pc2.setLocalDescription();
  await pc1.setRemoteDescription(pc2.localDescription!);
});

/** pc1's selected pair, both ends as type address:port (Chromium names it on the transport, Firefox marks it `selected`). */
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

// The call: pc1 sends a numbered message every 200 ms; pc2 shows the latest and the longest silence.
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

pc1.addEventListener('iceconnectionstatechange', () => {
  show(`pc1 ICE: ${pc1.iceConnectionState}`);
  // TODO: when the state becomes 'disconnected' (a few seconds without answers to ICE's checks)
  //       or 'failed' (much later), the path is gone: call pc1.restartIce(). pc1 then fires
  //       'negotiationneeded', and both sides gather again, which allocates new relays.
});

await new Promise((resolve) => setTimeout(resolve, 1500));
const ms = await restartTurnServer();
show(`coturn restarted (${ms} ms): every relay it held is gone`);

/** Until ICE is connected on a pair other than `old` (new relays), or `seconds` have passed. */
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
