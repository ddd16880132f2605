/**
 * `npm test`: every test, browser tests included. Isolates the network first (see
 * isolate.ts), builds the site if needed, type-checks, then runs the vitest projects.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
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
  await run('npm', ['run', 'check'], { cwd: ROOT });
} catch {
  console.error('type check failed (npm run check)');
  process.exit(1);
}
const report = path.join(ROOT, 'test-results', 'vitest.json');
rmSync(report, { force: true });
let failed = false;
try {
  await run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
} catch {
  failed = true;
}
// One plain closing line that any CI can read, whichever runner printed above it.
if (existsSync(report)) {
  const totals = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  console.log(`\ntests: ${totals.numPassedTests} passed, ${totals.numFailedTests} failed, ${totals.numPendingTests} skipped`);
}
process.exit(failed ? 1 : 0);
