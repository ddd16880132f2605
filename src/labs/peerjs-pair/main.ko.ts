import { log } from 'lab';
import { Peer } from 'peerjs';
import adapter from 'webrtc-adapter';

// webrtc-adapter는 import되는 순간 브라우저 간 차이를 메워 주고, 어떤 브라우저를 찾았는지도 알려 줍니다.
log('webrtc-adapter sees:', adapter.browserDetails.browser, adapter.browserDetails.version);

const list = document.querySelector('#events')!;
function show(text: string): void {
  list.append(Object.assign(document.createElement('li'), { textContent: text }));
  log(text);
}

/**
 * 이 사이트 자체의 PeerServer(이 페이지가 온 출처의 /peerjs에 있습니다)에 등록한 피어.
 * 두 피어가 같은 컴퓨터에 있으니 STUN도 TURN 서버도 필요 없습니다. iceServers를 빈 목록으로
 * 주면 PeerJS가 기본값인 공개 서버를 쓰지 않게 하는 효과도 있습니다.
 */
function createPeer(): Promise<Peer> {
  const secure = location.protocol === 'https:';
  const peer = new Peer({
    host: location.hostname,
    port: Number(location.port) || (secure ? 443 : 80),
    path: '/peerjs',
    secure,
    config: { iceServers: [] },
  });
  return new Promise((resolve, reject) => {
    peer.on('open', () => resolve(peer));
    peer.on('error', (error) => reject(error));
  });
}

const alice = await createPeer();
const bob = await createPeer();
show(`registered with the broker: alice is ${alice.id}, bob is ${bob.id}`);

// bob은 누군가 자신에게 연결해 오기를 기다립니다.
bob.on('connection', (connection) => {
  show(`bob: ${connection.peer} is connecting`);
  connection.on('data', (data) => show(`bob received: ${String(data)}`));
});

// TODO: id로 alice를 bob에게 연결하십시오: const connection = alice.connect(bob.id, { reliable: true, serialization: 'raw' }).
//       reliable: true를 주지 않으면 PeerJS 채널은 순서를 보장하지 않습니다. 'raw'는 문자열을
//       평범한 텍스트 메시지로 보냅니다. 연결의 'open' 이벤트에서 'hello through the broker'를 보내십시오.
//       브로커는 offer, answer, 후보만 나르고 메시지 자체는 피어끼리 직접 오갑니다.
