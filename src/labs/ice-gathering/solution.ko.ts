import { log } from 'lab';

const rows = document.querySelector<HTMLTableSectionElement>('#candidates')!;
const gathering = document.querySelector<HTMLOutputElement>('#gathering')!;

/** a=candidate 줄을 읽습니다: foundation, component, protocol, priority, address, port, 그다음 "typ"과 종류. */
function parse(line: string): { type: string; protocol: string; address: string; port: string } {
  const fields = line.split(' ');
  return {
    // 종류는 키워드 "typ" 뒤에 옵니다: host, srflx, prflx, relay.
    type: /\btyp (\S+)/.exec(line)?.[1] ?? '?',
    protocol: fields[2] ?? '?',
    address: fields[4] ?? '?',
    port: fields[5] ?? '?',
  };
}

// 후보 수집에는 피어 연결 하나면 충분합니다. 응답할 상대가 없어도 됩니다. iceServers가 없으니
// host 후보만 나올 것입니다(STUN 서버가 있으면 srflx가, TURN 서버가 있으면 relay가 더해집니다).
const pc = new RTCPeerConnection({ iceServers: [] });
pc.addEventListener('icegatheringstatechange', () => {
  gathering.value = pc.iceGatheringState;
  log('gathering state:', pc.iceGatheringState);
});

let count = 0;
pc.addEventListener('icecandidate', ({ candidate }) => {
  // null은 후보가 아니라 후보가 끝났다는 표시입니다.
  if (!candidate) return;
  count += 1;
  const parsed = parse(candidate.candidate);
  log(`candidate ${count}, typ ${parsed.type}:`, candidate.candidate);
  const row = rows.insertRow();
  for (const text of [parsed.type, parsed.protocol, parsed.address, parsed.port]) row.insertCell().textContent = text;
});
log('gathering state:', pc.iceGatheringState);

// 아무것도 담지 않은 offer는 아무것도 수집하지 않습니다. 데이터 채널이 연결할 섹션을 만들어 줍니다.
pc.createDataChannel('probe');
const complete = new Promise<void>((resolve) => {
  pc.addEventListener('icegatheringstatechange', () => {
    if (pc.iceGatheringState === 'complete') resolve();
  });
});
// 수집은 로컬 설명을 설정할 때 시작됩니다.
await pc.setLocalDescription();
await complete;
log(`gathering complete: ${count} candidate(s)`);
