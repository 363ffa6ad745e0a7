// Bench data: N files of 1–`maxKiB` KiB in 20 folders, and the edits the phases make to a tree.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes the tree (8 files at a time); returns its bytes. */
export async function writeTree(root: string, files: number, maxKiB = 64): Promise<number> {
  for (let d = 0; d < 20; d++) await mkdir(join(root, `d${d}`), { recursive: true });
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files; i = next++) {
      const data = randomBytes(1024 + ((i * 7919) % maxKiB) * 1024);
      bytes += data.length;
      await writeFile(join(root, `d${i % 20}`, `f${i}.bin`), data);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return bytes;
}

/** Rewrites every `every`-th file with new content (a later mtime); returns how many. */
export async function touchSome(root: string, files: number, every: number, tag: string): Promise<number> {
  let n = 0;
  for (let i = 1; i < files; i += every) {
    await writeFile(
      join(root, `d${i % 20}`, `f${i}.bin`),
      Buffer.concat([Buffer.from(tag), randomBytes(2048)]),
    );
    n++;
  }
  return n;
}
