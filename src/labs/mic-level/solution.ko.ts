import { log } from 'lab';

const meter = document.querySelector<HTMLMeterElement>('#level')!;
const startButton = document.querySelector<HTMLButtonElement>('#start')!;

const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
log('Microphone:', stream.getAudioTracks()[0]?.label);

const context = new AudioContext();
const analyser = new AnalyserNode(context, { fftSize: 1024 });
// 분석만 합니다. context.destination에 연결하면 내 목소리가 다시 들립니다.
context.createMediaStreamSource(stream).connect(analyser);
const samples = new Float32Array(analyser.fftSize);

function showLevel(): void {
  analyser.getFloatTimeDomainData(samples);
  // RMS는 이 구간 소리의 평균 세기입니다. 0(무음)부터 1(최대)까지입니다.
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  // 사람은 소리 크기를 로그 척도로 느끼므로 데시벨로 보여 줍니다. −60 dBFS가 바닥, 0이 꼭대기입니다.
  const dbfs = 20 * Math.log10(Math.max(rms, 1e-6));
  meter.value = Math.max(0, 1 + dbfs / 60);
  requestAnimationFrame(showLevel);
}
requestAnimationFrame(showLevel);

// 자동 재생 정책 때문에 사용자 제스처 없이 만든 컨텍스트는 suspended 상태로 시작할 수 있고,
// 그 상태에서는 오디오를 전혀 처리하지 않습니다. 클릭으로 재개하게 합니다.
if (context.state === 'suspended') {
  startButton.hidden = false;
  startButton.addEventListener(
    'click',
    async () => {
      await context.resume();
      startButton.hidden = true;
    },
    { once: true },
  );
}
log('Audio context:', context.state, `${context.sampleRate} Hz`);
