import { log, room } from 'lab';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;

const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = stream;

// 통화의 짝 쪽: 방에서 기다리다가 카메라 영상으로 응답하고, 들어온 영상을 재생합니다.
const { peer } = await room();
log('in the room as', peer.id, '- waiting for a call');
peer.on('call', (call) => {
  log('call from', call.peer);
  call.answer(stream);
  call.on('stream', (theirs) => {
    remote.srcObject = theirs;
    log('caller video arrived');
  });
  call.on('close', () => log('call ended'));
});
