/**
 * What to say when the local coturn is not running: why, and how to install it. One table for
 * the server's start-up line, the credential endpoint's answer and the lab frame's error.
 */
import type { Locale } from './lab-manifest.ts';

/** not-installed: no `turnserver`; disabled: --no-turn / NO_TURN=1; failed: it did not start, or stopped. */
export type TurnUnavailableReason = 'not-installed' | 'disabled' | 'failed';

const INSTALL: Readonly<Record<Locale, string>> = {
  en: 'Install coturn and restart `npm start`: Debian/Ubuntu `sudo apt install coturn`, macOS `brew install coturn`, or build it from source (https://github.com/coturn/coturn, INSTALL file).',
  ko: 'coturn을 설치한 뒤 `npm start`를 다시 실행하세요. Debian/Ubuntu는 `sudo apt install coturn`, macOS는 `brew install coturn`, 또는 소스에서 빌드합니다(https://github.com/coturn/coturn 의 INSTALL 파일).',
};

const WHY: Readonly<Record<Locale, Record<TurnUnavailableReason, string>>> = {
  en: {
    'not-installed': 'The local TURN server is not running: coturn (`turnserver`) is not installed on this computer.',
    disabled: 'The local TURN server is off: the site was started with --no-turn (or NO_TURN=1).',
    failed: 'The local TURN server failed to start or stopped: see the coturn log in the terminal that runs `npm start`.',
  },
  ko: {
    'not-installed': '로컬 TURN 서버가 실행 중이 아닙니다. 이 컴퓨터에 coturn(`turnserver`)이 설치되어 있지 않습니다.',
    disabled: '로컬 TURN 서버가 꺼져 있습니다. 사이트를 --no-turn(또는 NO_TURN=1)으로 시작했습니다.',
    failed: '로컬 TURN 서버가 시작하지 못했거나 도중에 멈췄습니다. `npm start`를 실행한 터미널의 coturn 로그를 보세요.',
  },
};

export function turnInstallHint(locale: Locale): string {
  return INSTALL[locale];
}

/** The reason in a sentence, followed by the install hint unless it was switched off on purpose. */
export function turnUnavailableText(locale: Locale, reason: TurnUnavailableReason): string {
  return reason === 'disabled' ? WHY[locale][reason] : `${WHY[locale][reason]} ${INSTALL[locale]}`;
}

export function isTurnUnavailableReason(value: unknown): value is TurnUnavailableReason {
  return value === 'not-installed' || value === 'disabled' || value === 'failed';
}
