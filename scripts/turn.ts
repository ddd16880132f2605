/**
 * `npm run turn`: the same local coturn `npm start` runs, alone and in the foreground, its log
 * on this terminal, with one credential minted to try it (`turnutils_uclient`, or the ICE
 * candidates lab's "check my TURN server" form).
 */
import { STANDALONE_RELAY_PORTS, startLocalTurn, turnNotice } from '../src/server/coturn.ts';
import { parseTurnTtl } from '../src/lib/turn-credentials.ts';

const status = await startLocalTurn({ ttlSeconds: parseTurnTtl(process.env['TURN_TTL']), relayPorts: STANDALONE_RELAY_PORTS, onLog: (line) => console.log(`coturn | ${line}`) });
console.log(`\n${turnNotice(status, { withSite: false })}`);
if (!status.running) process.exit(1);
const { turn } = status;
const credential = turn.mint();
console.log(`
URLs:       ${turn.urls.join('  ')}
username:   ${credential.username}
credential: ${credential.credential}   (valid ${credential.ttl} s)
Try it:     turnutils_uclient -c -y -n 5 -m 1 -u '${credential.username}' -w '${credential.credential}' -p ${turn.ports.plain} 127.0.0.1
Press Ctrl+C to stop.`);
const stop = (): void => {
  void turn.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
