import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: "The study note's example, run as written", ko: '학습 노트의 예제를 쓰인 그대로 실행하기' },
  summary: {
    en: 'Run an older example built on addStream and see why its data channel never opens, then rewrite it with addTrack and a second peer until the channel opens and the video arrives.',
    ko: 'addStream을 쓰는 예전 예제를 그대로 실행해 데이터 채널이 왜 열리지 않는지 확인한 다음, addTrack과 두 번째 피어로 다시 써서 채널이 열리고 영상이 도착하게 만듭니다.',
  },
  needs: ['camera', 'microphone'],
  goals: [
    {
      id: 'local-frames',
      title: { en: 'The camera plays in video#local', ko: 'video#local에서 카메라 영상이 재생되고 있다' },
      check: { kind: 'video-frames', element: 'video#local' },
    },
    {
      id: 'channel-open',
      title: { en: "The data channel 'chat' is open", ko: "데이터 채널 'chat'이 열렸다" },
      check: { kind: 'datachannel-open', label: 'chat' },
    },
    {
      id: 'message',
      title: {
        en: "The message 'hello from the study note' arrived at the other peer",
        ko: "상대 피어에 'hello from the study note' 메시지가 도착했다",
      },
      check: { kind: 'datachannel-message', text: 'hello from the study note', label: 'chat' },
    },
    {
      id: 'remote-frames',
      title: { en: 'Frames that crossed the connection play in video#remote', ko: '연결을 건너온 프레임이 video#remote에서 재생되고 있다' },
      check: { kind: 'video-frames', element: 'video#remote' },
    },
  ],
});
