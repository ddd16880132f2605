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

// 이 브라우저가 디코딩할 수 있는 코덱, 브라우저 자신의 선호 순서대로.
const codecs = RTCRtpReceiver.getCapabilities('video')?.codecs ?? [];
log('Video codecs this browser can receive:', [...new Set(codecs.map((codec) => codec.mimeType))]);

// 선호 순서는 트랜시버마다, 그 순서를 실어 갈 offer보다 먼저 정합니다. 목록은 getCapabilities()에서
// 가져와야 합니다. 나머지 코덱(RTX, RED, FEC 포함)을 VP9 뒤에 남겨 두면 브라우저가 물러설 곳이 생깁니다.
const transceiver = caller.getTransceivers().find((t) => t.sender === sender)!;
const isVp9 = (codec: RTCRtpCodec): boolean => codec.mimeType === 'video/VP9';
transceiver.setCodecPreferences([...codecs.filter(isVp9), ...codecs.filter((codec) => !isVp9(codec))]);

await caller.setLocalDescription();
await callee.setRemoteDescription(caller.localDescription!);
await callee.setLocalDescription();
await caller.setRemoteDescription(callee.localDescription!);

/** 미디어가 흐르기 시작하면 송신자의 outbound-rtp 스트림이 보고하는 코덱. */
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
