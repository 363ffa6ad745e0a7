// The benchmark's source data, generated into a temp folder as streams (memory stays flat):
// one big file of random bytes (incompressible) and many small files of 1–64 KiB in folders of
// 100, sizes from a seeded generator so every run moves the same bytes.
import { randomFill } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** randomFill as a promise (promisify loses its overloads' types). */
const fill = (buffer: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => randomFill(buffer, (err, b) => (err ? reject(err) : resolve(b))));
const CHUNK = 1024 * 1024;

export interface SmallFile {
  path: string;
  size: number;
}

async function* randomBytes(total: number): AsyncGenerator<Buffer> {
  for (let done = 0; done < total; done += CHUNK) {
    yield await fill(Buffer.allocUnsafe(Math.min(CHUNK, total - done)));
  }
}

export async function writeBigFile(path: string, bytes: number): Promise<void> {
  await pipeline(Readable.from(randomBytes(bytes)), createWriteStream(path));
}

/** Seeded sizes in [1 KiB, 64 KiB]: xorshift, so runs are comparable. */
function sizes(count: number): number[] {
  let x = 0x9e3779b9;
  return Array.from({ length: count }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return 1024 + ((x >>> 0) % (63 * 1024 + 1));
  });
}

export async function writeSmallFiles(
  root: string,
  count: number,
): Promise<{ files: SmallFile[]; bytes: number }> {
  const files: SmallFile[] = [];
  let bytes = 0;
  const all = sizes(count);
  for (let folder = 0; folder * 100 < count; folder++) {
    await mkdir(join(root, `d${folder}`), { recursive: true });
    const batch: Promise<void>[] = [];
    for (let i = folder * 100; i < Math.min(count, (folder + 1) * 100); i++) {
      const path = `d${folder}/f${i}.bin`;
      const size = all[i]!;
      files.push({ path, size });
      bytes += size;
      batch.push(fill(Buffer.allocUnsafe(size)).then((b) => writeFile(join(root, path), b)));
    }
    await Promise.all(batch);
  }
  return { files, bytes };
}
