import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'A camera call between two peer connections', ko: '두 피어 연결 사이의 카메라 통화' },
  summary: {
    en: 'Send the camera from one RTCPeerConnection to another in the same page with addTrack, and play what arrives through ontrack.',
    ko: '같은 페이지 안에서 addTrack으로 한 RTCPeerConnection의 카메라를 다른 RTCPeerConnection에 보내고, track 이벤트로 도착한 영상을 재생합니다.',
  },
  needs: ['camera'],
  goals: [
    {
      id: 'connected',
      title: { en: 'The peer connection is connected', ko: '피어 연결이 connected 상태가 되었다' },
      check: { kind: 'connection-state', state: 'connected' },
    },
    {
      id: 'host-pair',
      title: {
        en: 'The selected candidate pair is host ↔ host: on one machine no STUN or TURN server is needed',
        ko: '선택된 후보 쌍이 host ↔ host다: 한 컴퓨터 안에서는 STUN도 TURN 서버도 필요 없다',
      },
      check: { kind: 'ice-selected-pair', localType: 'host', remoteType: 'host' },
    },
    {
      id: 'remote-frames',
      title: { en: 'Frames that crossed the connection play in video#remote', ko: '연결을 건너온 프레임이 video#remote에서 재생되고 있다' },
      check: { kind: 'video-frames', element: 'video#remote' },
    },
  ],
});
