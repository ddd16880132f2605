import { log } from 'lab';

const rows = document.querySelector<HTMLTableSectionElement>('#candidates')!;
const gathering = document.querySelector<HTMLOutputElement>('#gathering')!;

/** a=candidate 줄을 읽습니다: foundation, component, protocol, priority, address, port, 그다음 "typ"과 종류. */
function parse(line: string): { type: string; protocol: string; address: string; port: string } {
  const fields = line.split(' ');
  return {
    // TODO 1: 종류는 "typ" 다음 단어입니다(host, srflx, prflx, relay 중 하나).
    //         정규 표현식 /\btyp (\S+)/ 같은 것으로 찾아 보십시오.
    type: '?',
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

// TODO 2: 아직 아무것도 수집하지 않습니다. offer에 연결할 거리를 주고(pc.createDataChannel('probe')),
//         수집을 시작하십시오: await pc.setLocalDescription().
// TODO 3: pc.iceGatheringState가 'complete'가 될 때까지('icegatheringstatechange' 이벤트가 알려 줍니다)
//         기다린 뒤 log(`gathering complete: ${count} candidate(s)`)를 호출하십시오.
