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

// Mute: a disabled track sends silence. The track and the connection stay, so unmuting is instant.
muteButton.addEventListener('click', () => {
  microphone.enabled = !microphone.enabled;
  muteButton.setAttribute('aria-pressed', String(!microphone.enabled));
  log(microphone.enabled ? 'microphone on' : 'muted');
});

// Camera off: a disabled video track sends black frames, and the partner sees black.
cameraButton.addEventListener('click', () => {
  cameraTrack.enabled = !cameraTrack.enabled;
  cameraButton.setAttribute('aria-pressed', String(!cameraTrack.enabled));
  log(cameraTrack.enabled ? 'camera on' : 'camera off');
});

// The sender that carries your video in the call.
function videoSender(): RTCRtpSender | undefined {
  return connection?.peerConnection?.getSenders().find((sender) => sender.track?.kind === 'video');
}

let screenTrack: MediaStreamTrack | null = null;

async function backToCamera(): Promise<void> {
  const sender = videoSender();
  if (!screenTrack || !sender) return;
  screenTrack.stop();
  screenTrack = null;
  await sender.replaceTrack(cameraTrack);
  local.srcObject = camera;
  screenButton.setAttribute('aria-pressed', 'false');
  log('back to the camera');
}

// Share the screen: the same sender sends another track. No new offer, no new answer.
screenButton.addEventListener('click', async () => {
  if (screenTrack) return backToCamera();
  const sender = videoSender();
  if (!sender) return log('no call yet to share your screen in');
  try {
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
    screenTrack = screen.getVideoTracks()[0]!;
    await sender.replaceTrack(screenTrack);
    local.srcObject = screen;
    screenButton.setAttribute('aria-pressed', 'true');
    log('your partner now sees your screen');
    // The browser's own "Stop sharing" ends the track: go back to the camera then too.
    screenTrack.addEventListener('ended', () => void backToCamera());
  } catch (error) {
    log(`Could not share the screen (${(error as Error).name})`);
  }
});

// Hang up: close the call (PeerJS tells the partner, who closes too) and end every track,
// which turns the camera light off.
hangUpButton.addEventListener('click', () => {
  connection?.close();
  connection = null;
  for (const track of camera.getTracks()) track.stop();
  screenTrack?.stop();
  remote.srcObject = null;
  log('hung up');
});
