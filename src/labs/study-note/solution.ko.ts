import { log } from 'lab';

const localVideo = document.querySelector<HTMLVideoElement>('#local')!;
const remoteVideo = document.querySelector<HTMLVideoElement>('#remote')!;
const channelState = document.querySelector<HTMLOutputElement>('#channel-state')!;

// 노트의 세 도우미 함수는 그대로 둡니다. getUserMedia, RTCPeerConnection, createDataChannel은
// 지금도 쓰는 API입니다. 바뀐 것은 이 조각들을 짜 맞추는 방식입니다.
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
localVideo.srcObject = stream;
for (const track of stream.getTracks()) log(`${track.kind} track settings:`, track.getSettings());

// 채널은 누군가 응답해야 열립니다. 여기서는 이 페이지 안의 두 번째 피어가 반대쪽 끝입니다.
const peerConnection = getPeerConnection();
const otherPeer = getPeerConnection();
// 손으로 하는 trickle ICE: 후보를 찾는 즉시 상대 피어에 넘겨줍니다.
peerConnection.addEventListener('icecandidate', ({ candidate }) => void otherPeer.addIceCandidate(candidate));
otherPeer.addEventListener('icecandidate', ({ candidate }) => void peerConnection.addIceCandidate(candidate));

// addStream() 대신 addTrack()을 씁니다. 트랙마다 송신자(sender)가 하나씩 생기고, 스트림은 어떤 트랙들이
// 한 묶음인지 상대에게 알려 줍니다. 트랙과 채널을 offer보다 먼저 만들었으니 offer에 둘 다 담깁니다.
for (const track of stream.getTracks()) peerConnection.addTrack(track, stream);
const dataChannel = getDataChannel(peerConnection);

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

dataChannel.onopen = () => {
  console.log('open');
  showChannelState();
  dataChannel.send('hello from the study note');
};
dataChannel.onmessage = (event) => console.log(event.data);
dataChannel.onclose = () => {
  console.log('closed');
  showChannelState();
};

// 반대쪽 끝: 들어오는 트랙마다 'track'이 한 번씩 발생하고(오디오와 비디오는 한 스트림에 속합니다),
// 첫 번째 피어가 만든 채널은 'datachannel' 이벤트로 도착합니다.
otherPeer.addEventListener('track', ({ track, streams }) => {
  log(`other peer: got a ${track.kind} track`);
  if (track.kind === 'video') remoteVideo.srcObject = streams[0] ?? new MediaStream([track]);
});
otherPeer.addEventListener('datachannel', ({ channel }) => {
  channel.addEventListener('message', ({ data }) => log(`other peer received on '${channel.label}':`, data));
});

// Promise로 하는 offer/answer. 인자 없이 부른 setLocalDescription()은 offer나 answer를 알아서 만듭니다.
await peerConnection.setLocalDescription();
await otherPeer.setRemoteDescription(peerConnection.localDescription!);
await otherPeer.setLocalDescription();
await peerConnection.setRemoteDescription(otherPeer.localDescription!);
log('signalingState:', peerConnection.signalingState, '/ connectionState:', peerConnection.connectionState);
