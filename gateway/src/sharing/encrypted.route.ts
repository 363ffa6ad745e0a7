// GET /user-shares/{id}/encrypted?path=<path inside the share>: the ciphertext (binary OpenPGP)
// of a file of an accepted encrypted share, read from the recipient's provider, for the
// recipient only (anyone else: NOT_FOUND). The app decrypts it in the browser.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Caller } from '../accounts/scopes.js';
import { rawId } from '../ids.js';
import type { SharesService } from './shares.service.js';

export const ENCRYPTED_PATH = /^\/user-shares\/([^/]{1,200})\/encrypted$/;

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
  const { stream, size } = await shares.readEncrypted(caller.userId, raw, path);
  const name = `${path.slice(path.lastIndexOf('/') + 1)}.pgp`;
  res.writeHead(200, {
    'content-type': 'application/pgp-encrypted',
    'content-length': String(size),
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'private, no-store',
  });
  if (req.method === 'HEAD') {
    stream.destroy();
    res.end();
    return;
  }
  await pipeline(stream, res);
}
