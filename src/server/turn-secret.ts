/**
 * The local coturn's `static-auth-secret`: made on first run, kept in `.turn/secret` (git-ignored,
 * mode 0600) and reused, so credentials minted before a restart keep working until they expire.
 * It goes into coturn's config file, never onto a command line (`ps` shows those to every user).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SECRET_FILE = 'secret';
const WELL_FORMED = /^[0-9a-f]{64}$/;

export async function turnSecret(stateDir: string): Promise<{ secret: string; created: boolean }> {
  const file = path.join(stateDir, SECRET_FILE);
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (WELL_FORMED.test(kept)) {
      // A copy made by hand (or an old umask) may be readable by others: tighten it.
      await chmod(file, 0o600);
      return { secret: kept, created: false };
    }
  } catch {
    // None yet: make one below.
  }
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { secret, created: true };
}
