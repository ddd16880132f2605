import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Echo over a data channel: text and binary', ko: '데이터 채널 에코: 텍스트와 바이너리' },
  summary: {
    en: 'Send a text and a binary message from one peer connection to another and echo each one back unchanged.',
    ko: '한 피어 연결에서 다른 피어 연결로 텍스트 메시지와 바이너리 메시지를 보내고, 받은 쪽이 각각을 그대로 되돌려 보냅니다.',
  },
  needs: [],
  goals: [
    {
      id: 'text-round-trip',
      title: { en: 'A text message went over and came back intact', ko: '텍스트 메시지가 건너갔다가 그대로 돌아왔다' },
      check: { kind: 'datachannel-round-trip', payload: 'text' },
    },
    {
      id: 'binary-round-trip',
      title: { en: 'A binary message went over and came back intact', ko: '바이너리 메시지가 건너갔다가 그대로 돌아왔다' },
      check: { kind: 'datachannel-round-trip', payload: 'binary' },
    },
  ],
});
