import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Chat and file transfer between two tabs', ko: '두 탭 사이의 채팅과 파일 전송' },
  summary: {
    en: 'Chat over a data channel, then send a file in 64 KiB chunks with backpressure, a progress bar on both sides, a SHA-256 check on arrival and Cancel.',
    ko: '데이터 채널로 채팅하고, 파일을 64 KiB 조각으로 나눠 배압을 지키며 보냅니다. 양쪽의 진행 막대, 도착 후 SHA-256 확인, 취소까지 만듭니다.',
  },
  needs: ['pairing'],
  goals: [
    {
      id: 'open',
      title: { en: 'A data channel to the partner is open', ko: '짝과 연결된 데이터 채널이 열렸다' },
      check: { kind: 'datachannel-open' },
    },
    {
      id: 'chat',
      title: { en: 'Your chat line "Hello!" arrived in the partner’s tab', ko: '내 채팅 "Hello!"가 짝의 탭에 도착했다' },
      check: { kind: 'datachannel-message', text: '{"type":"chat","text":"Hello!"}' },
      of: 'partner',
    },
    {
      id: 'file-verified',
      title: {
        en: 'The partner hashed the 8 MiB test file it received, and its SHA-256 came back matching the one you announced',
        ko: '짝이 받은 8 MiB 테스트 파일을 해시했고, 돌아온 SHA-256이 내가 알린 값과 같다',
      },
      // The partner's reply, as this tab's observer saw it arrive: the SHA-256 of the 8 MiB test file.
      check: { kind: 'datachannel-message', text: '{"type":"received","sha256":"524beb0ac29530916577dd1bc07b04532e59ccafe40db2c6e5eae22fac00d66f"}' },
    },
    {
      id: 'progress-here',
      title: { en: 'The progress bar moved here while sending', ko: '보내는 동안 이 탭의 진행 막대가 움직였다' },
      check: { kind: 'element-value-moves', element: '#progress', minChanges: 1 },
    },
    {
      id: 'progress-there',
      title: { en: 'The progress bar moved in the partner’s tab while receiving', ko: '받는 동안 짝의 탭에서 진행 막대가 움직였다' },
      check: { kind: 'element-value-moves', element: '#progress', minChanges: 1 },
      of: 'partner',
    },
  ],
  steps: [{ click: '#send-text', after: 'open' }, { click: '#send-test-file' }],
});
