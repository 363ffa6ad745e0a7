// GET /files/:id/content: the bytes of a file the caller may read, streamed from its provider,
// with Range, ETag, If-None-Match and If-Range. Unknown, foreign and malformed ids are all 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Caller } from '../accounts/scopes.js';
import type { GatewayServices } from '../context.js';
import { notFound, rawId } from '../ids.js';
import { etagOf, matchesNone, parseRange } from './range.js';

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
  const etag = etagOf(node);
  const common: Record<string, string> = {
    etag,
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-cache',
    'content-type': node.mime ?? 'application/octet-stream',
    // Never rendered inline on our origin: a user's HTML file must not run as our page.
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(node.name)}`,
    'content-security-policy': "default-src 'none'; sandbox",
  };
  if (node.mtime) common['last-modified'] = new Date(node.mtime).toUTCString();
  if (matchesNone(header(req, 'if-none-match'), etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const ifRange = header(req, 'if-range');
  const range =
    ifRange && ifRange !== etag ? { kind: 'full' as const } : parseRange(header(req, 'range'), size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'content-range': `bytes */${size}` });
    res.end();
    return;
  }
  const provider = await services.providers.get(node.ownerId, node.remoteId);
  if (range.kind === 'partial') {
    // Open the stream before the status line: a provider error still becomes a clean error reply.
    const body =
      req.method === 'HEAD' ? null : await provider.read(node.path, { start: range.start, end: range.end });
    res.writeHead(206, {
      ...common,
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
      'content-length': String(range.end - range.start + 1),
    });
    if (!body) return void res.end();
    await pipeline(body, res);
    return;
  }
  const body = req.method === 'HEAD' ? null : await provider.read(node.path);
  res.writeHead(200, { ...common, 'content-length': String(size) });
  if (!body) return void res.end();
  await pipeline(body, res);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
