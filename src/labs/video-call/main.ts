import { log, room } from 'lab';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;

// Your camera and microphone. The local preview is muted: you should not hear yourself.
const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = stream;

// Join this lab's room. The partner tab runs the other side: it answers any call with its camera.
const { peer, partnerId } = await room();
log('in the room as', peer.id, '- your partner will be', partnerId);

// TODO: call the partner with your stream: const call = peer.call(partnerId, stream). When the
// partner's stream arrives (the call's 'stream' event), set it as remote.srcObject.
remote.addEventListener('playing', () => log('partner video playing'));
