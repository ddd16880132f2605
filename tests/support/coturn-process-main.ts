/** A process that starts the local coturn and reports its ports: the no-orphan test SIGKILLs it. */
import { startLocalTurn } from '../../src/server/coturn.ts';

const status = await startLocalTurn({ ttlSeconds: 60, stateDir: process.argv[2] ?? '', relayPorts: { min: 49450, max: 49499 } });
process.send?.(status.running ? { port: status.turn.ports.plain, tlsPort: status.turn.ports.tls } : { error: status.reason });
