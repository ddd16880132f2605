import { describe, expect, it } from 'vitest';
import { frameMessage, type FrameMessageKey, type FrameMessageParams } from '../../src/lib/frame-messages.ts';
import { LOCALES } from '../../src/lib/lab-manifest.ts';

const SAMPLES: { readonly [K in FrameMessageKey]: FrameMessageParams[K] } = {
  outsideLesson: {},
  wrongEmbedder: { site: 'http://localhost:4321' },
  loopGuard: { line: 12, seconds: 1 },
  notPaired: {},
  roomFull: { room: 'k7q2', role: 'guest' },
  turnUnavailable: { reason: 'not-installed' },
  turnLimited: {},
  turnTransports: {},
  turnMalformed: {},
  turnRestartNotLocal: {},
  turnRestartTooSoon: {},
  turnRestartFailed: {},
};
const KEYS = Object.keys(SAMPLES) as FrameMessageKey[];

function message<K extends FrameMessageKey>(locale: 'en' | 'ko', key: K): string {
  return frameMessage(locale, key, SAMPLES[key]);
}

describe('frameMessage', () => {
  it('says what the frame has always said, in English', () => {
    expect(message('en', 'outsideLesson')).toBe('This page runs WebRTC Lab code. It works only inside a lesson.');
    expect(message('en', 'wrongEmbedder')).toBe('This lab frame belongs to http://localhost:4321.');
    expect(message('en', 'loopGuard')).toBe('Loop on line 12 ran for more than 1 s without giving the browser a turn; stopped it.');
  });

  it('says it in Korean too', () => {
    expect(message('ko', 'outsideLesson')).toBe('이 페이지는 WebRTC Lab의 실습 코드를 실행합니다. 레슨 안에서만 동작합니다.');
    expect(message('ko', 'wrongEmbedder')).toBe('이 실습 프레임은 http://localhost:4321에서만 쓸 수 있습니다.');
    expect(message('ko', 'loopGuard')).toBe('12번째 줄의 반복문이 브라우저에 차례를 넘기지 않은 채 1초 넘게 실행되어 멈췄습니다.');
    expect(message('ko', 'roomFull')).toBe('방 k7q2에는 이미 참가자가 있습니다. 짝 패널에서 새 방을 여세요.');
  });

  it('has every message in every locale, written for each', () => {
    for (const key of KEYS) {
      for (const locale of LOCALES) expect(message(locale, key)).not.toBe('');
      expect(message('ko', key)).not.toBe(message('en', key));
    }
  });

  it('says how to install coturn, unless it was switched off on purpose', () => {
    for (const locale of LOCALES) {
      expect(frameMessage(locale, 'turnUnavailable', { reason: 'not-installed' })).toMatch(/apt install coturn.*brew install coturn/);
      expect(frameMessage(locale, 'turnUnavailable', { reason: 'disabled' })).toContain('--no-turn');
      expect(frameMessage(locale, 'turnUnavailable', { reason: 'disabled' })).not.toContain('apt install');
    }
  });

  it('fills in its details', () => {
    expect(frameMessage('en', 'loopGuard', { line: 3, seconds: 0.5 })).toContain('line 3 ran for more than 0.5 s');
    expect(frameMessage('ko', 'loopGuard', { line: 7, seconds: 1 })).toMatch(/^7번째 줄/);
  });
});
