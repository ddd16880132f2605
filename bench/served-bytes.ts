/**
 * Bytes a server has written to its sockets, headers and all: what a click really cost on the
 * wire, the editor's workers included (a page's request events in Playwright do not see what a
 * dedicated worker fetches).
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export function countServedBytes(server: Server): () => number {
  const live = new Set<Socket>();
  let closed = 0;
  server.on('connection', (socket: Socket) => {
    live.add(socket);
    socket.once('close', () => {
      live.delete(socket);
      closed += socket.bytesWritten;
    });
  });
  return () => [...live].reduce((sum, socket) => sum + socket.bytesWritten, closed);
}

/** Waits until the count has not moved for `quietMs` (the last worker arrived), at most `limitMs`. */
export async function settled(count: () => number, quietMs = 500, limitMs = 60_000): Promise<number> {
  const started = Date.now();
  let last = count();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}
