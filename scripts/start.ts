/** `npm start`: build when needed, then serve the site and the broker from one process. */
import { ensureBuilt } from './build.ts';
import { DIST } from './build-state.ts';
import { readServerConfig } from '../src/server/config.ts';
import { startSiteServer, type SiteServer } from '../src/server/site-server.ts';
import { startLocalTurn, turnNotice, type TurnStatus } from '../src/server/coturn.ts';
import { sharedTurn } from '../src/server/shared-turn.ts';

// `npm start -- --lan` is the same as LAN=1.
if (process.argv.includes('--lan')) process.env['LAN'] = '1';
// `npm start -- --no-turn` is the same as NO_TURN=1: no local coturn.
if (process.argv.includes('--no-turn')) process.env['NO_TURN'] = '1';

const config = readServerConfig();
await ensureBuilt();
const turnStopped = (log: readonly string[]): void =>
  console.error(
    [
      'The local TURN server (coturn) stopped by itself; labs get no TURN credentials until npm start runs again. Its last lines:',
      '로컬 TURN 서버(coturn)가 스스로 멈췄습니다. npm start를 다시 실행할 때까지 실습은 TURN 자격 증명을 받지 못합니다. 마지막 로그:',
      ...log.slice(-30).map((line) => `  ${line}`),
    ].join('\n'),
  );
const turn: TurnStatus = config.turn.enabled
  ? await startLocalTurn({ ttlSeconds: config.turn.ttlSeconds, onUnexpectedExit: turnStopped })
  : { running: false, reason: 'disabled' };
const shared = config.turn.shared;
const credentials = shared ? sharedTurn({ secretFile: shared.secretFile, urls: shared.urls, ttlSeconds: config.turn.ttlSeconds }) : undefined;
let site: SiteServer;
try {
  site = await startSiteServer({ distDir: DIST, config, turn, ...(credentials ? { credentials } : {}) });
} catch (error) {
  if (turn.running) await turn.turn.close();
  throw error;
}
const origins = config.origins(site.port);
console.log(`\nWebRTC Lab is running at ${origins.site}/  (한국어: ${origins.site}/ko/)`);
console.log(`PeerJS broker: ${origins.site}/peerjs  ·  lab origin: ${origins.lab}`);
if (site.lan) console.log(lanNotice(site.lan));
console.log(shared ? `TURN: credentials for ${shared.urls.join('  ')} (the secret in ${shared.secretFile})` : turnNotice(turn));
console.log('Press Ctrl+C to stop.');

/** What a learner needs to open the site on a phone, in English and Korean. */
function lanNotice({ origins: pairs, certificate }: NonNullable<SiteServer['lan']>): string {
  const sites = pairs.map((pair) => `    ${pair.site}/   (lab: ${pair.lab}/)`).join('\n');
  const [sitePort, labPort] = pairs[0] ? [new URL(pairs[0].site).port, new URL(pairs[0].lab).port] : ['', ''];
  const [site, lab] = [pairs[0]?.site ?? '', pairs[0]?.lab ?? ''];
  return `
On your network (LAN mode), over HTTPS — open this on the phone (the pair panel's QR code points here):
${sites}
  The browser will warn that the connection is "not private" (NET::ERR_CERT_AUTHORITY_INVALID,
  "Warning: Potential Security Risk Ahead"). That is because this computer made the certificate
  itself (${certificate.reused ? 'kept from an earlier run' : 'just now'}) and no certificate authority vouches for it.
  The connection is still encrypted; the warning only says that nobody checked who is at that
  address. Here it is your own computer on your own network, so continue
  ("Advanced" → "Proceed" / "Accept the risk"). Do it twice: once for ${site}/
  and once for the lab origin ${lab}/ (another port, because an IP address has
  no subdomains); otherwise the lab's output stays blank.
  Certificate SHA-256: ${certificate.fingerprint}
  (${certificate.certPath}; the browser shows the same fingerprint under the certificate's details).
  No page? Let your firewall accept TCP ports ${sitePort} and ${labPort} on this network.

같은 네트워크의 휴대폰에서는 HTTPS 주소로 여세요 (페어 패널의 QR 코드도 이 주소를 가리킵니다):
${sites}
  브라우저가 "연결이 비공개로 설정되어 있지 않습니다"(NET::ERR_CERT_AUTHORITY_INVALID) 같은 경고를
  보여 줍니다. 이 컴퓨터가 인증서를 직접 만들었고 이를 보증하는 인증 기관이 없기 때문입니다. 연결은
  그래도 암호화되며, 경고는 그 주소에 누가 있는지 아무도 확인하지 않았다는 뜻일 뿐입니다. 여기서는
  내 네트워크의 내 컴퓨터이므로 "고급" → "계속 진행"(또는 "위험을 감수하고 계속")을 눌러도 됩니다.
  사이트 ${site}/ 와 실습 출처 ${lab}/ 에서 한 번씩, 모두 두 번
  허용하세요(IP 주소에는 서브도메인이 없어서 실습 출처는 다른 포트를 씁니다). 그러지 않으면 실습
  출력이 빈 채로 남습니다.
  인증서 SHA-256: ${certificate.fingerprint}
  페이지가 열리지 않으면 방화벽에서 TCP ${sitePort}번과 ${labPort}번 포트를 허용하세요.
`;
}

const stop = (): void => {
  void site.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
