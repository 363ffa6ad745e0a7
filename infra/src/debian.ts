// PostgreSQL and Redis come from Debian's packages: installed when missing, if we are root.
import { SyncoxideError } from '@syncoxide/core';
import { run } from './process.js';

let updated = false;

export async function aptInstall(packages: string[], log: (line: string) => void): Promise<void> {
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new SyncoxideError(
      'PRECONDITION_FAILED',
      `${packages.join(', ')} missing; run as root: ${command}`,
      {
        retriable: false,
      },
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing ${packages.join(', ')} from Debian packages`);
  if (!updated) {
    await run('apt-get', ['update', '-q'], { env });
    updated = true;
  }
  await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env });
}

export async function hasCommand(name: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}
