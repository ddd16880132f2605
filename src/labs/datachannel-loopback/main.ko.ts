import { log } from 'lab';

// 한 페이지 안의 두 피어입니다. 시그널링이라 해도 객체를 한쪽에서 다른 쪽으로 넘겨 주는 것뿐입니다.
const alice = new RTCPeerConnection();
const bob = new RTCPeerConnection();

// 양쪽은 ICE 후보를 찾는 대로 상대에게 넘깁니다(trickle ICE).
alice.addEventListener('icecandidate', (e) => void bob.addIceCandidate(e.candidate));
bob.addEventListener('icecandidate', (e) => void alice.addIceCandidate(e.candidate));

// 1. offer를 만들기 "전에" alice에서 데이터 채널을 만드세요: alice.createDataChannel('chat')
// 2. 채널이 열리면('open' 이벤트) 'hello, peer'라는 텍스트를 보내세요.
// 3. bob에서는 'datachannel' 이벤트를 듣고, 받은 채널의 'message' 이벤트에서
//    log(event.data)로 내용을 찍으세요.

// offer/answer 교환. 인자 없이 setLocalDescription()을 부르면 description을 알아서 만들어 줍니다.
await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

log('Signaling done; connection state:', alice.connectionState);
