/**
 * Which labs the test suite verifies in which browser, and where it cannot: the one declaration
 * both the Firefox lab tests (which hold every entry to the letter: those goals stay unmet, every
 * other goal is met) and the lesson's verification table read. Chromium has no entry: there every
 * lab's solution must meet every goal.
 *
 * An entry is a limit of the test environment (headless, fake devices), not of the browser API:
 * a learner's real Firefox runs these labs fully.
 */
export interface TestGap {
  /** Goal ids the solution leaves unmet in this browser under test. */
  readonly unmet: readonly string[];
  readonly reason: { readonly en: string; readonly ko: string };
}

export const VERIFIED_BROWSERS = ['chromium', 'firefox'] as const;
export type VerifiedBrowser = (typeof VERIFIED_BROWSERS)[number];

/** Versions the suite runs; the measured facts in the lessons are about these. */
export const BROWSER_VERSIONS: Readonly<Record<VerifiedBrowser, string>> = {
  chromium: 'Chromium 156',
  firefox: 'Firefox ESR 153',
};

export const FIREFOX_TEST_GAPS: Readonly<Record<string, TestGap>> = {
  'call-controls': {
    unmet: ['screen-sent'],
    reason: {
      en: 'Headless Firefox has no screen to capture (getDisplayMedia() rejects with NotFoundError, which the lab reports), so the call has no screen to send; mute, camera off and hang-up are verified.',
      ko: '헤드리스 Firefox에는 캡처할 화면이 없어서 getDisplayMedia()가 NotFoundError로 거부되고(실습이 그 오류를 알려 줍니다), 통화에 보낼 화면도 없습니다. 음소거, 카메라 끄기, 끊기는 검증됩니다.',
    },
  },
  'screen-share': {
    unmet: ['frames', 'stopped'],
    reason: {
      en: 'Headless Firefox has no screen to capture, and its fake devices cover only camera and microphone: getDisplayMedia() rejects with NotFoundError, which the lab reports.',
      ko: '헤드리스 Firefox에는 캡처할 화면이 없고, 가짜 장치도 카메라와 마이크뿐입니다. 그래서 getDisplayMedia()가 NotFoundError로 거부되고, 실습은 그 오류를 알려 줍니다.',
    },
  },
  snapshot: {
    unmet: ['snapshot'],
    reason: {
      en: "Firefox's fake camera paints each frame in a single colour, so the snapshot is a uniform canvas, which the goal rightly cannot tell from an empty one.",
      ko: 'Firefox의 가짜 카메라는 프레임마다 한 가지 색만 칠합니다. 그래서 스냅샷도 한 색으로 채워진 canvas가 되고, 목표는 이것을 빈 canvas와 구별할 수 없습니다.',
    },
  },
};

export function testGap(browser: VerifiedBrowser, lab: string): TestGap | null {
  return browser === 'firefox' ? (FIREFOX_TEST_GAPS[lab] ?? null) : null;
}
