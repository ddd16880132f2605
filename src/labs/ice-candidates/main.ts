import { log, turnCredentials } from 'lab';

const urlField = document.querySelector<HTMLInputElement>('#url')!;
const usernameField = document.querySelector<HTMLInputElement>('#username')!;
const credentialField = document.querySelector<HTMLInputElement>('#credential')!;
const relayOnly = document.querySelector<HTMLInputElement>('#relay-only')!;
const gathering = document.querySelector<HTMLOutputElement>('#gathering')!;
const rows = document.querySelector<HTMLTableSectionElement>('#candidates')!;
const errors = document.querySelector<HTMLUListElement>('#errors')!;

/**
 * A candidate's priority packs three numbers into 32 bits (RFC 8445 §5.1.2.1): the type
 * preference (host highest, relay lowest), the local preference (which interface or TURN
 * transport this browser prefers), and 256 minus the component (1 = RTP; RTCP's 2 is rare now that RTCP shares the port).
 * `>>>` rather than `>>`: a priority can exceed 2^31, and `>>` would read it as negative.
 */
function decodePriority(priority: number): { typePreference: number; localPreference: number; component: number } {
  return {
    typePreference: priority >>> 24,
    // TODO 3: the local preference is the next 16 bits, (priority >>> 8) & 0xffff, and the
    //         component is 256 minus the lowest 8 bits, 256 - (priority & 0xff).
    localPreference: 0,
    component: 0,
  };
}

/** The ICE server the form describes; none while the URL field is empty. */
function serversFromForm(): RTCIceServer[] {
  const urls = urlField.value.split(/\s+/).filter((url) => url !== '');
  // TODO 1: no server is used yet, so only host candidates come. When there are urls, return one
  //         server: [{ urls, username: usernameField.value, credential: credentialField.value }].
  //         (STUN ignores username and credential; TURN needs both.)
  log(`the form names ${urls.length} URL(s), not used yet`);
  return [];
}

/** The page's explanation of an error code, in the page's language (index.html holds them). */
function explain(code: number): string {
  const kind = code === 401 || code === 701 ? String(code) : code >= 300 && code <= 699 ? 'stun' : 'other';
  return document.querySelector(`[data-why="${kind}"]`)?.textContent ?? '';
}

function showCandidate(candidate: RTCIceCandidate, ms: number): void {
  // Chromium and Firefox both fill these fields from the candidate line (Firefox writes UDP/TCP
  // in the line, but lowercase in .protocol); they are null only in the empty end-of-candidates entry.
  const priority = candidate.priority ?? 0;
  const { typePreference, localPreference, component } = decodePriority(priority);
  const related = candidate.relatedAddress === null ? '' : `${candidate.relatedAddress}:${candidate.relatedPort ?? ''}`;
  const cells = [
    ms.toFixed(0),
    candidate.type ?? '?',
    candidate.protocol ?? '?',
    // tcptype: which side opens a TCP connection ("active" dials out, port 9 is a placeholder).
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
 * How the browser reached the TURN server for each relay candidate (udp, tcp or tls). The
 * candidate itself does not say so in both browsers: Firefox has no RTCIceCandidate.relayProtocol
 * (nor .url), so read it from getStats(), where both browsers report it.
 */
async function showRelayProtocols(connection: RTCPeerConnection): Promise<void> {
  const report = await connection.getStats();
  report.forEach((value) => {
    // A stats report holds many kinds of entry; only the fields read here are described.
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
  // 'relay' offers only candidates allocated on a TURN server: the way to prove a TURN server
  // works, since host candidates would otherwise connect first and hide a broken relay.
  // TODO 2: use 'relay' when the "Relay only" box is ticked (relayOnly.checked).
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
    // null marks the end of gathering; Firefox also hands out an empty candidate before it.
    if (!candidate || candidate.candidate === '') return;
    showCandidate(candidate, performance.now() - started);
  });
  current.addEventListener('icecandidateerror', (event) => {
    log(`icecandidateerror ${event.errorCode} from ${event.url}: ${event.errorText}`);
    showError(event);
  });
  // Nothing to negotiate means nothing to gather: a data channel gives the offer a section.
  current.createDataChannel('probe');
  log(`gathering with ${JSON.stringify(iceServers.map((server) => server.urls))}, policy ${iceTransportPolicy}`);
  await current.setLocalDescription();
}

/** Fills the form with fresh credentials for the TURN server this site runs (coturn on this computer). */
async function useLocalServer(): Promise<void> {
  try {
    const [server] = await turnCredentials();
    if (!server) return;
    urlField.value = typeof server.urls === 'string' ? server.urls : server.urls.join(' ');
    usernameField.value = server.username ?? '';
    credentialField.value = server.credential ?? '';
    log("Filled in this site's coturn; the username starts with the credential's expiry time:", server.username);
  } catch (error) {
    // No coturn running: the message says how to install it.
    log((error as Error).message);
  }
}

// A click on Gather right after "Use this site's coturn" waits for the credentials to arrive.
let filling: Promise<void> = Promise.resolve();
document.querySelector('#use-local')!.addEventListener('click', () => {
  filling = useLocalServer();
});
document.querySelector('#gather')!.addEventListener('click', () => {
  filling.then(gather).catch((error: unknown) => log('Could not gather:', error));
});

log("Ready: fill in a server (or use this site's coturn), then click Gather.");
