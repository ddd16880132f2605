import { log, room } from 'lab';
import type { MediaConnection } from 'peerjs';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;

// 내 카메라와 마이크. 내 목소리가 다시 들리지 않도록 로컬 미리보기는 음소거합니다.
const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = stream;

// 이 실습의 방에 들어갑니다. 짝 탭은 반대편을 맡아, 걸려 온 전화에 카메라 영상으로 응답합니다.
const { peer, partnerId } = await room();
log('in the room as', peer.id, '- your partner will be', partnerId);
remote.addEventListener('playing', () => log('partner video playing'));

function call(): MediaConnection {
  // offer, answer, 후보는 브로커가 전달하고, 미디어는 탭에서 탭으로 바로 갑니다.
  const connection = peer.call(partnerId, stream);
  connection.on('stream', (theirs) => {
    remote.srcObject = theirs;
    log('partner video arrived');
  });
  connection.on('close', () => log('call ended'));
  return connection;
}

// 짝이 아직 방에 없을 수 있습니다. 그러면 PeerJS가 'peer-unavailable'을 알립니다. 1초마다 다시 겁니다.
peer.on('error', (error) => {
  if (error.type !== 'peer-unavailable') return;
  log('partner not in the room yet; calling again in a second');
  setTimeout(call, 1000);
});
call();
