// Bench data: N files of 1–64 KiB in 20 folders, and the edits the phases make to a tree.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeTree(root: string, files: number): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const dir = join(root, `d${i % 20}`);
    if (i < 20) await mkdir(dir, { recursive: true });
    const data = randomBytes(1024 + ((i * 7919) % 63) * 1024);
    bytes += data.length;
    await writeFile(join(dir, `f${i}.bin`), data);
  }
  return bytes;
}

/** Rewrites every `every`-th file with new content (a later mtime). */
export async function touchSome(root: string, files: number, every: number, tag: string): Promise<number> {
  let n = 0;
  for (let i = 1; i < files; i += every) {
    if (i % 20 === 0) continue; // d0 may have been renamed by then
    await writeFile(
      join(root, `d${i % 20}`, `f${i}.bin`),
      Buffer.concat([Buffer.from(tag), randomBytes(2048)]),
    );
    n++;
  }
  return n;
}

/** Renames folder d0 (a twentieth of the files) to moved0. */
export async function renameFolder(root: string): Promise<number> {
  const count = (await readdir(join(root, 'd0'))).length;
  await rename(join(root, 'd0'), join(root, 'moved0'));
  return count;
}
