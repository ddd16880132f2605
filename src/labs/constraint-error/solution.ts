import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

async function openCamera(): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      video: { width: { exact: 99999 } },
      audio: false,
    });
  } catch (error) {
    // Only this error means "ask for less"; a refused permission must not be retried.
    if ((error as DOMException).name !== 'OverconstrainedError') throw error;
    // Its message is often empty; `constraint` names the requirement that failed.
    const { constraint } = error as OverconstrainedError;
    log(`No camera can meet the "${constraint}" constraint; falling back to any camera.`);
    return navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  }
}

const stream = await openCamera();
video.srcObject = stream;

const settings = stream.getVideoTracks()[0]?.getSettings();
log(`Fallback camera: ${settings?.width}×${settings?.height}`);
