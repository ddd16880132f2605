import { log } from 'lab';

const shareButton = document.querySelector<HTMLButtonElement>('#share')!;
const stopButton = document.querySelector<HTMLButtonElement>('#stop')!;
const video = document.querySelector<HTMLVideoElement>('#screen')!;

// Browsers allow getDisplayMedia only right after a user gesture, such as this click.
shareButton.addEventListener('click', async () => {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  video.srcObject = stream;
  shareButton.disabled = true;
  stopButton.disabled = false;
  log('Sharing:', stream.getVideoTracks()[0]?.label);
});

log('Ready: click the share button and pick what to share.');

// TODO 1. Make “Stop sharing” work: on click, stop the screen's video track with
//         track.stop(), clear video.srcObject and swap the buttons back.
//         Keep the track in a variable outside the share handler so both can reach it.
// TODO 2. The user can also stop from the browser's own “Stop sharing” control. Then the
//         track fires 'ended' (track.stop() from your code does not): listen for it and
//         reset the page the same way.
// TODO 3. Closing the picker without choosing rejects with NotAllowedError. Catch it
//         and log a friendly message instead of leaving an uncaught error.
// TODO 4. A presenter usually shows their face too: open the camera with
//         getUserMedia({ video: true }) when the page starts, and show it in video#camera
//         beside the screen. It is a separate stream with its own permission.
