// Test servers use Debian packages (sshd, rclone); install them when missing so a fresh
// machine can run the tests, and say clearly what is happening or what to do.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Full path of an executable: `bin` itself when absolute, else looked up on PATH. */
export function findExecutable(bin: string): string | null {
  const candidates = bin.includes('/')
    ? [bin]
    : (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin:/usr/sbin')
        .split(delimiter)
        .map((d) => join(d, bin));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; next
    }
  }
  return null;
}

/** Returns the path of `bin`, installing Debian package `pkg` first when it is missing. */
export function ensureDebianPackage(bin: string, pkg: string): string {
  const found = findExecutable(bin);
  if (found) return found;
  process.stderr.write(`[syncoxide tests] ${bin} is missing: installing Debian package "${pkg}" (apt-get)\n`);
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  let result = install();
  if (result.status !== 0) {
    // A fresh image often has no package lists yet.
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'] });
    result = install();
  }
  const after = findExecutable(bin);
  if (result.status !== 0 || !after) {
    throw new Error(
      `${bin} is required by these tests and installing "${pkg}" failed (exit ${result.status}). ` +
        `Install it yourself: sudo apt-get install -y ${pkg}`,
    );
  }
  return after;
}
