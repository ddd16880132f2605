import { log } from 'lab';

const shareButton = document.querySelector<HTMLButtonElement>('#share')!;
const stopButton = document.querySelector<HTMLButtonElement>('#stop')!;
const video = document.querySelector<HTMLVideoElement>('#screen')!;

let screenTrack: MediaStreamTrack | undefined;

function showStopped(): void {
  screenTrack = undefined;
  video.srcObject = null;
  shareButton.disabled = false;
  stopButton.disabled = true;
}

// Browsers allow getDisplayMedia only right after a user gesture, such as this click.
shareButton.addEventListener('click', async () => {
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    screenTrack = stream.getVideoTracks()[0];
    // Fires when sharing ends outside this code: the browser's own "Stop sharing"
    // control, or the shared window closing. stop() called by the page does not fire it.
    screenTrack?.addEventListener('ended', () => {
      log('Sharing ended from the browser');
      showStopped();
    });
    video.srcObject = stream;
    shareButton.disabled = true;
    stopButton.disabled = false;
    log('Sharing:', screenTrack?.label, screenTrack?.getSettings().displaySurface);
  } catch (error) {
    const { name, message } = error as DOMException;
    // The user closed the picker, or a policy refused: nothing to share, nothing broken.
    if (name === 'NotAllowedError') log('Sharing was cancelled.');
    else log(`Could not share the screen (${name}): ${message}`);
  }
});

stopButton.addEventListener('click', () => {
  screenTrack?.stop();
  log('Sharing stopped');
  showStopped();
});

// The camera beside the screen: a separate stream, with its own permission, opened at start.
const camera = document.querySelector<HTMLVideoElement>('#camera')!;
camera.srcObject = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });

log('Ready: click the share button and pick what to share.');
