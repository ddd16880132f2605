import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Restart ICE on a live connection', ko: '연결된 상태에서 ICE 재시작하기' },
  summary: {
    en: 'Connect two peer connections, call restartIce(), renegotiate from negotiationneeded, and see the connection come back on new ICE credentials.',
    ko: '두 피어 연결을 연결한 뒤 restartIce()를 호출하고 negotiationneeded에서 다시 협상해, 새 ICE 자격 증명으로 연결이 이어지는 것을 확인합니다.',
  },
  needs: [],
  goals: [
    {
      id: 'restarted',
      title: { en: 'ICE restarted and the connection is connected again', ko: 'ICE가 재시작되었고 연결이 다시 connected 상태가 되었다' },
      check: { kind: 'ice-restart' },
    },
  ],
});
