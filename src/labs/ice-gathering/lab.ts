import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Watch ICE gather candidates', ko: 'ICE 후보 수집 지켜보기' },
  summary: {
    en: 'Start ICE gathering on one peer connection, list every local candidate with its type, and wait until gathering is complete.',
    ko: '피어 연결 하나에서 ICE 후보 수집을 시작하고, 로컬 후보를 하나하나 종류와 함께 나열한 뒤 수집이 끝날 때까지 기다립니다.',
  },
  needs: [],
  goals: [
    {
      id: 'host',
      title: { en: 'A host candidate was gathered', ko: 'host 후보가 수집되었다' },
      check: { kind: 'ice-candidates', types: ['host'], side: 'local' },
    },
  ],
});
