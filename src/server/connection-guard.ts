/**
 * Limits on raw HTTP connections, before any request is read: one address may hold only so
 * many sockets (half-sent requests cost a file descriptor each), the whole server has a
 * ceiling, and a request must finish its headers and body in good time.
 */
import type { Server } from 'node:http';
import { normalizeAddress } from '../lib/address-prefix.ts';
import { createConnectionCounter } from '../lib/connection-counter.ts';

export interface ConnectionLimits {
  /**
   * Sockets one address may hold. A browser keeps about six per origin, and a classroom behind
   * one NAT address is thirty browsers: 256 lets that in and still stops one client's flood.
   */
  readonly perAddress: number;
  /** Sockets the whole server holds; well under the process's file descriptor limit. */
  readonly total: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  perAddress: 256,
  total: 4096,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

/**
 * Behind a proxy (`behindProxy`: TRUST_PROXY=1) every connection comes from the proxy's address,
 * so the per-address cap would count the whole class as one client and cut it off at 256
 * sockets (seen in the bench: HAProxy answered 502 to the 257th socket it opened to one shard).
 * There the proxy holds that cap (broker-shards.ts writes it into HAProxy's configuration); the
 * total and the timeouts stay.
 */
export function guardConnections(server: Server, { limits = DEFAULT_CONNECTION_LIMITS, behindProxy = false }: { limits?: ConnectionLimits; behindProxy?: boolean } = {}): { refused(): number } {
  const perAddress = createConnectionCounter(limits.perAddress);
  let refused = 0;
  server.maxConnections = limits.total;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.on('connection', (socket) => {
    if (behindProxy) return;
    const address = normalizeAddress(socket.remoteAddress);
    if (!perAddress.tryAcquire(address)) {
      refused += 1;
      socket.destroy();
      return;
    }
    socket.once('close', () => perAddress.release(address));
  });
  return { refused: () => refused };
}
