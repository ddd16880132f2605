import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'A room of four: a mesh', ko: '네 명이 있는 방: 메시(mesh)' },
  summary: {
    en: 'Connect this tab to every other tab in the room, show each one’s video in a grid, and watch your upload grow with one outbound stream per peer.',
    ko: '이 탭을 방 안의 다른 모든 탭과 연결하고, 각 탭의 영상을 격자로 보여 주며, 피어마다 하나씩 늘어나는 송신 스트림으로 업로드가 커지는 것을 지켜봅니다.',
  },
  needs: ['camera', 'pairing'],
  room: { size: 4 },
  goals: [
    {
      id: 'remote-videos',
      // Two, not three: the lab's own tests open a mesh of three tabs, the least that tells a
      // mesh from a pair (tests/e2e/mesh.test.ts fills all four seats).
      title: { en: 'Video from at least two other tabs plays here (video#remote-…)', ko: '다른 탭 두 개 이상의 영상이 이 탭에서 재생된다(video#remote-…)' },
      check: { kind: 'video-frames', element: 'video#remote', minElements: 2, minFrames: 20 },
    },
    {
      id: 'partners-see-two',
      title: { en: 'Every other tab plays video from at least two tabs', ko: '다른 탭마다 탭 두 개 이상의 영상이 재생된다' },
      check: { kind: 'video-frames', element: 'video#remote', minElements: 2, minFrames: 20 },
      of: 'partner',
    },
  ],
});
