// The peer: `rclone lsjson -R --hash --hash-type MD5 --hash-type SHA1` over the same tree,
// output counted and dropped.
import { spawn } from 'node:child_process';

export async function rcloneLsjson(root: string): Promise<{ ms: number; entries: number }> {
  const t0 = performance.now();
  const child = spawn(
    'rclone',
    ['lsjson', '-R', '--hash', '--hash-type', 'MD5', '--hash-type', 'SHA1', root],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let entries = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) entries++;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`rclone lsjson exited with ${code}`);
  // Output is "[", one line per entry, "]".
  return { ms: performance.now() - t0, entries: Math.max(0, entries - 2) };
}
