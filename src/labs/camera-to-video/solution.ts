import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

try {
  // Ask for what you need; the browser picks the closest the camera can do.
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 } },
    audio: false,
  });
  video.srcObject = stream;

  const [track] = stream.getVideoTracks();
  log('Camera:', track?.label);
  log('Settings:', track?.getSettings());
} catch (error) {
  // NotAllowedError: permission refused. NotFoundError: no camera.
  // NotReadableError: another program holds the camera.
  const { name, message } = error as DOMException;
  log(`Could not open the camera (${name}): ${message}`);
}
