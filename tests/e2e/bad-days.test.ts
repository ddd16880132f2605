/**
 * A learner's bad day, in Chromium and in both languages: the camera refused (the permission
 * prompt answered "Block"), no camera at all, the camera held by another program, a computer
 * without coturn, and coturn stopped after a relay lab ran. Each must end in words that say what happened and what to do, not in a
 * blank panel. (The broker restarted mid-call is tests/e2e/pairing.test.ts; coturn restarted
 * mid-relay, lab-turn-restart.test.ts; plain http on a network address, lan-mode.test.ts;
 * storage refused, learner-data.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { DIST } from '../../scripts/build-state.ts';
import { readServerConfig } from '../../src/server/config.ts';
import { startLocalTurn } from '../../src/server/coturn.ts';
import { startSiteServer, type SiteServer } from '../../src/server/site-server.ts';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import ko from '../../src/content/i18n/ko.json' with { type: 'json' };
import { CHROMIUM_ARGS, CHROMIUM_PATH, watchForProblems } from '../support/chromium.ts';
import { consoleText, labSection, pageWithLab, pickPlainBox, waitForAllGoals, waitForRunEnd } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const FAKE_UI = '--use-fake-ui-for-media-stream';
const FAKE_DEVICE = '--use-fake-device-for-media-stream';

/**
 * Chromium as a learner's would be on that day (the suite's flags otherwise), and the error its
 * getUserMedia gives. A camera another program holds cannot be made with either browser's fake
 * devices: on that day the frame's getUserMedia rejects as Chromium's does then ("Could not start
 * video source"), and everything after it (the lab's code, the console, its hint) is the real path.
 */
const DAYS = {
  // The permission prompt is answered "Block" (no fake UI to accept it).
  'the camera refused': { args: [...CHROMIUM_ARGS.filter((arg) => arg !== FAKE_UI), '--deny-permission-prompts'], error: 'NotAllowedError', busy: false },
  // Fake devices, but no camera among them (the microphone stays).
  'no camera': { args: CHROMIUM_ARGS.map((arg) => (arg.startsWith(FAKE_DEVICE) ? `${FAKE_DEVICE}=device-count=0` : arg)), error: 'NotFoundError', busy: false },
  'the camera busy': { args: CHROMIUM_ARGS, error: 'NotReadableError', busy: true },
} as const;
const LOCALES = [
  { prefix: '', strings: en, run: 'Run', solution: 'Solution' },
  { prefix: '/ko', strings: ko, run: '실행', solution: '정답 보기' },
] as const;

let site: SiteServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  // The status the site's start-up reports on a computer without `turnserver`.
  site = await startSiteServer({ distDir: DIST, config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }), log: () => {}, turn: { running: false, reason: 'not-installed' } });
});

afterAll(async () => {
  for (const browser of browsers.splice(0)) await browser.close();
  await site.close();
});

const origin = (): string => `http://localhost:${site.port}`;

async function launch(args: readonly string[]): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...args], headless: true });
  browsers.push(browser);
  return browser;
}

describe.each(Object.keys(DAYS) as Array<keyof typeof DAYS>)('%s', (day) => {
  it.each(LOCALES)('the camera lab says which error and what to do ($prefix)', async ({ prefix, strings, run, solution }) => {
    const { args, error, busy } = DAYS[day];
    const browser = await launch(args);
    const page = await browser.newPage();
    if (busy) {
      await page.addInitScript(() => {
        if (!location.pathname.startsWith('/lab-frame/')) return;
        MediaDevices.prototype.getUserMedia = () => Promise.reject(new DOMException('Could not start video source', 'NotReadableError'));
      });
    }
    const lab = 'camera-to-video';
    await pickPlainBox(page, origin());
    await page.goto(`${origin()}${prefix}${pageWithLab(lab)}`);
    const section = labSection(page, lab);
    await section.getByRole('button', { name: solution, exact: true }).click();
    await section.getByRole('button', { name: run, exact: true }).click();
    await waitForRunEnd(section);
    const text = await consoleText(section);
    expect(text).toContain(`getUserMedia: ${error}`);
    expect(text).toContain(strings[`lab.hint.${error}`]);
    await page.close();
  });
});

describe('a computer without coturn', () => {
  it.each(LOCALES)('the relay lab says coturn is not installed and how to install it ($prefix)', async ({ prefix, run, solution }) => {
    const browser = await launch(CHROMIUM_ARGS);
    const page = await browser.newPage();
    const problems = watchForProblems(page);
    const lab = 'relay-channel';
    await pickPlainBox(page, origin());
    await page.goto(`${origin()}${prefix}${pageWithLab(lab)}`);
    const section = labSection(page, lab);
    await section.getByRole('button', { name: solution, exact: true }).click();
    await section.getByRole('button', { name: run, exact: true }).click();
    expect(await waitForRunEnd(section)).toBe('error');
    const words = prefix === '' ? ['coturn (`turnserver`) is not installed', 'sudo apt install coturn'] : ['coturn(`turnserver`)이 설치되어 있지 않습니다', 'sudo apt install coturn'];
    const text = await consoleText(section);
    for (const expected of words) expect(text).toContain(expected);
    // The lab shows it on its own page too, where the learner is looking.
    const shown = await section.frameLocator('.lab-frame-slot iframe').locator('#problem').innerText();
    for (const expected of words) expect(shown).toContain(expected);
    // The credential endpoint answers 503 (Service Unavailable), which the browser logs; nothing else went wrong.
    expect(problems.filter((problem) => !/503/.test(problem))).toEqual([]);
    expect(problems.some((problem) => problem.includes('/turn-credentials.json'))).toBe(true);
    await page.close();
  });
});

describe.skipIf(process.env['NO_TURN'] === '1')('coturn stopped after a relay lab ran', () => {
  it('the next run says the TURN server stopped and where its log is, in both languages', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bad-day-turn-'));
    // Ports apart from the other coturns the suite runs meanwhile (src/server/coturn.ts).
    const turn = await startLocalTurn({ ttlSeconds: 600, stateDir: dir, port: 3620, tlsPort: 5490, relayPorts: { min: 49900, max: 49919 } });
    if (!turn.running) throw new Error(`coturn did not start: ${turn.reason}`);
    const withTurn = await startSiteServer({ distDir: DIST, config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }), log: () => {}, turn });
    try {
      const browser = await launch(CHROMIUM_ARGS);
      const lab = 'relay-channel';
      const runIn = async (prefix: string, solution: string, run: string) => {
        const page = await browser.newPage();
        await pickPlainBox(page, `http://localhost:${withTurn.port}`);
        await page.goto(`http://localhost:${withTurn.port}${prefix}${pageWithLab(lab)}`);
        const section = labSection(page, lab);
        await section.getByRole('button', { name: solution, exact: true }).click();
        await section.getByRole('button', { name: run, exact: true }).click();
        return { page, section };
      };
      const working = await runIn('', 'Solution', 'Run');
      await waitForAllGoals(working.section, patient(30_000));
      await working.page.close();

      await turn.turn.close();
      for (const { prefix, solution, run, words } of [
        { prefix: '', solution: 'Solution', run: 'Run', words: 'The local TURN server failed to start or stopped: see the coturn log' },
        { prefix: '/ko', solution: '정답 보기', run: '실행', words: '로컬 TURN 서버가 시작하지 못했거나 도중에 멈췄습니다' },
      ]) {
        const { page, section } = await runIn(prefix, solution, run);
        expect(await waitForRunEnd(section)).toBe('error');
        expect(await consoleText(section)).toContain(words);
        await page.close();
      }
    } finally {
      await withTurn.close();
      await turn.turn.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
