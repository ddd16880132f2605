/** Builds the site if its sources changed since the last build. */
import { ROOT, buildIsStale, markBuilt } from './build-state.ts';
import { run } from './run.ts';

export async function ensureBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!buildIsStale()) {
    log('dist/ is up to date; not rebuilding.');
    return;
  }
  log('Building the site (astro build)…');
  // Through npm so the build runs on the project's Node 24, not the machine's.
  await run('npm', ['run', 'build'], { cwd: ROOT });
  markBuilt();
}
