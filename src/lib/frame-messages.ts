/**
 * Sentences the lab frame writes itself — to its own page, or into the feed — in English and
 * Korean. A pure table: the runner picks the learner's locale and fills in the details.
 */
import type { Locale } from './lab-manifest.ts';
import { turnUnavailableText, type TurnUnavailableReason } from './turn-install.ts';

export interface FrameMessageParams {
  /** The frame document opened on its own, not inside a lesson. */
  readonly outsideLesson: Readonly<Record<string, never>>;
  /** A page other than the site embedded the frame; `site` is the site's origin. */
  readonly wrongEmbedder: { readonly site: string };
  /** The loop guard stopped a loop (see loop-guard-runtime.ts). */
  readonly loopGuard: { readonly line: number; readonly seconds: number };
  /** room() called in a lab that is not a pairing lab. */
  readonly notPaired: Readonly<Record<string, never>>;
  /** room() found this tab's role in the room already taken. */
  readonly roomFull: { readonly room: string; readonly role: string };
  /** turnCredentials(): the site has no local coturn running. */
  readonly turnUnavailable: { readonly reason: TurnUnavailableReason };
  /** turnCredentials(): the credential endpoint's rate limit answered. */
  readonly turnLimited: Readonly<Record<string, never>>;
  /** turnCredentials({ transports }) with something other than 'udp', 'tcp', 'tls'. */
  readonly turnTransports: Readonly<Record<string, never>>;
  /** turnCredentials(): the endpoint answered something else than credentials. */
  readonly turnMalformed: Readonly<Record<string, never>>;
  /** restartTurnServer(): asked from another computer (a phone in LAN mode), or through a proxy. */
  readonly turnRestartNotLocal: Readonly<Record<string, never>>;
  /** restartTurnServer(): called again within a few seconds. */
  readonly turnRestartTooSoon: Readonly<Record<string, never>>;
  /** restartTurnServer(): coturn did not come back. */
  readonly turnRestartFailed: Readonly<Record<string, never>>;
}

export type FrameMessageKey = keyof FrameMessageParams;

type Table = { readonly [K in FrameMessageKey]: (params: FrameMessageParams[K]) => string };

const MESSAGES: Readonly<Record<Locale, Table>> = {
  en: {
    outsideLesson: () => 'This page runs WebRTC Lab code. It works only inside a lesson.',
    wrongEmbedder: ({ site }) => `This lab frame belongs to ${site}.`,
    loopGuard: ({ line, seconds }) => `Loop on line ${line} ran for more than ${seconds} s without giving the browser a turn; stopped it.`,
    notPaired: () => 'room() works only in a pairing lab, which has a Pair panel.',
    roomFull: ({ room, role }) => `Room ${room} already has a ${role}. Open a new room from the Pair panel.`,
    turnUnavailable: ({ reason }) => turnUnavailableText('en', reason),
    turnLimited: () => 'Too many TURN credential requests from this computer; wait a few seconds and run again.',
    turnTransports: () => "turnCredentials({ transports }) takes a non-empty list of 'udp', 'tcp' and 'tls'.",
    turnMalformed: () => 'The site answered /turn-credentials.json with something other than TURN credentials.',
    turnRestartNotLocal: () => 'Only the computer that runs the site can restart its TURN server (not a phone on the network, not through a proxy): run this lab there.',
    turnRestartTooSoon: () => 'The TURN server was restarted a moment ago; wait a few seconds and run again.',
    turnRestartFailed: () => 'The TURN server did not come back after the restart: see the coturn log in the terminal that runs `npm start`, and restart the site.',
  },
  ko: {
    outsideLesson: () => '이 페이지는 WebRTC Lab의 실습 코드를 실행합니다. 레슨 안에서만 동작합니다.',
    wrongEmbedder: ({ site }) => `이 실습 프레임은 ${site}에서만 쓸 수 있습니다.`,
    loopGuard: ({ line, seconds }) => `${line}번째 줄의 반복문이 브라우저에 차례를 넘기지 않은 채 ${seconds}초 넘게 실행되어 멈췄습니다.`,
    notPaired: () => 'room()은 짝 패널이 있는 짝 실습에서만 쓸 수 있습니다.',
    roomFull: ({ room, role }) => `방 ${room}에는 이미 ${role === 'host' ? '방장' : '참가자'}가 있습니다. 짝 패널에서 새 방을 여세요.`,
    turnUnavailable: ({ reason }) => turnUnavailableText('ko', reason),
    turnLimited: () => '이 컴퓨터에서 TURN 자격 증명을 너무 자주 요청했습니다. 몇 초 기다렸다가 다시 실행하세요.',
    turnTransports: () => "turnCredentials({ transports })에는 'udp', 'tcp', 'tls' 가운데 하나 이상을 담은 목록을 넘기세요.",
    turnMalformed: () => '사이트가 /turn-credentials.json 요청에 TURN 자격 증명이 아닌 응답을 보냈습니다.',
    turnRestartNotLocal: () => 'TURN 서버는 사이트를 실행하는 컴퓨터에서만 재시작할 수 있습니다(같은 네트워크의 휴대폰이나 프록시 너머에서는 안 됩니다). 그 컴퓨터에서 이 실습을 실행하세요.',
    turnRestartTooSoon: () => 'TURN 서버를 방금 재시작했습니다. 몇 초 기다렸다가 다시 실행하세요.',
    turnRestartFailed: () => '재시작한 TURN 서버가 다시 올라오지 않았습니다. `npm start`를 실행한 터미널의 coturn 로그를 확인하고 사이트를 다시 시작하세요.',
  },
};

export function frameMessage<K extends FrameMessageKey>(locale: Locale, key: K, params: FrameMessageParams[K]): string {
  const table: Table = MESSAGES[locale];
  return table[key](params);
}
