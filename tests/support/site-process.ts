/**
 * The production server (site and broker) in a process of its own, so a test can kill it with
 * SIGKILL as a crash or an operator would: no close frames, no goodbyes, sockets cut.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SiteProcess {
  readonly port: number;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./site-process-main.ts', import.meta.url));

/**
 * Starts the server on `port` (0: any free port) and resolves once it listens; `netns`, a
 * namespace's path (/proc/<pid>/ns/net), starts it inside that network namespace.
 */
export function startSiteProcess(port = 0, netns?: string): Promise<SiteProcess> {
  // nsenter execs node, which keeps the IPC channel fork opened.
  const inNamespace = netns ? { execPath: 'nsenter', execArgv: [`--net=${netns}`, process.execPath, ...process.execArgv] } : {};
  const child = fork(MAIN, [String(port)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...inNamespace });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('message', (message) =>
      resolve({
        port: (message as { port: number }).port,
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await gone;
        },
      }),
    );
    child.once('exit', (code, signal) => reject(new Error(`the site process exited before listening (${code ?? signal})`)));
  });
}
