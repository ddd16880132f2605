import { log, room } from 'lab';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;

const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = stream;

// 짝 쪽 코드입니다. 카메라로 전화를 받고, 들어오는 영상을 재생하다가, 상대가 끊으면
// 카메라를 끕니다(상대가 통화를 닫으면 PeerJS가 이쪽 통화도 닫습니다).
const { peer } = await room();
log('in the room as', peer.id, '- waiting for a call');
peer.on('call', (call) => {
  log('call from', call.peer);
  call.answer(stream);
  call.on('stream', (theirs) => {
    remote.srcObject = theirs;
    log('caller video arrived');
  });
  call.on('close', () => {
    for (const track of stream.getTracks()) track.stop();
    remote.srcObject = null;
    log('the caller hung up; camera off');
  });
});
