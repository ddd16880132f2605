import { log, room } from 'lab';
import type { MediaConnection } from 'peerjs';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;
const muteButton = document.querySelector<HTMLButtonElement>('#mute')!;
const cameraButton = document.querySelector<HTMLButtonElement>('#camera')!;
const screenButton = document.querySelector<HTMLButtonElement>('#screen')!;
const hangUpButton = document.querySelector<HTMLButtonElement>('#hangup')!;

const camera = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = camera;
const microphone = camera.getAudioTracks()[0]!;
const cameraTrack = camera.getVideoTracks()[0]!;
log('your tracks:', microphone.label, 'and', cameraTrack.label);

// The call from the last lab, keeping the connection so the buttons can reach it.
const { peer, partnerId } = await room();
let connection: MediaConnection | null = null;

function call(): void {
  connection = peer.call(partnerId, camera);
  connection.on('stream', (theirs) => {
    remote.srcObject = theirs;
    log('partner video arrived');
  });
  connection.on('close', () => log('call ended'));
}
peer.on('error', (error) => {
  if (error.type !== 'peer-unavailable') return;
  log('partner not in the room yet; calling again in a second');
  setTimeout(call, 1000);
});
call();

// TODO 1. Mute: toggle microphone.enabled, and set the button's aria-pressed to match.
muteButton.addEventListener('click', () => log('mute: not written yet'));

// TODO 2. Camera off: the same with cameraTrack.enabled. What does your partner see then?
cameraButton.addEventListener('click', () => log('camera off: not written yet'));

// TODO 3. Share the screen: getDisplayMedia({ video: true }), then replaceTrack on the sender
//         that sends your video: connection.peerConnection.getSenders(), the one whose
//         track.kind is 'video'. When the screen track ends, replace it with cameraTrack again.
screenButton.addEventListener('click', () => log('share screen: not written yet'));

// TODO 4. Hang up: connection.close(), then stop every track of camera (and the screen's).
hangUpButton.addEventListener('click', () => log('hang up: not written yet'));
