import { log } from 'lab';

const localVideo = document.querySelector<HTMLVideoElement>('#local')!;
const channelState = document.querySelector<HTMLOutputElement>('#channel-state')!;

// addStream()은 명세에서 빠졌기 때문에 TypeScript의 DOM 타입에도 더는 선언되어 있지 않습니다.
// 옛 메서드의 모양을 이 인터페이스로 적어 두면 `any` 없이도 노트의 호출이 타입 검사를 통과합니다.
interface LegacyPeerConnection extends RTCPeerConnection {
  addStream(stream: MediaStream): void;
}

// 먼저 이 페이지에 무엇이 있는지 봅니다. 카메라와 마이크는 보안 컨텍스트에서만 쓸 수 있습니다.
// https:// 또는 http://localhost라야 하고, 평범한 http://192.168.x.x 페이지에는 navigator.mediaDevices가 없습니다.
log('isSecureContext:', isSecureContext);
log('typeof navigator.mediaDevices:', typeof navigator.mediaDevices);
log('typeof RTCPeerConnection:', typeof RTCPeerConnection);
log('typeof RTCDataChannel:', typeof RTCDataChannel);
log('typeof RTCPeerConnection.prototype.addStream:', typeof (RTCPeerConnection.prototype as LegacyPeerConnection).addStream);

// ---- 학습 노트의 예제, 쓰인 그대로(타입만 붙였습니다) ----
async function getMedia(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
}
function getPeerConnection(): RTCPeerConnection {
  return new RTCPeerConnection();
}
function getDataChannel(peerConnection: RTCPeerConnection): RTCDataChannel {
  return peerConnection.createDataChannel('chat');
}
const stream = await getMedia();
const peerConnection = getPeerConnection();
(peerConnection as LegacyPeerConnection).addStream(stream);
const dataChannel = getDataChannel(peerConnection);
dataChannel.onopen = () => console.log('open');
dataChannel.onmessage = (event) => console.log(event.data);
dataChannel.onclose = () => console.log('closed');
// ---- 노트는 여기까지 ----

// 노트는 카메라 영상을 화면에 띄우지도, 실제로 무엇을 받았는지 확인하지도 않습니다. 제약 조건에 쓴
// 숫자는 희망 사항일 뿐이므로, 브라우저가 실제로 준 값은 getSettings()로 확인합니다.
localVideo.srcObject = stream;
for (const track of stream.getTracks()) log(`${track.kind} track settings:`, track.getSettings());

// 채널은 'open'과 'close' 이벤트는 보내지만 기다리는 동안에는 아무 이벤트도 없습니다. 그래서
// 'connecting'에서 벗어날 때까지 1초마다 readyState를 읽어 화면에 보여 줍니다.
const createdAt = performance.now();
const watch = setInterval(showChannelState, 1000);
function showChannelState(): void {
  const seconds = Math.round((performance.now() - createdAt) / 1000);
  channelState.value = `${dataChannel.readyState}, ${seconds} s after createDataChannel()`;
  if (dataChannel.readyState !== 'connecting') clearInterval(watch);
}
showChannelState();
log('signalingState:', peerConnection.signalingState, '/ connectionState:', peerConnection.connectionState);

// TODO 1: 실행해 보십시오. 카메라는 재생되고 addStream()도 받아들여지지만 'open'은 끝내 출력되지 않습니다.
//         offer를 만든 적이 없고, 만들었다 해도 답해 줄 두 번째 피어가 없기 때문입니다.
// TODO 2: addStream()을 지금의 API로 바꾸십시오. stream.getTracks()의 트랙마다
//         peerConnection.addTrack(track, stream)을 호출합니다.
// TODO 3: 이 페이지 안에 반대쪽 끝을 만드십시오. getPeerConnection()을 한 번 더 호출하고, ICE 후보를
//         손으로 건네줍니다(한쪽의 'icecandidate' → 다른 쪽의 addIceCandidate(), 양방향 모두).
// TODO 4: 두 번째 피어의 'track' 이벤트로 받은 원격 영상을 video#remote에 띄우고, 'datachannel'
//         이벤트로 받은 채널에 도착하는 메시지를 출력하십시오.
// TODO 5: Promise로 offer/answer를 주고받으십시오. 첫 번째 피어에서 setLocalDescription(), 두 번째
//         피어에서 setRemoteDescription()과 setLocalDescription(), 그리고 answer를 첫 번째 피어에 돌려줍니다.
//         채널이 열리면 'hello from the study note'를 보내십시오.
