/**
 * A small simulated Internet made of network namespaces, for the NAT tests:
 *
 *   home1 (192.168.1.2) ─ nat1 (lan 192.168.1.1 │ wan 203.0.113.11) ─┐
 *                                                                   br0 in "public" (203.0.113.1: coturn)
 *   home2 (192.168.2.2) ─ nat2 (lan 192.168.2.1 │ wan 203.0.113.12) ─┘
 *
 * 203.0.113.0/24 is TEST-NET-3 and every address lives inside namespaces made here: nothing
 * can leave, whatever namespace the test itself runs in. The public side has no route to
 * either home network, so the homes reach each other only through their routers' NAT.
 *
 * Each namespace is held by a `cat` reading a pipe from this process (`unshare -n -- cat`):
 * closing the pipe (or this process dying) ends the holder, and the kernel then removes the
 * namespace with its veth ends. Programs run inside one with `nsenter --net=/proc/<pid>/ns/net`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export const PUBLIC_ADDRESS = '203.0.113.1';

export interface Namespace {
  readonly name: string;
  readonly pid: number;
  /** The path nsenter and `ip link set … netns` accept. */
  readonly path: string;
}

export interface Home {
  readonly ns: Namespace;
  readonly address: string;
  readonly router: Namespace;
  readonly routerPublicAddress: string;
}

export interface NatTopology {
  readonly publicNs: Namespace;
  readonly homes: readonly [Home, Home];
  /** Runs a command inside a namespace and returns its stdout; throws with stderr on failure. */
  run(ns: Namespace, command: string, args: readonly string[], input?: string): string;
  close(): void;
}

/** Why the simulation cannot run here (it needs root for namespaces), or undefined. */
export function natSimulationSkipReason(): string | undefined {
  return process.getuid?.() === 0 ? undefined : 'needs root (network namespaces)';
}

/** Throws naming the first missing tool: as root the simulation must run, not skip quietly. */
export function requireNatTools(): void {
  for (const tool of ['unshare', 'nsenter', 'ip', 'nft', 'turnserver']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0) {
      throw new Error(`NAT simulation: \`${tool}\` is not installed (bash scripts/install-test-system.sh installs it)`);
    }
  }
}

/** A new, empty network namespace, held until its holder (pushed onto `holders`) is ended. */
export function hold(name: string, holders: ChildProcess[]): Namespace {
  const child = spawn('unshare', ['-n', '--', 'cat'], { stdio: ['pipe', 'ignore', 'inherit'] });
  holders.push(child);
  if (child.pid === undefined) throw new Error(`could not start the holder of namespace ${name}`);
  // unshare execs cat, so this pid is the process inside the new namespace.
  return { name, pid: child.pid, path: `/proc/${child.pid}/ns/net` };
}

/** Runs a command inside a namespace (in ours when undefined) and returns its stdout; throws with stderr on failure. */
export function runIn(ns: Namespace | undefined, command: string, args: readonly string[], input?: string): string {
  const argv = ns ? ['--net=' + ns.path, command, ...args] : args;
  const result = spawnSync(ns ? 'nsenter' : command, argv, { encoding: 'utf8', input });
  if (result.status !== 0) {
    throw new Error(`${ns ? `[${ns.name}] ` : ''}${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  }
  return result.stdout;
}

/** Waits until unshare has exec'd cat in the new namespace (its ns link differs from ours). */
export async function settled(namespaces: readonly Namespace[]): Promise<void> {
  const { readlinkSync } = await import('node:fs');
  const own = readlinkSync('/proc/self/ns/net');
  for (let tries = 0; tries < 200; tries += 1) {
    const ready = namespaces.every((ns) => {
      try {
        return readlinkSync(ns.path) !== own;
      } catch {
        return false;
      }
    });
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('network namespaces did not come up');
}

export async function createNatTopology(): Promise<NatTopology> {
  const holders: ChildProcess[] = [];
  const close = (): void => {
    for (const holder of holders) {
      holder.stdin?.end();
      holder.kill();
    }
  };
  try {
    const publicNs = hold('public', holders);
    const routers = [hold('nat1', holders), hold('nat2', holders)] as const;
    const homeNs = [hold('home1', holders), hold('home2', holders)] as const;
    await settled([publicNs, ...routers, ...homeNs]);
    const ip = (ns: Namespace, ...args: string[]): string => runIn(ns, 'ip', args);

    for (const ns of [publicNs, ...routers, ...homeNs]) ip(ns, 'link', 'set', 'lo', 'up');
    ip(publicNs, 'link', 'add', 'br0', 'type', 'bridge');
    ip(publicNs, 'addr', 'add', `${PUBLIC_ADDRESS}/24`, 'dev', 'br0');
    ip(publicNs, 'link', 'set', 'br0', 'up');

    const makeHome = (index: 0 | 1): Home => {
      const n = index + 1;
      const router = routers[index];
      const home = homeNs[index];
      const address = `192.168.${n}.2`;
      const routerPublicAddress = `203.0.113.1${n}`;
      // Created here (in the test's own namespace), each end moved straight into its namespace.
      runIn(undefined, 'ip', ['link', 'add', 'eth0', 'netns', home.path, 'type', 'veth', 'peer', 'name', 'lan', 'netns', router.path]);
      runIn(undefined, 'ip', ['link', 'add', 'wan', 'netns', router.path, 'type', 'veth', 'peer', 'name', `port${n}`, 'netns', publicNs.path]);
      ip(publicNs, 'link', 'set', `port${n}`, 'master', 'br0');
      ip(publicNs, 'link', 'set', `port${n}`, 'up');
      ip(router, 'addr', 'add', `192.168.${n}.1/24`, 'dev', 'lan');
      ip(router, 'addr', 'add', `${routerPublicAddress}/24`, 'dev', 'wan');
      ip(router, 'link', 'set', 'lan', 'up');
      ip(router, 'link', 'set', 'wan', 'up');
      runIn(router, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
      ip(home, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
      ip(home, 'link', 'set', 'eth0', 'up');
      ip(home, 'route', 'add', 'default', 'via', `192.168.${n}.1`);
      return { ns: home, address, router, routerPublicAddress };
    };
    const homes = [makeHome(0), makeHome(1)] as const;

    return { publicNs, homes, run: runIn, close };
  } catch (error) {
    close();
    throw error;
  }
}
