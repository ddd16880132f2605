import { log } from 'lab';

const rows = document.querySelector<HTMLTableSectionElement>('#candidates')!;
const gathering = document.querySelector<HTMLOutputElement>('#gathering')!;

/** Reads an a=candidate line: foundation, component, protocol, priority, address, port, then "typ" and the type. */
function parse(line: string): { type: string; protocol: string; address: string; port: string } {
  const fields = line.split(' ');
  return {
    // The type follows the keyword "typ": host, srflx, prflx or relay.
    type: /\btyp (\S+)/.exec(line)?.[1] ?? '?',
    protocol: fields[2] ?? '?',
    address: fields[4] ?? '?',
    port: fields[5] ?? '?',
  };
}

// One peer connection is enough to gather: nobody needs to answer. No iceServers, so
// expect host candidates only (a STUN server would add srflx, a TURN server relay).
const pc = new RTCPeerConnection({ iceServers: [] });
pc.addEventListener('icegatheringstatechange', () => {
  gathering.value = pc.iceGatheringState;
  log('gathering state:', pc.iceGatheringState);
});

let count = 0;
pc.addEventListener('icecandidate', ({ candidate }) => {
  // null is the end-of-candidates marker, not a candidate.
  if (!candidate) return;
  count += 1;
  const parsed = parse(candidate.candidate);
  log(`candidate ${count}, typ ${parsed.type}:`, candidate.candidate);
  const row = rows.insertRow();
  for (const text of [parsed.type, parsed.protocol, parsed.address, parsed.port]) row.insertCell().textContent = text;
});
log('gathering state:', pc.iceGatheringState);

// An offer with nothing in it gathers nothing: a data channel gives it a section to connect.
pc.createDataChannel('probe');
const complete = new Promise<void>((resolve) => {
  pc.addEventListener('icegatheringstatechange', () => {
    if (pc.iceGatheringState === 'complete') resolve();
  });
});
// Gathering starts when the local description is set.
await pc.setLocalDescription();
await complete;
log(`gathering complete: ${count} candidate(s)`);
