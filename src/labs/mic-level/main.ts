import { log } from 'lab';

const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
log('Microphone:', stream.getAudioTracks()[0]?.label);

// TODO 1. Create an AudioContext and make the stream one of its sources:
//         const source = context.createMediaStreamSource(stream)
// TODO 2. Connect the source to an AnalyserNode (new AnalyserNode(context)), and not to
//         context.destination: that would play your own voice back to you.
// TODO 3. Write a function that reads analyser.getFloatTimeDomainData(samples) into a
//         Float32Array of analyser.fftSize samples, computes their RMS level
//         (the square root of the mean of the squares), sets the value of the
//         <meter id="level"> (0 to 1), and calls requestAnimationFrame(itself).
// TODO 4. If context.state is 'suspended' (autoplay policy), un-hide the
//         <button id="start"> and call context.resume() when it is clicked.
