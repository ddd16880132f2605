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

// TODO: offer보다 먼저, `sender`의 트랜시버를 caller.getTransceivers()에서 찾으십시오. 그리고
//       `codecs`를 복사해 video/VP9 항목을 모두 맨 앞에 두고 나머지는 원래 순서대로 뒤에 붙인 목록을
//       transceiver.setCodecPreferences(...)에 넘기십시오.

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
// TODO: 먼저 그대로 실행해 보십시오. 브라우저 자신의 첫 번째 선택(Chromium에서는 VP8)이 쓰입니다.
//       그다음 위에 선호 순서를 넣고 다시 실행하십시오.
