import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'ICE candidates: check a STUN or TURN server', ko: 'ICE 후보: STUN·TURN 서버 점검하기' },
  summary: {
    en: 'Gather candidates against this site’s coturn or any STUN/TURN server you type in, decode each priority, go relay-only, and read what icecandidateerror says.',
    ko: '이 사이트의 coturn이나 직접 입력한 STUN/TURN 서버로 후보를 수집하고, 우선순위를 풀어 보고, relay만 쓰도록 해 보고, icecandidateerror가 무엇을 알려 주는지 읽습니다.',
  },
  needs: ['turn'],
  goals: [
    {
      id: 'relay',
      title: { en: 'A relay candidate was gathered from the TURN server', ko: 'TURN 서버에서 relay 후보를 수집했다' },
      check: { kind: 'ice-candidates', types: ['relay'], side: 'local' },
    },
    {
      id: 'relay-only',
      title: {
        en: 'Gathering completed in relay-only mode: no host candidate was offered',
        ko: 'relay 전용 모드로 수집을 마쳤다: host 후보는 하나도 내놓지 않았다',
      },
      check: { kind: 'ice-candidates', types: ['relay'], side: 'local', only: true },
    },
  ],
  steps: [{ click: '#use-local' }, { click: '#relay-only' }, { click: '#gather' }],
});
