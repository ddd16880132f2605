/**
 * `npm test`: every test, browser tests included. Isolates the network first (see
 * isolate.ts), builds the site if needed, then type-checks and runs the vitest projects.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describeIsolation, isolateNetwork } from './isolate.ts';
import { ensureBuilt } from './build.ts';
import { ROOT } from './build-state.ts';
import { run } from './run.ts';
import { CHROMIUM_PATH, HEADLESS_SHELL_PATH } from '../tests/support/chromium.ts';

const isolation = isolateNetwork();
console.log(describeIsolation(isolation));
for (const [binary, debianPackage, variable] of [
  [CHROMIUM_PATH, 'chromium', 'CHROMIUM_PATH'],
  [HEADLESS_SHELL_PATH, 'chromium-headless-shell', 'CHROMIUM_HEADLESS_SHELL_PATH'],
] as const) {
  if (existsSync(binary)) continue;
  console.error(`No Chromium at ${binary}. Install Debian's package (apt-get install ${debianPackage}) or set ${variable}.`);
  process.exit(1);
}
await ensureBuilt();
/**
 * The browser tests (project `site`) take most of the time and both cores; the browser tests of
 * `site-beside` (see vitest.config.ts) mostly wait, so they run beside them, one file at a time.
 * The unit and server tests are light and mostly wait on timers: a third group, because in one
 * vitest process `site-beside`'s single worker would make them wait their turn too (they did:
 * 170 s added to that group's span). The groups run at once, the quiet ones' output held back
 * and printed when each ends, so the logs stay readable. A run that names its own projects is
 * passed through as one vitest.
 */
const args = process.argv.slice(2);
const groups: ReadonlyArray<{ name: string; projects: readonly string[]; quiet: boolean }> = args.includes('--project')
  ? [{ name: 'vitest', projects: [], quiet: false }]
  : [
      { name: 'vitest-site', projects: ['site'], quiet: false },
      { name: 'vitest-site-beside', projects: ['site-beside'], quiet: true },
      { name: 'vitest-unit-server', projects: ['unit', 'server'], quiet: true },
    ];
/** Runs a command with its output held in test-results/<name>.log, printed when it ends. */
async function runQuietly(name: string, command: string, commandArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const log = path.join(ROOT, 'test-results', `${name}.log`);
  mkdirSync(path.dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  try {
    await run(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', out, out] });
    return true;
  } catch {
    return false;
  } finally {
    closeSync(out);
    process.stdout.write(readFileSync(log, 'utf8'));
  }
}

/**
 * The type check (about 25 s of one core) runs beside the tests rather than before them, which
 * shortens the run by most of that on two cores; a run with a type error still fails, at the end.
 */
const checked = runQuietly('check', 'npm', ['run', 'check']);
const reports = groups.map((group) => path.join(ROOT, 'test-results', `${group.name}.json`));
for (const report of reports) rmSync(report, { force: true });
const outcomes = await Promise.all(
  groups.map(async (group, index) => {
    const vitestArgs = ['run', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${reports[index]}`, ...group.projects.flatMap((name) => ['--project', name]), ...args];
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    if (group.quiet) return runQuietly(group.name, 'vitest', vitestArgs, env);
    return run('vitest', vitestArgs, { cwd: ROOT, env }).then(
      () => true,
      () => false,
    );
  }),
);
const typesOk = await checked;
// One plain closing line that any CI can read, whichever runner printed above it.
// The failures are named again here: a CI that keeps only the log's tail would otherwise
// lose them among the other group's output.
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
for (const report of reports.filter((file) => existsSync(file))) {
  const counts = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  totals.passed += counts.numPassedTests;
  totals.failed += counts.numFailedTests;
  totals.skipped += counts.numPendingTests;
  failures.push(...failuresIn(counts));
}
if (!typesOk) failures.push('  the type check (npm run check): see its output above');
if (failures.length > 0) console.log(`\nfailed:\n${failures.join('\n')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(typesOk && outcomes.every(Boolean) ? 0 : 1);

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: ReadonlyArray<{ name: string; status: string; message: string; assertionResults: ReadonlyArray<{ fullName: string; status: string; failureMessages: readonly string[] }> }>;
}

/** One line per failed test (or failed file, when it failed outside a test), with the error's first line. */
function failuresIn(report: VitestReport): string[] {
  const firstLine = (text: string | undefined): string => (text ?? '').split('\n', 1)[0]!.slice(0, 300);
  return report.testResults.flatMap((file) => {
    const where = path.relative(ROOT, file.name);
    const tests = file.assertionResults.filter((test) => test.status === 'failed').map((test) => `  ${where} > ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    return tests.length > 0 || file.status !== 'failed' ? tests : [`  ${where}: ${firstLine(file.message)}`];
  });
}
