import { log } from 'lab';

const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
log('Microphone:', stream.getAudioTracks()[0]?.label);

// TODO 1. AudioContext를 만들고, 스트림을 그 소스로 삼으세요.
//         const source = context.createMediaStreamSource(stream)
// TODO 2. 소스를 AnalyserNode(new AnalyserNode(context))에 연결하세요.
//         context.destination에는 연결하지 않습니다. 내 목소리가 그대로 다시 들립니다.
// TODO 3. 함수를 하나 만드세요. analyser.fftSize 길이의 Float32Array에
//         analyser.getFloatTimeDomainData(samples)로 샘플을 읽고, RMS 음량(제곱의
//         평균의 제곱근)을 구해 <meter id="level">의 value(0~1)에 넣은 뒤,
//         requestAnimationFrame으로 자기 자신을 다시 예약합니다.
// TODO 4. context.state가 'suspended'이면(자동 재생 정책) <button id="start">를
//         보이게 하고, 클릭하면 context.resume()을 호출하세요.
