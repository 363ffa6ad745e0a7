// GET /files/:id/content: the bytes of a file the caller may read, streamed from its provider,
// with Range, ETag, If-None-Match and If-Range. Unknown, foreign and malformed ids are all 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../accounts/scopes.js';
import type { GatewayServices } from '../context.js';
import { notFound, rawId } from '../ids.js';
import { etagOf, sendRanged } from './range.js';

export async function download(
  services: GatewayServices,
  req: IncomingMessage,
  res: ServerResponse,
  caller: Caller,
  globalId: string,
): Promise<void> {
  const node = await services.views.node(caller.userId, rawId(globalId, 'File'));
  if (node.kind !== 'file') throw notFound();
  const size = node.size ?? 0;
  const headers: Record<string, string> = {
    'cache-control': 'private, no-cache',
    'content-type': node.mime ?? 'application/octet-stream',
    // Never rendered inline on our origin: a user's HTML file must not run as our page.
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(node.name)}`,
    'content-security-policy': "default-src 'none'; sandbox",
  };
  if (node.mtime) headers['last-modified'] = new Date(node.mtime).toUTCString();
  await sendRanged(req, res, {
    size,
    etag: etagOf(node),
    headers,
    open: async (range) => {
      const provider = await services.providers.get(node.ownerId, node.remoteId);
      return range ? provider.read(node.path, range) : provider.read(node.path);
    },
  });
}
