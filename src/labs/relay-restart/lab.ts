import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'A relayed call that survives its TURN server’s restart', ko: 'TURN 서버가 재시작해도 이어지는 릴레이 통화' },
  summary: {
    en: 'Connect two peers through the local coturn only, restart coturn under the call, notice that the path is gone, and bring the call back with an ICE restart on fresh relays.',
    ko: '두 피어를 로컬 coturn으로만 연결한 뒤 통화 중에 coturn을 재시작합니다. 경로가 끊긴 것을 알아차리고, ICE 재시작으로 새 릴레이를 받아 통화를 되살립니다.',
  },
  needs: ['turn', 'turnRestart'],
  goals: [
    {
      id: 'relay-pair',
      title: {
        en: 'The call runs on a relay ↔ relay pair: coturn is its only path',
        ko: '통화가 relay ↔ relay 후보 쌍으로 흐른다. coturn이 유일한 경로다',
      },
      check: { kind: 'ice-selected-pair', localType: 'relay', remoteType: 'relay' },
    },
    {
      id: 'survived',
      title: {
        en: 'After coturn restarted, the call is connected again, on new relays',
        ko: 'coturn이 재시작한 뒤 통화가 새 릴레이로 다시 연결되었다',
      },
      check: { kind: 'relay-after-turn-restart' },
    },
  ],
});
