// Brings a fresh clone to a runnable state: system tools from Debian packages (when missing
// and we are root) and npm dependencies (when the lock file changed since the last install).
// Used by both root commands, `npm start` and `npm test`; safe to run repeatedly.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Binary → Debian package, for the product (start) and for the test servers (test). */
export const SYSTEM_TOOLS = {
  start: [
    ['java', 'openjdk-17-jdk-headless'],
    ['javac', 'openjdk-17-jdk-headless'],
    ['mvn', 'maven'],
  ],
  test: [
    ['rclone', 'rclone'],
    ['sshd', 'openssh-server', '/usr/sbin/sshd'],
    ['md5sum', 'coreutils'],
    ['aria2c', 'aria2'],
    ['gpg', 'gnupg'],
    // The dashboard's end-to-end tests drive Debian's Chromium with playwright-core.
    ['chromium', 'chromium', '/usr/bin/chromium'],
  ],
};

function has(bin, path) {
  if (path && existsSync(path)) return true;
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

export function ensureSystemTools(kinds) {
  const missing = kinds.flatMap((k) => SYSTEM_TOOLS[k]).filter(([bin, , path]) => !has(bin, path));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(
      `syncoxide needs: ${missing.map(([b]) => b).join(', ')}. Install the packages: ${packages.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`installing system packages: ${packages.join(' ')}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export function ensureNodeModules() {
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 20) {
    console.error(`syncoxide needs Node.js 20 or newer (this is ${process.version}).`);
    process.exit(1);
  }
  const lock = `${root}/package-lock.json`;
  const stamp = `${root}/node_modules/.syncoxide-install`;
  const digest = createHash('sha256').update(readFileSync(lock)).digest('hex');
  const fresh = !existsSync(`${root}/node_modules`);
  if (!fresh && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  // A fresh clone gets exactly the lock (npm ci); an existing tree is topped up in place, which
  // is quick and never removes node_modules from under running processes.
  const args = fresh ? ['ci'] : ['install'];
  console.log(`installing npm dependencies (npm ${args[0]})…`);
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  writeFileSync(stamp, digest);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureSystemTools(process.argv.slice(2).length ? process.argv.slice(2) : ['start', 'test']);
  ensureNodeModules();
}
