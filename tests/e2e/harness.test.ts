/**
 * The harness itself: the fake camera, loopback ICE and video decoding all work in this
 * Chromium, with these flags, in this network. Every media lab test relies on it.
 */
import { expect, inject, it } from 'vitest';
import { useChromium, watchForProblems } from '../support/chromium.ts';

const baseUrl = inject('baseUrl');
const browser = useChromium();

it('the fake camera delivers frames that are decoded on the far side of a loopback call', async () => {
  const page = await browser().newPage();
  const problems = watchForProblems(page);
  await page.goto(`${baseUrl}/`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  const result = await page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const [sender, receiver] = [new RTCPeerConnection(), new RTCPeerConnection()];
    sender.onicecandidate = (e) => void receiver.addIceCandidate(e.candidate);
    receiver.onicecandidate = (e) => void sender.addIceCandidate(e.candidate);
    for (const track of stream.getTracks()) sender.addTrack(track, stream);
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    document.body.append(video);
    receiver.ontrack = (e) => {
      video.srcObject = e.streams[0] ?? null;
    };
    await sender.setLocalDescription();
    await receiver.setRemoteDescription(sender.localDescription!);
    await receiver.setLocalDescription();
    await sender.setRemoteDescription(receiver.localDescription!);

    let framesDecoded = 0;
    let candidateType = '';
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline && framesDecoded < 20) {
      await new Promise((r) => setTimeout(r, 200));
      const stats = await receiver.getStats();
      stats.forEach((s: { type: string; kind?: string; framesDecoded?: number; state?: string; nominated?: boolean; localCandidateId?: string }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') framesDecoded = s.framesDecoded ?? 0;
        if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated && s.localCandidateId) {
          candidateType = (stats.get(s.localCandidateId) as { candidateType?: string } | undefined)?.candidateType ?? '';
        }
      });
    }
    const settings = stream.getVideoTracks()[0]!.getSettings();
    return {
      framesDecoded,
      candidateType,
      connectionState: receiver.connectionState,
      width: video.videoWidth,
      height: video.videoHeight,
      captured: `${settings.width}x${settings.height}`,
      audioTracks: stream.getAudioTracks().length,
    };
  });
  expect(result.connectionState).toBe('connected');
  expect(result.candidateType).toBe('host');
  expect(result.framesDecoded).toBeGreaterThanOrEqual(20);
  expect(result.captured).toBe('640x480');
  expect([result.width, result.height]).toEqual([640, 480]);
  expect(result.audioTracks).toBe(1);
  expect(problems).toEqual([]);
  await page.close();
});
