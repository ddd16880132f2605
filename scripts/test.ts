/**
 * `npm test`: every test, browser tests included. Isolates the network first (see
 * isolate.ts), builds the site if needed, then runs the vitest projects.
 */
import { existsSync } from 'node:fs';
import { describeIsolation, isolateNetwork } from './isolate.ts';
import { ensureBuilt } from './build.ts';
import { ROOT } from './build-state.ts';
import { run } from './run.ts';
import { CHROMIUM_PATH } from '../tests/support/chromium.ts';

const isolation = isolateNetwork();
console.log(describeIsolation(isolation));
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`No Chromium at ${CHROMIUM_PATH}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
await ensureBuilt();
try {
  await run('vitest', ['run', ...process.argv.slice(2)], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
} catch {
  process.exit(1);
}
