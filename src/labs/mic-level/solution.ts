import { log } from 'lab';

const meter = document.querySelector<HTMLMeterElement>('#level')!;
const startButton = document.querySelector<HTMLButtonElement>('#start')!;

const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
log('Microphone:', stream.getAudioTracks()[0]?.label);

const context = new AudioContext();
const analyser = new AnalyserNode(context, { fftSize: 1024 });
// Analyse only: connecting to context.destination would play your voice back to you.
context.createMediaStreamSource(stream).connect(analyser);
const samples = new Float32Array(analyser.fftSize);

function showLevel(): void {
  analyser.getFloatTimeDomainData(samples);
  // RMS: the average power of this slice of sound, from 0 (silence) to 1 (full scale).
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  // Loudness is heard on a log scale, so show decibels: −60 dBFS is the bottom, 0 the top.
  const dbfs = 20 * Math.log10(Math.max(rms, 1e-6));
  meter.value = Math.max(0, 1 + dbfs / 60);
  requestAnimationFrame(showLevel);
}
requestAnimationFrame(showLevel);

// Autoplay policy: a context created without a user gesture may start suspended, and a
// suspended context processes no audio. Let a click resume it.
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
