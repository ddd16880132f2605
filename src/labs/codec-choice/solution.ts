import { log } from 'lab';

const localVideo = document.querySelector<HTMLVideoElement>('#local')!;
const remoteVideo = document.querySelector<HTMLVideoElement>('#remote')!;
const codecOutput = document.querySelector<HTMLOutputElement>('#codec')!;

const caller = new RTCPeerConnection();
const callee = new RTCPeerConnection();
caller.addEventListener('icecandidate', ({ candidate }) => void callee.addIceCandidate(candidate));
callee.addEventListener('icecandidate', ({ candidate }) => void caller.addIceCandidate(candidate));

const camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
localVideo.srcObject = camera;
const [track] = camera.getVideoTracks();
const sender = caller.addTrack(track!, camera);
callee.addEventListener('track', ({ streams }) => {
  remoteVideo.srcObject = streams[0] ?? null;
});

// What this browser can decode, in its own order of preference.
const codecs = RTCRtpReceiver.getCapabilities('video')?.codecs ?? [];
log('Video codecs this browser can receive:', [...new Set(codecs.map((codec) => codec.mimeType))]);

// Preferences are set per transceiver, before the offer that carries them. The list must
// come from getCapabilities(); keeping the other codecs (RTX, RED, FEC among them) after VP9
// leaves the browser something to fall back to.
const transceiver = caller.getTransceivers().find((t) => t.sender === sender)!;
const isVp9 = (codec: RTCRtpCodec): boolean => codec.mimeType === 'video/VP9';
transceiver.setCodecPreferences([...codecs.filter(isVp9), ...codecs.filter((codec) => !isVp9(codec))]);

await caller.setLocalDescription();
await callee.setRemoteDescription(caller.localDescription!);
await callee.setLocalDescription();
await caller.setRemoteDescription(callee.localDescription!);

/** The codec the sender's outbound-rtp stream reports, once media flows. */
async function codecInUse(): Promise<string> {
  for (;;) {
    const report = await sender.getStats();
    for (const stat of report.values()) {
      if (stat.type === 'outbound-rtp' && stat.codecId) return report.get(stat.codecId)?.mimeType ?? 'unknown';
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
codecOutput.value = await codecInUse();
log('caller sends', codecOutput.value);
