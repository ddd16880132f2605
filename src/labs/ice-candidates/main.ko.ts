import { log, turnCredentials } from 'lab';

const urlField = document.querySelector<HTMLInputElement>('#url')!;
const usernameField = document.querySelector<HTMLInputElement>('#username')!;
const credentialField = document.querySelector<HTMLInputElement>('#credential')!;
const relayOnly = document.querySelector<HTMLInputElement>('#relay-only')!;
const gathering = document.querySelector<HTMLOutputElement>('#gathering')!;
const rows = document.querySelector<HTMLTableSectionElement>('#candidates')!;
const errors = document.querySelector<HTMLUListElement>('#errors')!;

/**
 * 후보의 우선순위는 32비트 안에 숫자 세 개를 담고 있습니다(RFC 8445 §5.1.2.1).
 * - 종류 선호도: host가 가장 높고 relay가 가장 낮습니다.
 * - 로컬 선호도: 이 브라우저가 어느 인터페이스나 TURN 전송 방식을 더 좋아하는지 나타냅니다.
 * - 256에서 컴포넌트를 뺀 값: 1은 RTP입니다. RTCP가 같은 포트를 쓰는 지금은 2를 보기 어렵습니다.
 * `>>` 대신 `>>>`를 쓰는 까닭: 우선순위는 2^31을 넘을 수 있는데, `>>`는 그런 값을 음수로 읽습니다.
 */
function decodePriority(priority: number): { typePreference: number; localPreference: number; component: number } {
  return {
    typePreference: priority >>> 24,
    // TODO 3: 로컬 선호도는 그다음 16비트인 (priority >>> 8) & 0xffff이고,
    //         컴포넌트는 256에서 가장 낮은 8비트를 뺀 256 - (priority & 0xff)입니다.
    localPreference: 0,
    component: 0,
  };
}

/** 양식에 적힌 ICE 서버입니다. URL 칸이 비어 있으면 서버는 없습니다. */
function serversFromForm(): RTCIceServer[] {
  const urls = urlField.value.split(/\s+/).filter((url) => url !== '');
  // TODO 1: 아직 서버를 쓰지 않으므로 host 후보만 나옵니다. urls가 있으면 서버 하나를 돌려주십시오:
  //         [{ urls, username: usernameField.value, credential: credentialField.value }].
  //         (STUN은 사용자 이름과 자격 증명을 무시하고, TURN은 둘 다 있어야 합니다.)
  log(`the form names ${urls.length} URL(s), not used yet`);
  return [];
}

/** 오류 코드에 대한 설명을 페이지의 언어로 가져옵니다(설명은 index.html에 들어 있습니다). */
function explain(code: number): string {
  const kind = code === 401 || code === 701 ? String(code) : code >= 300 && code <= 699 ? 'stun' : 'other';
  return document.querySelector(`[data-why="${kind}"]`)?.textContent ?? '';
}

function showCandidate(candidate: RTCIceCandidate, ms: number): void {
  // Chromium과 Firefox 모두 후보 줄을 읽어 이 필드들을 채웁니다(Firefox는 줄에는 UDP/TCP라고 쓰지만
  // .protocol은 소문자입니다). 값이 null인 것은 후보 끝을 알리는 빈 항목뿐입니다.
  const priority = candidate.priority ?? 0;
  const { typePreference, localPreference, component } = decodePriority(priority);
  const related = candidate.relatedAddress === null ? '' : `${candidate.relatedAddress}:${candidate.relatedPort ?? ''}`;
  const cells = [
    ms.toFixed(0),
    candidate.type ?? '?',
    candidate.protocol ?? '?',
    // tcptype: TCP 연결을 어느 쪽이 여는지 나타냅니다("active"는 먼저 연결을 걸며, 포트 9는 자리 표시일 뿐입니다).
    candidate.tcpType ?? '',
    candidate.address ?? '?',
    String(candidate.port ?? '?'),
    String(priority),
    String(typePreference),
    String(localPreference),
    String(component),
    related,
  ];
  const row = rows.insertRow();
  row.dataset['line'] = candidate.candidate;
  row.dataset['key'] = `${candidate.address} ${candidate.port}`;
  for (const text of cells) row.insertCell().textContent = text;
}

/**
 * relay 후보마다 브라우저가 TURN 서버에 어떻게(udp, tcp, tls) 닿았는지 적습니다. 후보 자체로는
 * 두 브라우저 모두에서 알 수 없습니다. Firefox에는 RTCIceCandidate.relayProtocol도 .url도 없으니,
 * 두 브라우저가 모두 알려 주는 getStats()에서 읽습니다.
 */
async function showRelayProtocols(connection: RTCPeerConnection): Promise<void> {
  const report = await connection.getStats();
  report.forEach((value) => {
    // 통계 보고서에는 여러 종류의 항목이 섞여 있으므로, 여기서 읽는 필드만 타입으로 적어 둡니다.
    const stat = value as { type: string; candidateType?: string; address?: string; port?: number; relayProtocol?: string };
    if (stat.type !== 'local-candidate' || stat.candidateType !== 'relay' || !stat.relayProtocol) return;
    const row = [...rows.rows].find((each) => each.dataset['key'] === `${stat.address} ${stat.port}`);
    const cell = row?.cells[3];
    if (cell) cell.textContent = `TURN over ${stat.relayProtocol}`;
  });
}

function showError(event: RTCPeerConnectionIceErrorEvent): void {
  const item = document.createElement('li');
  item.dataset['code'] = String(event.errorCode);
  const what = document.createElement('code');
  what.textContent = `${event.url} → ${event.errorCode} ${event.errorText}`;
  const why = document.createElement('p');
  why.textContent = explain(event.errorCode);
  item.append(what, why);
  errors.append(item);
}

let pc: RTCPeerConnection | undefined;

async function gather(): Promise<void> {
  pc?.close();
  rows.replaceChildren();
  errors.replaceChildren();
  const iceServers = serversFromForm();
  // 'relay'는 TURN 서버에서 할당받은 후보만 내놓습니다. TURN 서버가 제대로 동작하는지 증명하는 방법입니다.
  // 그러지 않으면 host 후보가 먼저 연결되어 고장 난 릴레이를 가려 버립니다.
  // TODO 2: "relay만" 상자에 표시되어 있으면(relayOnly.checked) 'relay'를 쓰십시오.
  const iceTransportPolicy: RTCIceTransportPolicy = 'all';
  if (relayOnly.checked) log('"Relay only" is ticked, but not used yet');
  const started = performance.now();
  const current = new RTCPeerConnection({ iceServers, iceTransportPolicy });
  pc = current;
  gathering.value = current.iceGatheringState;
  current.addEventListener('icegatheringstatechange', () => {
    gathering.value = current.iceGatheringState;
    if (current.iceGatheringState !== 'complete') return;
    log(`gathering complete after ${(performance.now() - started).toFixed(0)} ms: ${rows.rows.length} candidate(s)`);
    showRelayProtocols(current).catch((error: unknown) => log('Could not read the stats:', error));
  });
  current.addEventListener('icecandidate', ({ candidate }) => {
    // null은 수집이 끝났다는 표시입니다. Firefox는 그 앞에 빈 후보도 하나 건넵니다.
    if (!candidate || candidate.candidate === '') return;
    showCandidate(candidate, performance.now() - started);
  });
  current.addEventListener('icecandidateerror', (event) => {
    log(`icecandidateerror ${event.errorCode} from ${event.url}: ${event.errorText}`);
    showError(event);
  });
  // 협상할 것이 없으면 수집할 것도 없습니다. 데이터 채널이 offer에 섹션을 하나 만들어 줍니다.
  current.createDataChannel('probe');
  log(`gathering with ${JSON.stringify(iceServers.map((server) => server.urls))}, policy ${iceTransportPolicy}`);
  await current.setLocalDescription();
}

/** 이 사이트가 돌리는 TURN 서버(이 컴퓨터의 coturn)의 새 자격 증명으로 양식을 채웁니다. */
async function useLocalServer(): Promise<void> {
  try {
    const [server] = await turnCredentials();
    if (!server) return;
    urlField.value = typeof server.urls === 'string' ? server.urls : server.urls.join(' ');
    usernameField.value = server.username ?? '';
    credentialField.value = server.credential ?? '';
    log("Filled in this site's coturn; the username starts with the credential's expiry time:", server.username);
  } catch (error) {
    // coturn이 돌고 있지 않습니다. 메시지에 설치 방법이 나옵니다.
    log((error as Error).message);
  }
}

// "이 사이트의 coturn 사용" 바로 뒤에 수집을 누르면, 자격 증명이 도착할 때까지 기다렸다가 수집합니다.
let filling: Promise<void> = Promise.resolve();
document.querySelector('#use-local')!.addEventListener('click', () => {
  filling = useLocalServer();
});
document.querySelector('#gather')!.addEventListener('click', () => {
  filling.then(gather).catch((error: unknown) => log('Could not gather:', error));
});

log("Ready: fill in a server (or use this site's coturn), then click Gather.");
