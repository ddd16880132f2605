/**
 * The lab observer (src/sandbox/observer.ts) in real Chromium, media and elements: capture
 * and its failures, how each track ended, MediaRecorder, playback of a recording, and the
 * elements a lab's goals watch. Connections and channels: observer.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { feedOf, learnerErrors, ofType, pagePeriods, until, useObserverLab, type LabWindow } from '../support/observer-lab.ts';

const openLab = useObserverLab();
const SAMPLE_MS = 250;

describe('the lab observer: media and elements', () => {
  it('reports an OverconstrainedError with its constraint and hands the learner the very same rejection', async () => {
    const { page, problems } = await openLab({ spyOnGetUserMedia: true });
    const result = await page.evaluate(async () => {
      const w = window as unknown as LabWindow;
      try {
        await navigator.mediaDevices.getUserMedia({ video: { width: { exact: 99999 } } });
        return { caught: false };
      } catch (error) {
        const e = error as OverconstrainedError;
        return { caught: true, same: e === w.__nativeReason, name: e.name, message: e.message, constraint: e.constraint, isClass: e instanceof OverconstrainedError };
      }
    });
    expect(result).toMatchObject({ caught: true, same: true, name: 'OverconstrainedError', constraint: 'width', isClass: true });
    expect(await feedOf(page)).toEqual([
      { type: 'media-request', api: 'getUserMedia', constraints: { t: 'string', v: '[object Object]' } },
      // Chromium's message is empty; the feed keeps it so, and names the constraint.
      { type: 'media-error', api: 'getUserMedia', name: 'OverconstrainedError', message: result.message, constraint: 'width' },
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports a failure without a constraint without one', async () => {
    const { page, problems } = await openLab();
    const name = await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({}).then(
        () => 'resolved',
        (error: Error) => error.name,
      ),
    );
    expect(name).toBe('TypeError');
    const errors = ofType(await feedOf(page), 'media-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ api: 'getUserMedia', name: 'TypeError' });
    expect(errors[0]).not.toHaveProperty('constraint');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports how each track ended, once: stop(), the far end, a closed connection, the runner', async () => {
    const { page, problems } = await openLab();
    const result = await page.evaluate(async () => {
      const lab = (window as unknown as LabWindow).__lab;
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      const [a, b] = lab.pair();
      const remote: MediaStreamTrack[] = [];
      b.ontrack = (e) => remote.push(e.track);
      const video = stream.getVideoTracks()[0]!;
      const audio = stream.getAudioTracks()[0]!;
      const videoSender = a.addTransceiver(video, { streams: [stream] });
      a.addTransceiver(audio, { streams: [stream] });
      await lab.negotiate(a, b);
      const remoteVideo = remote.find((t) => t.kind === 'video')!;
      // The sending end stops its transceiver: the far end's track ends with an 'ended' event.
      let endedEvents = 0;
      remoteVideo.addEventListener('ended', () => (endedEvents += 1));
      videoSender.stop();
      await lab.negotiate(a, b);
      await lab.until(() => remoteVideo.readyState === 'ended');
      // Closing the receiving connection ends its remote audio (Chromium a moment later, with
      // an 'ended' event; the specification ends it at once without one: both read 'ended').
      b.close();
      await lab.until(() => remote.every((t) => t.readyState === 'ended'));
      // Lab code stops the camera itself, twice.
      const returned = video.stop();
      video.stop();
      return { returned: returned === undefined, endedEvents, states: [video.readyState, audio.readyState, ...remote.map((t) => t.readyState)] };
    });
    expect(result).toEqual({ returned: true, endedEvents: 1, states: ['ended', 'live', 'ended', 'ended'] });
    await page.evaluate(() => (window as unknown as LabWindow).__run.stopAll());
    const feed = await feedOf(page);
    const tracks = ofType(feed, 'track');
    const idOf = (kind: string, source: string) => tracks.find((e) => e.kind === kind && e.source === source)!.track;
    const causes = Object.fromEntries(ofType(feed, 'track-ended').map((e) => [e.track, e.cause]));
    expect(causes).toEqual({
      [idOf('video', 'getUserMedia')]: 'stop',
      [idOf('audio', 'getUserMedia')]: 'runner',
      [idOf('video', 'remote')]: 'ended',
      [idOf('audio', 'remote')]: 'ended',
    });
    expect(ofType(feed, 'track-ended')).toHaveLength(4);
    expect(await learnerErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reports a MediaRecorder recording and its playback from a blob: URL, in and out of the document', async () => {
    const { page, problems } = await openLab();
    const result = await page.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      // Two seconds from the encoder's first output: on busy cores it starts late, and a
      // recording of one frame plays for 0 s (seen in a clean-clone run).
      const firstData = new Promise<void>((resolve) => recorder.addEventListener('dataavailable', (e) => e.data.size > 0 && resolve()));
      recorder.start(100);
      await firstData;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      recorder.stop();
      await stopped;
      for (const track of stream.getTracks()) track.stop();
      const url = URL.createObjectURL(new Blob(chunks, { type: recorder.mimeType }));
      const play = async (video: HTMLVideoElement) => {
        video.muted = true;
        video.src = url;
        const ended = new Promise((resolve) => video.addEventListener('ended', resolve, { once: true }));
        await video.play();
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        return video.currentTime;
      };
      const shown = document.createElement('video');
      shown.id = 'playback';
      document.body.append(shown);
      const played = await Promise.all([play(shown), play(document.createElement('video'))]);
      return { chunks: chunks.length, bytes: chunks.reduce((sum, chunk) => sum + chunk.size, 0), mimeType: recorder.mimeType, played };
    });
    // Headless Chromium on busy cores honours a 100 ms timeslice only roughly.
    expect(result.chunks).toBeGreaterThanOrEqual(2);
    expect(result.mimeType).toMatch(/^video\/webm/);
    // Two seconds of recording hold less video on busy cores (the encoder starts late and
    // falls behind), so the test holds the observer to what the element itself played.
    for (const seconds of result.played) expect(seconds).toBeGreaterThan(0);

    const ends = [['video#playback', result.played[0]!], ['video', result.played[1]!]] as const;
    const feed = await until(page, 'both playbacks to the end', (f) =>
      ends.every(([element, seconds]) => ofType(f, 'media-playback').some((e) => e.element === element && e.played >= seconds - 0.01)),
    );
    const recorder = ofType(feed, 'recorder');
    expect(recorder[0]).toEqual({ type: 'recorder', state: 'recording', mimeType: result.mimeType, bytes: 0 });
    expect(recorder.at(-1)).toEqual({ type: 'recorder', state: 'inactive', mimeType: result.mimeType, bytes: result.bytes });
    // Cumulative, at most one event per dataavailable, and no more than four a second.
    expect(recorder.length).toBeLessThanOrEqual(Math.min(result.chunks + 2, 2 + 2000 / 250 + 2));
    expect(recorder.every((e, i) => i === 0 || e.bytes >= recorder[i - 1]!.bytes)).toBe(true);

    for (const [element, seconds] of ends) {
      const playback = ofType(feed, 'media-playback').filter((e) => e.element === element);
      expect(playback.every((e) => e.source === 'blob')).toBe(true);
      expect(playback.every((e, i) => i === 0 || e.played > playback[i - 1]!.played)).toBe(true);
      expect(playback.at(-1)!.played).toBeCloseTo(seconds, 2);
      // At most two a second, plus the end.
      expect(playback.length).toBeLessThanOrEqual(Math.ceil(seconds * 2) + 2);
    }
    expect(await learnerErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('samples a watched canvas: blank, then an image; a tainted canvas is never reported', async () => {
    const { page, problems } = await openLab();
    // The page is on localhost; the same server under its other spelling is another origin, so its image taints.
    const otherOrigin = `http://127.0.0.1:${new URL(inject('baseUrl')).port}`;
    const tainted = await page.evaluate(async (imageUrl) => {
      document.body.insertAdjacentHTML('beforeend', '<canvas id="tainted" width="64" height="64"></canvas><canvas id="snap" width="320" height="240"></canvas>');
      const image = new Image();
      image.src = imageUrl;
      await image.decode();
      const canvas = document.querySelector<HTMLCanvasElement>('#tainted')!;
      canvas.getContext('2d')!.drawImage(image, 0, 0, 64, 64);
      try {
        canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
        return false;
      } catch (error) {
        return (error as Error).name;
      }
    }, `${otherOrigin}/favicon.svg`);
    expect(tainted).toBe('SecurityError');
    await page.evaluate(() => {
      // Sampling must survive selectors that match nothing or do not parse.
      (window as unknown as LabWindow).__run.watch({ values: [], canvases: ['#tainted', 'canvas#missing', '!!not a selector', '#snap'] });
    });
    await until(page, 'a blank canvas', (f) => ofType(f, 'canvas').length > 0);
    await page.evaluate(() => {
      const context = document.querySelector<HTMLCanvasElement>('#snap')!.getContext('2d')!;
      context.fillStyle = '#c00';
      context.fillRect(20, 20, 100, 60);
    });
    await until(page, 'an image on the canvas', (f) => ofType(f, 'canvas').some((e) => !e.blank));
    await page.evaluate(() => {
      document.querySelector<HTMLCanvasElement>('#snap')!.width = 160;
    });
    const feed = await until(page, 'the resized, cleared canvas', (f) => ofType(f, 'canvas').length === 3);
    await pagePeriods(page, SAMPLE_MS);
    expect(ofType(await feedOf(page), 'canvas')).toEqual([
      { type: 'canvas', element: '#snap', width: 320, height: 240, blank: true },
      { type: 'canvas', element: '#snap', width: 320, height: 240, blank: false },
      { type: 'canvas', element: '#snap', width: 160, height: 240, blank: true },
    ]);
    expect(feed.filter((e) => e.type !== 'canvas')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('samples watched values: a level meter moving, a range input that does not', async () => {
    const { page, problems } = await openLab();
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<meter id="level" min="0" max="1"></meter><input id="volume" type="range" min="0" max="10" value="3">');
      const meter = document.querySelector<HTMLMeterElement>('#level')!;
      let step = 0;
      setInterval(() => {
        step += 1;
        meter.value = (step % 10) / 10;
      }, 100);
      (window as unknown as LabWindow).__run.watch({ values: ['#level', '#volume', '#nothing'], canvases: [] });
    });
    const feed = await until(page, 'the meter moving', (f) => ofType(f, 'element-value').filter((e) => e.element === '#level').length >= 6);
    const level = ofType(feed, 'element-value').filter((e) => e.element === '#level');
    expect(level.every((e) => e.value >= 0 && e.value <= 1)).toBe(true);
    // Only changes are reported.
    expect(level.every((e, i) => i === 0 || e.value !== level[i - 1]!.value)).toBe(true);
    expect(ofType(feed, 'element-value').filter((e) => e.element !== '#level')).toEqual([{ type: 'element-value', element: '#volume', value: 3 }]);
    // Sampling stops with the run.
    const stoppedAt = await page.evaluate(() => {
      const w = window as unknown as LabWindow;
      w.__run.stopAll();
      return w.__feed.length;
    });
    await pagePeriods(page, SAMPLE_MS);
    expect((await feedOf(page)).slice(stoppedAt)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
