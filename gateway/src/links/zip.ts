// A shared folder as a zip, streamed: entries are added as the provider lists them and each
// file's stream is opened only when yazl reaches it, so memory holds one file's buffers at a
// time whatever the folder's size. Stored, not deflated: the CPU goes to serving, and most
// large files (media, archives) do not compress anyway.
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Provider } from '@syncoxide/sync';
import { ZipFile } from 'yazl';
import { PUBLIC_CORS } from './http.js';
import { contentDisposition } from './send-file.js';

export async function sendZip(
  res: ServerResponse,
  provider: Provider,
  root: string,
  name: string,
): Promise<void> {
  const zip = new ZipFile();
  const prefix = root ? `${root}/` : '';
  res.writeHead(200, {
    ...PUBLIC_CORS,
    'content-type': 'application/zip',
    'content-disposition': contentDisposition('attachment', `${name}.zip`),
    'cache-control': 'no-store',
  });
  const out = pipeline(zip.outputStream, res);
  try {
    for await (const e of provider.list(root, { recursive: true })) {
      const rel = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
      if (!rel || rel.split('/').some((p) => p === '..' || p === '.')) continue;
      const mtime = new Date(e.mtime ?? Date.now());
      if (e.kind === 'folder') {
        zip.addEmptyDirectory(rel, { mtime });
        continue;
      }
      zip.addReadStreamLazy(rel, { mtime, size: e.size, compress: false }, (cb) => {
        provider.read(e.path).then(
          (s) => cb(null, s),
          (err: Error) => cb(err, undefined as never),
        );
      });
    }
    zip.end();
  } catch (err) {
    // Headers are gone: the only honest signal left is a broken stream.
    (zip.outputStream as import('node:stream').Readable).destroy(err as Error);
  }
  await out;
}
