import { log, room } from 'lab';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;

// 내 카메라와 마이크. 내 목소리가 다시 들리지 않도록 로컬 미리보기는 음소거합니다.
const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = stream;

// 이 실습의 방에 들어갑니다. 짝 탭은 반대편을 맡아, 걸려 온 전화에 카메라 영상으로 응답합니다.
const { peer, partnerId } = await room();
log('in the room as', peer.id, '- your partner will be', partnerId);

// TODO: 내 스트림으로 짝에게 전화를 거세요: const call = peer.call(partnerId, stream).
// 짝의 스트림이 도착하면(통화의 'stream' 이벤트) remote.srcObject에 넣으세요.
remote.addEventListener('playing', () => log('partner video playing'));
