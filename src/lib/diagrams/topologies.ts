/**
 * Mesh, SFU and MCU side by side, for a room of N: what each tab connects to and how many video
 * streams it sends and receives. Arithmetic only (no measurement): the lesson's numbers and the
 * diagram's labels come from the same functions.
 */
import type { Localized } from './text.ts';

export type Topology = 'mesh' | 'sfu' | 'mcu';
export const TOPOLOGIES: readonly Topology[] = ['mesh', 'sfu', 'mcu'];

export interface TabLoad {
  /** Peer connections each tab holds. */
  readonly connections: number;
  /** Video streams each tab encodes and sends. */
  readonly up: number;
  /** Video streams each tab receives and decodes. */
  readonly down: number;
  /** Peer connections in the whole room. */
  readonly total: number;
}

export function tabLoad(topology: Topology, n: number): TabLoad {
  switch (topology) {
    case 'mesh':
      // Every pair of tabs: N(N−1)/2 connections, each tab sends its video to N−1 others.
      return { connections: n - 1, up: n - 1, down: n - 1, total: (n * (n - 1)) / 2 };
    case 'sfu':
      // One connection to the server: one stream up, the server forwards N−1 down.
      return { connections: 1, up: 1, down: n - 1, total: n };
    case 'mcu':
      // The server decodes everything and mixes one picture for each tab.
      return { connections: 1, up: 1, down: 1, total: n };
  }
}

/** Upload of one tab in kbit/s, when each outbound stream takes `streamKbps`. */
export function uploadKbps(topology: Topology, n: number, streamKbps: number): number {
  return tabLoad(topology, n).up * streamKbps;
}

export const TOPOLOGY_TEXT = {
  caption: {
    en: 'Four tabs in a room, three ways. Lines are peer connections; each tab’s numbers are the video streams it sends (up) and receives (down).',
    ko: '한 방에 있는 탭 네 개를 연결하는 세 가지 방법. 선은 피어 연결이고, 탭마다 적힌 숫자는 그 탭이 보내는(up) 영상 스트림과 받는(down) 영상 스트림의 수입니다.',
  },
  mesh: { en: 'Mesh: every tab to every tab', ko: '메시: 모든 탭이 서로 연결' },
  sfu: { en: 'SFU: a server forwards streams', ko: 'SFU: 서버가 스트림을 전달' },
  mcu: { en: 'MCU: a server mixes one picture', ko: 'MCU: 서버가 화면 하나로 합성' },
  server: { en: 'server', ko: '서버' },
  connections: { en: 'connections in the room', ko: '방 전체의 연결 수' },
  up: { en: 'streams each tab sends (up)', ko: '탭 하나가 보내는 스트림(up)' },
  down: { en: 'streams each tab receives (down)', ko: '탭 하나가 받는 스트림(down)' },
  drawing: {
    en: '{{title}}: {{total}} connections; each tab sends {{up}} and receives {{down}} video streams.',
    ko: '{{title}}: 연결 {{total}}개. 탭마다 영상 스트림을 {{up}}개 보내고 {{down}}개 받습니다.',
  },
} satisfies Record<string, Localized>;
