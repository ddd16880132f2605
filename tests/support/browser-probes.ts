/**
 * Small programs that observe what a browser does, run in a page of the site by the browser
 * facts test in Chromium and Firefox alike. Each is plain JavaScript source (not a function the
 * test runner would transpile), an async function body that returns a JSON value.
 */

/** Helpers every probe may use: a connected loopback pair, and waiting for a condition. */
const PRELUDE = `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out: ' + check.toString());
    await sleep(50);
  }
}
/** Two peer connections on this page, connected over loopback. */
async function connectedPair({ channel = false, stream = null } = {}) {
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  a.onicecandidate = ({ candidate }) => candidate && b.addIceCandidate(candidate);
  b.onicecandidate = ({ candidate }) => candidate && a.addIceCandidate(candidate);
  const dc = channel ? a.createDataChannel('probe') : null;
  const remote = channel ? new Promise((resolve) => (b.ondatachannel = ({ channel }) => resolve(channel))) : null;
  if (stream) for (const track of stream.getTracks()) a.addTrack(track, stream);
  await a.setLocalDescription();
  await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription();
  await a.setRemoteDescription(b.localDescription);
  await until(() => a.connectionState === 'connected' && b.connectionState === 'connected');
  if (dc && dc.readyState !== 'open') await new Promise((resolve) => dc.addEventListener('open', resolve, { once: true }));
  // The far end's channel arrives with 'datachannel', which may come before it is open.
  const far = await remote;
  if (far && far.readyState !== 'open') await new Promise((resolve) => far.addEventListener('open', resolve, { once: true }));
  return { a, b, dc, remote: far };
}
`;

export const PROBES = {
  /** What a page has where it runs: a secure context, the camera API, peer connections. */
  'insecure-context': `
    return { isSecureContext: globalThis.isSecureContext, mediaDevices: typeof navigator.mediaDevices, RTCPeerConnection: typeof RTCPeerConnection };`,

  /** Whether the legacy, removed-from-the-spec addStream still exists. */
  'add-stream': `return typeof RTCPeerConnection.prototype.addStream;`,

  /** What URL.createObjectURL does with a MediaStream. */
  'object-url-for-stream': `
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    try { URL.createObjectURL(stream); return 'accepted'; }
    catch (error) { return error.name; }
    finally { stream.getTracks().forEach((t) => t.stop()); }`,

  /** The size a camera opens at when a page asks for video: true. */
  'default-camera-size': `
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const { width, height } = stream.getVideoTracks()[0].getSettings();
    stream.getTracks().forEach((t) => t.stop());
    return width + 'x' + height;`,

  /** The format MediaRecorder picks for a camera stream when given none. */
  'recorder-default-type': `
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const recorder = new MediaRecorder(stream);
    recorder.start();
    await new Promise((resolve) => recorder.addEventListener('start', resolve, { once: true }));
    const type = recorder.mimeType;
    recorder.stop();
    stream.getTracks().forEach((t) => t.stop());
    return type;`,

  /** What send() does once the data channel's queue is full: how much it held, and what it threw. */
  'datachannel-send-queue': `
    const { a, b, dc } = await connectedPair({ channel: true });
    const chunk = new Uint8Array(64 * 1024);
    let thrown = 'none';
    // Stop at 64 MiB: a browser that never throws would otherwise queue without end.
    while (dc.bufferedAmount < 64 * 1024 * 1024) {
      try { dc.send(chunk); } catch (error) { thrown = error.name; break; }
    }
    const queuedMiB = Math.round(dc.bufferedAmount / 1024 / 1024);
    a.close(); b.close();
    return { thrown, queuedMiB };`,

  /** The largest data-channel message a browser offers to receive (SDP a=max-message-size) and what a pair of it agrees on. */
  'sctp-max-message-size': `
    const { a, b } = await connectedPair({ channel: true });
    const offered = Number(/a=max-message-size:(\\d+)/.exec(a.localDescription.sdp)?.[1] ?? -1);
    const agreed = a.sctp?.maxMessageSize ?? -1;
    a.close(); b.close();
    return { offered, agreed };`,

  /** Whether RTCIceTransport has getSelectedCandidatePair(). */
  'selected-candidate-pair-method': `
    return typeof globalThis.RTCIceTransport?.prototype.getSelectedCandidatePair;`,

  /** How getStats() names the candidate pair in use: through a transport, or a flag on the pair. */
  'selected-pair-in-stats': `
    const { a, b } = await connectedPair({ channel: true });
    await sleep(500);
    const report = [...(await a.getStats()).values()];
    const transport = report.find((s) => s.type === 'transport');
    const flagged = report.filter((s) => s.type === 'candidate-pair' && s.selected === true).length;
    a.close(); b.close();
    return { transportSelectedPairId: typeof transport?.selectedCandidatePairId === 'string', pairsFlaggedSelected: flagged };`,

  /** The iceConnectionState values a connected peer passes through during an ICE restart. */
  'ice-restart-states': `
    const { a, b } = await connectedPair({ channel: true });
    const seen = [];
    a.oniceconnectionstatechange = () => seen.push(a.iceConnectionState);
    const before = a.localDescription.sdp.match(/a=ice-ufrag:(\\S+)/)[1];
    a.restartIce();
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription);
    const after = a.localDescription.sdp.match(/a=ice-ufrag:(\\S+)/)[1];
    await sleep(2000);
    const state = a.iceConnectionState;
    a.close(); b.close();
    return { newUfrag: before !== after, changes: seen, state };`,

  /** The video codec a call uses when nobody sets codec preferences. */
  'default-video-codec': `
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const { a, b } = await connectedPair({ stream });
    let codec = '';
    await until(async () => {
      const report = [...(await a.getStats()).values()];
      const rtp = report.find((s) => s.type === 'outbound-rtp' && s.kind === 'video' && s.codecId);
      codec = rtp ? report.find((s) => s.id === rtp.codecId)?.mimeType ?? '' : '';
      return codec !== '';
    });
    a.close(); b.close(); stream.getTracks().forEach((t) => t.stop());
    return codec;`,

  /** Host candidates of a fresh page before and after it has camera access: addresses or .local names. */
  'host-candidates': `
    async function hostAddresses() {
      const pc = new RTCPeerConnection();
      pc.createDataChannel('probe');
      const addresses = [];
      pc.onicecandidate = ({ candidate }) => candidate && candidate.address && addresses.push(candidate.address);
      await pc.setLocalDescription();
      await until(() => pc.iceGatheringState === 'complete');
      pc.close();
      return addresses.length === 0 ? 'none' : addresses.every((a) => a.endsWith('.local')) ? 'mdns names' : 'addresses';
    }
    const withoutMedia = await hostAddresses();
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const withCamera = await hostAddresses();
    stream.getTracks().forEach((t) => t.stop());
    return { withoutMedia, withCamera };`,

  /** The fake microphone's level over two seconds: does it go quiet between sounds? */
  'fake-microphone-level': `
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const level = () => (analyser.getFloatTimeDomainData(samples), Math.max(...samples.map(Math.abs)));
    // From the first sound: the graph starts silent. On a loaded machine the audio thread also
    // drops a window now and then, so a steady tone may read quiet once or twice in forty.
    for (let waited = 0; waited < 2000 && level() < 0.01; waited += 50) await sleep(50);
    const levels = [];
    for (let i = 0; i < 40; i += 1) {
      await sleep(50);
      levels.push(level());
    }
    await context.close(); stream.getTracks().forEach((t) => t.stop());
    const quiet = levels.filter((l) => l < 0.01).length;
    const loud = levels.length - quiet;
    return loud === 0 ? 'silent' : quiet <= levels.length / 10 ? 'steady' : quiet >= levels.length / 4 && loud >= 3 ? 'beeps' : 'mostly one level';`,

  /** When a STUN server that never answers is reported, and how. */
  'unanswered-stun': `
    // A STUN server the test runs on loopback that reads every request and answers none.
    const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:' + PARAMS.silentStunPort }] });
    pc.createDataChannel('probe');
    const started = performance.now();
    const errors = [];
    // To the nearest 10 s: the lessons say "about 40 seconds", not a precise time.
    const since = () => Math.round((performance.now() - started) / 10000) * 10;
    pc.onicecandidateerror = (event) => errors.push({ code: event.errorCode, afterSeconds: since() });
    await pc.setLocalDescription();
    await until(() => pc.iceGatheringState === 'complete', 90000);
    const completeAfterSeconds = since();
    pc.close();
    return { errors, completeAfterSeconds };`,

  /**
   * Whole getStats() reports, as [...report.values()]: both ends of a fake camera + microphone
   * call once frames were decoded, and a data-channel-only pair after one message each way.
   */
  'stats-reports': `
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const call = await connectedPair({ stream });
    await until(async () => [...(await call.b.getStats()).values()].some((s) => s.type === 'inbound-rtp' && s.kind === 'video' && s.framesDecoded >= 30));
    const sender = [...(await call.a.getStats()).values()];
    const receiver = [...(await call.b.getStats()).values()];
    call.a.close(); call.b.close(); stream.getTracks().forEach((t) => t.stop());
    const data = await connectedPair({ channel: true });
    data.dc.send('ping');
    data.remote.send('pong');
    await sleep(500);
    const dataOnly = [...(await data.a.getStats()).values()];
    data.a.close(); data.b.close();
    const short = (report) => report.map((s) => s.type === 'certificate' ? { ...s, base64Certificate: s.base64Certificate.slice(0, 16) + '…' } : s);
    return { browser: navigator.userAgent, sender: short(sender), receiver: short(receiver), dataOnly: short(dataOnly) };`,

  /**
   * Real session descriptions: the offer and answer of a camera + microphone call and of a
   * data-channel-only pair, as setLocalDescription() left them and again once each side had
   * gathered every candidate (its localDescription then holds a=candidate lines).
   */
  'sdp-samples': `
    async function describe({ channel = false, stream = null }) {
      const a = new RTCPeerConnection();
      const b = new RTCPeerConnection();
      a.onicecandidate = ({ candidate }) => candidate && b.addIceCandidate(candidate);
      b.onicecandidate = ({ candidate }) => candidate && a.addIceCandidate(candidate);
      if (channel) a.createDataChannel('chat');
      if (stream) for (const track of stream.getTracks()) a.addTrack(track, stream);
      await a.setLocalDescription();
      const offer = a.localDescription.sdp;
      await b.setRemoteDescription(a.localDescription);
      await b.setLocalDescription();
      const answer = b.localDescription.sdp;
      await a.setRemoteDescription(b.localDescription);
      await until(() => a.iceGatheringState === 'complete' && b.iceGatheringState === 'complete');
      const gathered = { offer: a.localDescription.sdp, answer: b.localDescription.sdp };
      a.close(); b.close();
      return { initial: { offer, answer }, gathered };
    }
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const call = await describe({ stream });
    stream.getTracks().forEach((t) => t.stop());
    const dataOnly = await describe({ channel: true });
    return {
      browser: navigator.userAgent,
      call: call.initial,
      dataOnly: dataOnly.initial,
      callGathered: call.gathered,
      dataOnlyGathered: dataOnly.gathered,
    };`,
} as const;

export type ProbeId = keyof typeof PROBES;

/** What the test hands a probe: the port of a STUN server that never answers. */
export interface ProbeParams {
  readonly silentStunPort?: number;
}

/** The source a page evaluates: the parameters, the prelude, then the probe, in an async function expression. */
export function probeSource(id: ProbeId, params: ProbeParams = {}): string {
  return `(async () => {const PARAMS = ${JSON.stringify(params)};${PRELUDE}\n${PROBES[id]}\n})()`;
}
