import { log, room } from 'lab';
import type { MediaConnection } from 'peerjs';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;

// Your camera and microphone. The local preview is muted: you should not hear yourself.
const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = stream;

// Join this lab's room. The partner tab runs the other side: it answers any call with its camera.
const { peer, partnerId } = await room();
log('in the room as', peer.id, '- your partner will be', partnerId);
remote.addEventListener('playing', () => log('partner video playing'));

function call(): MediaConnection {
  // The broker carries the offer, the answer and the candidates; the media goes tab to tab.
  const connection = peer.call(partnerId, stream);
  connection.on('stream', (theirs) => {
    remote.srcObject = theirs;
    log('partner video arrived');
  });
  connection.on('close', () => log('call ended'));
  return connection;
}

// The partner may not have joined yet: PeerJS says 'peer-unavailable'. Try again each second.
peer.on('error', (error) => {
  if (error.type !== 'peer-unavailable') return;
  log('partner not in the room yet; calling again in a second');
  setTimeout(call, 1000);
});
call();
