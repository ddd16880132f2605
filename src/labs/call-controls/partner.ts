import { log, room } from 'lab';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;

const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = stream;

// The partner's side: answer with the camera, play what comes, and end the camera when the
// caller hangs up (PeerJS closes this side of the call when the caller closes theirs).
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
