import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'The classic mistake: a channel created after the offer', ko: '흔한 실수: offer 다음에 만든 채널' },
  summary: {
    en: 'See a data channel created after the only offer/answer stay connecting forever, then renegotiate on negotiationneeded so it opens and carries a message each way.',
    ko: '단 한 번의 offer/answer가 끝난 뒤에 만든 데이터 채널이 connecting에 영원히 머무는 것을 확인하고, negotiationneeded에서 다시 협상하게 해 채널이 열리고 메시지가 양방향으로 오가게 합니다.',
  },
  needs: [],
  goals: [
    {
      id: 'late-open',
      title: { en: "The channel 'late' is open", ko: "채널 'late'가 열렸다" },
      check: { kind: 'datachannel-open', label: 'late' },
    },
    {
      id: 'reply',
      title: {
        en: "pc2's reply 'hello back from pc2' arrived at pc1",
        ko: "pc2의 답장 'hello back from pc2'가 pc1에 도착했다",
      },
      check: { kind: 'datachannel-message', text: 'hello back from pc2', label: 'late' },
    },
  ],
});
