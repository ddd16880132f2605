import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

async function openCamera(): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      video: { width: { exact: 99999 } },
      audio: false,
    });
  } catch (error) {
    // "조건을 낮춰 다시 요청하라"는 뜻은 이 오류뿐입니다. 권한 거부를 다시 시도하면 안 됩니다.
    if ((error as DOMException).name !== 'OverconstrainedError') throw error;
    // message는 비어 있는 경우가 많습니다. 실패한 조건의 이름은 `constraint`에 있습니다.
    const { constraint } = error as OverconstrainedError;
    log(`No camera can meet the "${constraint}" constraint; falling back to any camera.`);
    return navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  }
}

const stream = await openCamera();
video.srcObject = stream;

const settings = stream.getVideoTracks()[0]?.getSettings();
log(`Fallback camera: ${settings?.width}×${settings?.height}`);
