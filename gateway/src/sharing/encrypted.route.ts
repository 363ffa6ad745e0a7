// The ciphertext of an accepted encrypted share's files, for its recipient only (anyone else:
// NOT_FOUND); the app decrypts in the browser.
//   GET /user-shares/{id}/encrypted?path=<path inside the share>: the binary OpenPGP message,
//     read from the recipient's provider, with Range (a byte range of the ciphertext: what the
//     app asks for to decrypt a part of the file), ETag and If-Range.
//   GET /user-shares/{id}/encrypted-index?path=…: JSON — plaintext size and SHA-256, ciphertext
//     size, ETag and the index (`segments`, see cipher-index.ts; null: decrypt from the start).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../accounts/scopes.js';
import { rawId } from '../ids.js';
import { sendRanged } from '../rest/range.js';
import type { EncryptedFile } from './encrypted-share.js';
import type { SharesService } from './shares.service.js';

export const ENCRYPTED_PATH = /^\/user-shares\/([^/]{1,200})\/encrypted(-index)?$/;

/** Changes with the stored message: a new encryption has a new size or plaintext hash. */
const etagOf = (f: EncryptedFile) => `"pgp-${f.sha256.slice(0, 32)}-${f.cipherSize}"`;

export async function serveEncrypted(
  shares: SharesService,
  req: IncomingMessage,
  res: ServerResponse,
  caller: Caller,
  match: RegExpExecArray,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const raw = rawId(decodeURIComponent(match[1]!), 'UserShare');
  const path = url.searchParams.get('path') ?? '';
  const file = await shares.readEncrypted(caller.userId, raw, path);
  if (match[2]) {
    const body = JSON.stringify({
      path: file.path,
      size: file.plainSize,
      sha256: file.sha256,
      cipherSize: file.cipherSize,
      etag: etagOf(file),
      segments: file.index?.segments ?? null,
    });
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'private, no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const name = `${file.path.slice(file.path.lastIndexOf('/') + 1)}.pgp`;
  await sendRanged(req, res, {
    size: file.cipherSize,
    etag: etagOf(file),
    headers: {
      'content-type': 'application/pgp-encrypted',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'private, no-store',
    },
    open: (range) => file.open(range),
  });
}
