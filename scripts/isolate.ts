/**
 * Moves the current script into a loopback-only network namespace before it starts a
 * browser or a load test. Chromium gathers ICE candidates on every interface and sends
 * mDNS multicast; in a namespace holding only `lo`, nothing can leave the machine.
 *
 * Isolation needs root, util-linux `unshare` and iproute2 `ip` (to bring `lo` up). Where
 * those are missing (a learner's laptop) the script runs as it is and says so.
 *
 * Inside the namespace `lo` also carries a private source address with a default route on
 * `lo`: Firefox gathers ICE candidates for a page that holds no capture only on the interface
 * behind the default route, so without one its data-channel-only labs never connect
 * (shared/reference/firefox-esr-testing.md, Q4). The route stays on `lo`: nothing leaves.
 */
import { spawnSync } from 'node:child_process';

export type Isolation = 'isolated' | { readonly notIsolated: string };

export const NETNS_SOURCE_ADDRESS = '10.99.0.1';

/** Shell commands that give the namespace's `lo` its source address and default route; idempotent. */
const SOURCE_ROUTE_SCRIPT =
  `ip -o addr show dev lo | grep -q ' ${NETNS_SOURCE_ADDRESS}/' || ip addr add ${NETNS_SOURCE_ADDRESS}/32 dev lo; ` +
  `ip route show default | grep -q . || ip route add default dev lo src ${NETNS_SOURCE_ADDRESS}`;

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function onlyLoopback(): boolean {
  const result = spawnSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' });
  if (result.status !== 0) return false;
  const names = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(':')[1]?.trim().split('@')[0]);
  return names.length > 0 && names.every((name) => name === 'lo');
}

/**
 * Returns once this process runs isolated (or cannot be). When it can isolate and is not
 * yet, it re-runs itself inside `unshare -n` and exits with that run's status.
 */
export function isolateNetwork(): Isolation {
  if (process.env['IN_NETNS'] === '1') {
    if (!onlyLoopback()) throw new Error('IN_NETNS=1 but interfaces other than lo exist: refusing to run');
    // A namespace made elsewhere (shared/tools/in-netns) lacks the route: add it when allowed to.
    if (process.getuid?.() === 0) spawnSync('sh', ['-c', SOURCE_ROUTE_SCRIPT], { stdio: 'ignore' });
    return 'isolated';
  }
  if (process.env['WEBRTC_LAB_NO_NETNS'] === '1') return { notIsolated: 'WEBRTC_LAB_NO_NETNS=1 was set' };
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) return { notIsolated: 'not running as root (unshare -n needs it)' };
  if (!has('unshare')) return { notIsolated: '`unshare` (util-linux) is not installed' };
  if (!has('ip')) throw new Error('running as root with unshare but without `ip` (iproute2): install iproute2 so the tests can isolate their network');

  const child = spawnSync(
    'unshare',
    ['-n', '--', 'sh', '-c', `ip link set lo up && { ${SOURCE_ROUTE_SCRIPT}; true; } && exec "$@"`, 'isolate', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, IN_NETNS: '1' } },
  );
  if (child.error) throw child.error;
  process.exit(child.status ?? 1);
}

/** Whether `lo` carries the source address and the default route goes through `lo`. */
function hasSourceRoute(): boolean {
  const addr = spawnSync('ip', ['-o', 'addr', 'show', 'dev', 'lo'], { encoding: 'utf8' }).stdout ?? '';
  const route = spawnSync('ip', ['route', 'show', 'default'], { encoding: 'utf8' }).stdout ?? '';
  return addr.includes(` ${NETNS_SOURCE_ADDRESS}/32`) && /\bdev lo\b/.test(route);
}

export function describeIsolation(isolation: Isolation): string {
  if (isolation !== 'isolated') return `network: NOT isolated (${isolation.notIsolated}); browsers may gather candidates on every interface`;
  const route = hasSourceRoute()
    ? `; lo carries ${NETNS_SOURCE_ADDRESS}/32 with the default route on lo (Firefox gathers ICE candidates only behind a default route)`
    : `; WARNING: lo lacks ${NETNS_SOURCE_ADDRESS}/32 and a default route on lo, so Firefox data-channel-only pages cannot connect`;
  return `network: running inside a loopback-only network namespace (unshare -n); nothing can leave this machine${route}`;
}
