// The peer: `rclone copy` of the same data to the same server, in the same run, configured
// inline (connection strings), with AWS_CA_BUNDLE removed (it breaks rclone's S3 backend).
import { spawn } from 'node:child_process';
import { rcloneEnv } from '../../sync/src/providers/rclone/tether.ts';

export async function rcloneCopy(from: string, to: string, extra: string[] = []): Promise<number> {
  const t0 = performance.now();
  const child = spawn('rclone', ['copy', from, to, ...extra], {
    env: rcloneEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    log = (log + d).slice(-2000);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`rclone copy ${from} → ${to} exited with ${code}: ${log}`);
  return performance.now() - t0;
}

/** `:backend,k=v,...:path`, quoting values that would break the connection string. */
export function connectionString(
  backend: string,
  options: Record<string, string | number | boolean>,
  path: string,
) {
  const parts = Object.entries(options).map(([k, v]) => {
    const value = String(v);
    return /[,:="']/.test(value) ? `${k}="${value.replaceAll('"', '""')}"` : `${k}=${value}`;
  });
  return `:${[backend, ...parts].join(',')}:${path}`;
}
