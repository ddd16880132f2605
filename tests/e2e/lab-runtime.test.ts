/**
 * The lab runtime in Chromium, scenario by scenario: errors on the learner's lines, the loop
 * guard, Stop, isolation between the site and the lab origin, drafts, share links, touch
 * screens and keyboard-only use. Code is handed in through share links, exactly as a
 * learner receiving a link would get it.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { draftKey, parseDraftRecord, saveDraft, serializeDraftRecord } from '../../src/lib/drafts.ts';
import { encodeShare, shareHash } from '../../src/lib/share-code.ts';
import { useChromium } from '../support/chromium.ts';
import { consoleText, feedOf, filesOf, labSection, pageWithLab, pickPlainBox, waitForAllGoals, waitForRunEnd } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const CAMERA = 'camera-to-video';
const CHANNEL = 'datachannel-loopback';
const browser = useChromium();

/**
 * Opens the lab with `code` from a share link. In the plain box unless the test is about Monaco:
 * the runtime's behaviour does not depend on the editor, and Monaco is most of a short test's CPU.
 */
async function openShared(page: Page, lab: string, code: string, editor: 'plain' | 'monaco' = 'plain'): Promise<void> {
  const hash = shareHash(lab, await encodeShare({ lab, files: { 'main.ts': code } }));
  if (editor === 'plain') await pickPlainBox(page, baseUrl);
  await page.goto(`${baseUrl}${pageWithLab(lab)}${hash}`);
  await labSection(page, lab).locator(editor === 'plain' ? '.lab-code > textarea' : '.monaco-editor').waitFor();
}

async function runShared(page: Page, code: string, lab = CHANNEL, editor: 'plain' | 'monaco' = 'plain'): Promise<string> {
  await openShared(page, lab, code, editor);
  const section = labSection(page, lab);
  await section.getByRole('button', { name: 'Run', exact: true }).click();
  return waitForRunEnd(section);
}

const run = (button: string) => ({ name: button, exact: true });

/**
 * The lab code for the runaway loop: it writes into the frame's title when the loop began and
 * when it was stopped, on the wall clock the test shares with it (Date.now(), one machine).
 */
const RUNAWAY_LOOP = [
  'document.title = `${Date.now()}`;',
  'try {',
  '  while (true) {}',
  '} finally {',
  '  document.title += ` ${Date.now()}`;',
  '}',
].join('\n');

/**
 * Starts a heartbeat on the lesson page: every 50 ms its main thread notes the time, on the
 * same wall clock as the frame. Measured inside the browser, so a busy test process cannot
 * blur it. Returns a function that reads the beats.
 */
async function pageHeartbeat(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { beats: number[] };
    w.beats = [];
    setInterval(() => w.beats.push(Date.now()), 50);
  });
  return () => page.evaluate(() => (window as unknown as { beats: number[] }).beats);
}

/**
 * When the frame's loop ran (read from the frame's title, see RUNAWAY_LOOP), and the longest
 * stretch of it during which the lesson page's main thread took no turn.
 */
async function pageStallDuringLoop(page: Page, beats: number[]): Promise<{ loopMs: number; turns: number; longestStallMs: number }> {
  const frame = page.frames().find((f) => f.url().includes('/lab-frame/'));
  if (!frame) throw new Error('the lab frame is gone');
  const [start = 0, end = 0] = (await frame.title()).split(' ').map(Number);
  const during = beats.filter((beat) => beat > start && beat < end);
  const marks = [start, ...during, end];
  const longestStallMs = Math.max(...marks.slice(1).map((mark, i) => mark - marks[i]!));
  return { loopMs: end - start, turns: during.length, longestStallMs };
}

describe('errors point at the learner’s own lines', () => {
  it('reports a syntax error with its line and marks it in the editor', async () => {
    const page = await browser().newPage();
    expect(await runShared(page, 'const a = 1;\nconst b = 2;\nconst c = (a + ;\n', CHANNEL, 'monaco')).toBe('error');
    const section = labSection(page, CHANNEL);
    expect(await consoleText(section)).toMatch(/main\.ts:3\s*Syntax error \(line 3\)/);
    await section.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.close();
  });

  it('reports a runtime error on the line that threw, not the wrapper’s', async () => {
    const page = await browser().newPage();
    const code = ['function broken(): number {', '  const value = null as unknown as { size: number };', '  return value.size;', '}', '', 'broken();'].join('\n');
    expect(await runShared(page, code)).toBe('error');
    const errors = (await feedOf(labSection(page, CHANNEL))).filter((e) => e.type === 'error');
    expect(errors).toMatchObject([{ phase: 'runtime', line: 3, message: expect.stringMatching(/^TypeError: .*size/) }]);
    await page.close();
  });
});

describe('the console', () => {
  it('shows values that cannot be cloned (streams, connections, stats, errors) readably', async () => {
    const page = await browser().newPage();
    const code = [
      "import { log } from 'lab';",
      'const stream = await navigator.mediaDevices.getUserMedia({ video: true });',
      'const pc = new RTCPeerConnection();',
      'console.log(stream);',
      'console.info(pc);',
      'console.warn(await pc.getStats());',
      "console.error(new RangeError('out of range'));",
      "console.table([{ a: 1 }]);",
      "log('a cycle', (() => { const o: Record<string, unknown> = {}; o['self'] = o; return o; })());",
    ].join('\n');
    expect(await runShared(page, code, CAMERA)).toBe('done');
    const text = await consoleText(labSection(page, CAMERA));
    expect(text).toMatch(/MediaStream \{id: "[^"]+", active: true/);
    expect(text).toMatch(/RTCPeerConnection \{signalingState: "stable"/);
    expect(text).toContain('RTCStatsReport');
    expect(text).toContain('RangeError: out of range');
    expect(text).toContain('[Circular]');
    expect(text).not.toContain('[object Object]');
    await page.close();
  });
});

describe('the loop guard', () => {
  it('stops while (true) {} with its line, and the page keeps answering while it loops', async () => {
    const page = await browser().newPage();
    await openShared(page, CHANNEL, RUNAWAY_LOOP);
    const section = labSection(page, CHANNEL);
    const beats = await pageHeartbeat(page);
    const started = Date.now();
    await section.getByRole('button', run('Run')).click();

    expect(await waitForRunEnd(section)).toBe('error');
    expect(Date.now() - started).toBeLessThan(15_000);
    const { loopMs, turns, longestStallMs } = await pageStallDuringLoop(page, await beats());
    expect(loopMs, 'the loop did not run for the guard’s budget (1 s)').toBeGreaterThanOrEqual(1000);
    // A page sharing the frame's thread would take no turn for the whole loop. Idle, it takes
    // one every 50 ms; a loaded test machine delays some (a stall of 851 ms was seen in CI), so
    // the test asks for turns, not for their rhythm.
    console.log(`page during the ${loopMs} ms loop: ${turns} turns, longest stall ${longestStallMs} ms`);
    expect(turns, `the lesson page took no turn during the ${loopMs} ms loop`).toBeGreaterThanOrEqual(3);
    expect((await feedOf(section)).filter((e) => e.type === 'error')).toMatchObject([{ phase: 'loop', line: 3 }]);
    expect(await consoleText(section)).toContain('Stopped a runaway loop');
    await section.getByRole('button', run('Reset')).click();
    await page.close();
  });

  // What the guard cannot see: loops it never instrumented, and a regex that backtracks. The
  // frame runs on its own origin in its own process, so the page must keep answering, and Stop
  // must remove the hung frame without the frame's help.
  const UNGUARDED: Readonly<Record<string, string>> = {
    'an eval’d loop': "(0, eval)('while (true) {}');",
    'a new Function loop': "new Function('while (true) {}')();",
    'a catastrophic regex': "/^(a+)+$/.test('a'.repeat(64) + '!');",
  };
  for (const [what, line] of Object.entries(UNGUARDED)) {
    it(`keeps the page answering through ${what}, and Stop removes the frame`, async () => {
      const page = await browser().newPage();
      await openShared(page, CHANNEL, `console.log('hanging now');\n${line}`);
      const section = labSection(page, CHANNEL);
      await section.getByRole('button', run('Run')).click();
      await section.locator('[role="log"]').getByText('hanging now').waitFor();
      const beats = await pageHeartbeat(page);
      // A hung page takes no turn at all while the frame loops, however long one waits. A busy
      // test machine delays turns (CI once gave the page 3 in 1.5 s, with the hung frame holding
      // one of its 2 cores), so this asks for 20 turns within 10 s, not for a rhythm.
      await expect.poll(async () => (await beats()).length, { timeout: patient(10_000), message: 'the lesson page stalled while the frame hung' }).toBeGreaterThanOrEqual(20);
      const marks = await beats();
      const gaps = marks.slice(1).map((mark, i) => mark - marks[i]!).sort((a, b) => a - b);
      console.log(`${what}: ${marks.length} turns, gaps median ${gaps[Math.floor(gaps.length / 2)]} ms, longest ${gaps.at(-1)} ms`);
      // A round trip through the test's own connection to the browser: slower under load, but an answer.
      const asked = Date.now();
      await page.evaluate(() => 0);
      expect(Date.now() - asked).toBeLessThan(5_000);
      // Still hung: the code never got to finish.
      expect(await section.getAttribute('data-run')).toBe('running');

      const stopped = Date.now();
      await section.getByRole('button', run('Stop')).click();
      // Stop waits a second for the hung frame's goodbye, then removes it; measured from the test
      // process, through its own clicks and polls (3.7 s seen under CI load, ~1.1 s idle).
      await expect.poll(() => section.locator('iframe').count(), { timeout: 7_000 }).toBe(0);
      expect(Date.now() - stopped).toBeLessThan(6_000);
      // The next run gets a frame that works.
      await section.getByRole('button', run('Reset')).click();
      await section.getByRole('button', run('Run')).click();
      expect(await waitForRunEnd(section)).toBe('done');
      await page.close();
    });
  }

  it('does not stop an async loop that awaits', async () => {
    const page = await browser().newPage();
    const code = [
      "import { log } from 'lab';",
      'let turns = 0;',
      'for (let i = 0; i < 25; i++) {',
      '  await new Promise((resolve) => setTimeout(resolve, 100));',
      '  turns++;',
      '}',
      "log('finished', turns);",
    ].join('\n');
    expect(await runShared(page, code)).toBe('done');
    expect(await consoleText(labSection(page, CHANNEL))).toContain('finished 25');
    await page.close();
  });
});

interface CaptureTrack {
  kind: string;
  label: string;
  readyState: string;
}

/**
 * Watches capture tracks from inside every lab frame the page opens, independently of the
 * observer: each getUserMedia/getDisplayMedia track is kept, and when the frame goes away its
 * readyState at that moment is reported. Returns the reports as they arrive.
 */
async function watchCaptureTracks(page: Page): Promise<CaptureTrack[]> {
  const reports: CaptureTrack[] = [];
  await page.exposeBinding('reportCaptureTracks', (_source, tracks: CaptureTrack[]) => void reports.push(...tracks));
  await page.addInitScript(() => {
    if (!location.pathname.startsWith('/lab-frame')) return;
    const tracks: MediaStreamTrack[] = [];
    for (const api of ['getUserMedia', 'getDisplayMedia'] as const) {
      const original = MediaDevices.prototype[api] as (this: MediaDevices, constraints?: MediaStreamConstraints) => Promise<MediaStream>;
      MediaDevices.prototype[api] = async function (this: MediaDevices, constraints?: MediaStreamConstraints): Promise<MediaStream> {
        const stream = await original.call(this, constraints);
        tracks.push(...stream.getTracks());
        return stream;
      };
    }
    addEventListener('pagehide', () => {
      const report = (window as unknown as { reportCaptureTracks: (t: CaptureTrack[]) => void }).reportCaptureTracks;
      report(tracks.map((track) => ({ kind: track.kind, label: track.label, readyState: track.readyState })));
    });
  });
  return reports;
}

describe('Stop', () => {
  it('ends the camera tracks and closes the frame; running again gets the camera again', async () => {
    const page = await browser().newPage();
    const atFrameEnd = await watchCaptureTracks(page);
    await page.goto(baseUrl + pageWithLab(CAMERA));
    const section = labSection(page, CAMERA);
    await section.getByRole('button', run('Solution')).click();
    await section.getByRole('button', run('Run')).click();
    await waitForAllGoals(section);
    const captured = (await feedOf(section)).filter((e): e is Extract<FeedEvent, { type: 'track' }> => e.type === 'track' && e.source !== 'remote');
    expect(captured.length).toBeGreaterThan(0);

    await section.getByRole('button', run('Stop')).click();
    await expect.poll(() => section.getAttribute('data-run')).toBe('stopped');
    expect(await section.locator('iframe').count()).toBe(0);
    await expect.poll(() => page.frames().length).toBe(1);
    // The feed says so…
    const ended = (await feedOf(section)).flatMap((e) => (e.type === 'track-ended' ? [e.track] : []));
    expect(ended.sort()).toEqual(captured.map((e) => e.track).sort());
    // …and so do the tracks themselves, seen from inside the frame as it went away.
    await expect.poll(() => atFrameEnd.length).toBe(captured.length);
    expect(atFrameEnd.map(({ kind, label }) => `${kind} ${label}`).sort()).toEqual(captured.map((e) => `${e.kind} ${e.label}`).sort());
    expect(atFrameEnd.map((t) => t.readyState)).toEqual(captured.map(() => 'ended'));

    await section.getByRole('button', run('Run')).click();
    await waitForRunEnd(section);
    await expect.poll(async () => (await feedOf(section)).some((e) => e.type === 'video-frames' && e.frames >= 20), { timeout: patient(15_000) }).toBe(true);
    await page.close();
  });
});

describe('isolation between the site and the lab frame', () => {
  it('keeps the site’s storage, DOM and message channel out of the learner’s reach', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    await page.evaluate(() => localStorage.setItem('webrtc-lab:secret', 'site-only'));
    const code = [
      "import { log } from 'lab';",
      'try {',
      "  log('storage:', String(localStorage.getItem('webrtc-lab:secret')));",
      '} catch (error) {',
      "  log('storage:', (error as Error).name);",
      '}',
      'try {',
      '  log(parent.document.title);',
      '} catch (error) {',
      "  log('document:', (error as Error).name);",
      '}',
      "parent.postMessage({ kind: 'feed', event: { type: 'console', level: 'log', args: [{ t: 'string', v: 'FORGED' }] } }, '*');",
      "parent.postMessage({ kind: 'feed', event: { type: 'done' } }, '*');",
      "log('origin:', location.origin);",
      // Never ends by itself: only the forged 'done' above could end this run.
      'await new Promise(() => {});',
    ].join('\n');
    await openShared(page, CHANNEL, code, 'monaco');
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', run('Run')).click();
    // Posted after the forged messages, from the same window: once the page shows it, it has
    // handled those too.
    await section.locator('[role="log"]').getByText('origin:').waitFor();
    const text = await consoleText(section);
    expect(await section.getAttribute('data-run'), text).toBe('running');
    // The frame's storage is the lab origin's own, so the site's key is not there; Chromium
    // goes further and refuses a cross-site frame unpartitioned storage altogether.
    expect(text).toMatch(/storage: (null|SecurityError)/);
    expect(text).not.toContain('site-only');
    // Cross-origin: reading the lesson page's document throws.
    expect(text).toContain('document: SecurityError');
    // Messages on the window, not on the run's channel, are dropped by the page.
    expect(text).not.toContain('FORGED');
    expect(text).toMatch(/origin: http:\/\/lab\.localhost:\d+/);
    await page.close();
  });

  it('the lab frame refuses to run when opened on its own', async () => {
    const page = await browser().newPage();
    const port = new URL(baseUrl).port;
    await page.goto(`http://lab.localhost:${port}/lab-frame/`);
    await expect.poll(() => page.textContent('body')).toContain('only inside a lesson');
    // …and the site origin does not serve it at all.
    expect((await page.goto(`${baseUrl}/lab-frame/`))?.status()).toBe(404);
    expect((await page.goto(`http://lab.localhost:${port}/start/how-labs-work/`))?.status()).toBe(404);
    await page.close();
  });
});

describe('drafts', () => {
  it('survive a reload; Solution then My code restores the learner’s code exactly', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + pageWithLab(CAMERA));
    const section = labSection(page, CAMERA);
    await section.getByRole('button', run('Edit')).click();
    await section.locator('.monaco-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n// my own note 한국어');
    await expect.poll(async () => (await filesOf(section))['main.ts']).toContain('// my own note 한국어');
    const mine = (await filesOf(section))['main.ts'];
    // The editor saves after a short pause in typing: wait for the save itself.
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), draftKey(CAMERA))).toContain('// my own note 한국어');

    await page.reload();
    await section.getByRole('button', run('Edit')).click();
    await section.locator('.monaco-editor').waitFor();
    expect((await filesOf(section))['main.ts']).toBe(mine);

    await section.getByRole('button', run('Solution')).click();
    expect((await filesOf(section))['main.ts']).toContain('getUserMedia({');
    await section.getByRole('button', run('My code')).click();
    expect((await filesOf(section))['main.ts']).toBe(mine);
    await page.close();
  });

  it('keeps a draft made against an older starter and offers it, never replacing the new starter silently', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    const old = "import { log } from 'lab';\nlog('from an older version of this lab');\n";
    const record = saveDraft(parseDraftRecord(null), 'an-older-starter', { 'main.ts': old }, { 'main.ts': 'older starter' }, Date.now());
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [draftKey(CHANNEL), serializeDraftRecord(record)] as const);
    await page.reload();
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', run('Edit')).click();
    await section.locator('.monaco-editor').waitFor();
    expect((await filesOf(section))['main.ts']).not.toBe(old);
    await section.getByText('You have code from an earlier version of this lab.').waitFor();
    await section.getByRole('button', run('Use my earlier code')).click();
    expect((await filesOf(section))['main.ts']).toBe(old);
    await page.close();
  });
});

describe('share links', () => {
  it('show the shared code and run nothing until Run is clicked', async () => {
    const page = await browser().newPage();
    const code = "import { log } from 'lab';\nlog('shared code ran');\n";
    await openShared(page, CHANNEL, code, 'monaco');
    const section = labSection(page, CHANNEL);
    expect((await filesOf(section))['main.ts']).toBe(code);
    await section.getByText('This code came from a shared link').waitFor();
    // Everything the page does on its own is done once the network is quiet.
    await page.waitForLoadState('networkidle');
    expect(await section.locator('iframe').count()).toBe(0);
    expect(await feedOf(section)).toEqual([]);
    await section.getByRole('button', run('Run')).click();
    expect(await waitForRunEnd(section)).toBe('done');
    expect(await consoleText(section)).toContain('shared code ran');
    // Opening someone's link did not overwrite this learner's own draft.
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    await labSection(page, CHANNEL).getByRole('button', run('Edit')).click();
    await labSection(page, CHANNEL).locator('.monaco-editor').waitFor();
    expect((await filesOf(labSection(page, CHANNEL)))['main.ts']).toContain('new RTCPeerConnection()');
    await page.close();
  });
});

describe('touch screens', () => {
  it('show readable code, load no Monaco, and Run works', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    const section = labSection(page, CHANNEL);
    await expect(section.locator('.lab-code').innerText()).resolves.toContain('new RTCPeerConnection()');
    await section.getByRole('button', run('Solution')).tap();
    await section.getByRole('button', run('Run')).tap();
    await waitForAllGoals(section);
    expect(await section.locator('textarea').inputValue()).toContain("chat.send('hello, peer')");
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    expect(requested.filter((url) => /monaco|editor\.worker|ts\.worker/i.test(url))).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('name the hidden characters a pasted Trojan Source hides in the text box', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    const section = labSection(page, CHANNEL);
    await section.getByRole('button', run('Edit')).tap();
    const area = section.locator('textarea');
    await area.waitFor();
    const notice = section.locator('.lab-hidden-characters');
    await expect(notice.isHidden()).resolves.toBe(true);
    await area.fill('const isAdmin = false;\n/*\u202e } \u2066if (isAdmin)\u2069 \u2066 admins only */\n');
    await expect.poll(() => notice.textContent()).toContain('2:3 U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(await notice.getAttribute('role')).toBe('status');
    await area.fill('const ok = true;\n');
    await expect.poll(() => notice.isHidden()).toBe(true);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('reaches the lab, edits, runs with Ctrl+Enter and leaves the editor', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + pageWithLab(CHANNEL));
    const section = labSection(page, CHANNEL);
    const edit = section.getByRole('button', run('Edit'));
    let reached = false;
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await edit.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await section.locator('.monaco-editor').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    await page.keyboard.press('Control+End');
    await page.keyboard.type("\nlog('typed by keyboard');");
    await page.keyboard.press('Control+Enter');
    expect(await waitForRunEnd(section)).toBe('done');
    expect(await consoleText(section)).toContain('typed by keyboard');
    await page.keyboard.press('Control+m');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') === null)).toBe(true);
    await page.close();
  });
});
