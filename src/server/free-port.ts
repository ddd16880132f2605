/** Finds a port free for both TCP and UDP on one address, by binding and releasing it. */
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

function tcpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function udpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind({ address: host, port, exclusive: true }, () => socket.close(() => resolve(true)));
  });
}

/** The first of `preferred`, `preferred + 1`, … (at most `tries`) free on `host`, not in `skip`. */
export async function freePort(host: string, preferred: number, { udp = true, tries = 50, skip = [] as readonly number[] } = {}): Promise<number> {
  for (let port = preferred; port < preferred + tries && port < 65536; port++) {
    if (skip.includes(port)) continue;
    if ((await tcpFree(host, port)) && (!udp || (await udpFree(host, port)))) return port;
  }
  throw new Error(`no free port on ${host} from ${preferred} to ${preferred + tries - 1}`);
}
