// GET/HEAD /photos/:fileId/:size[.webp|.avif]: a photo's thumbnail, preview or large rendition
// from the rendition cache, after the access check (the owner only; another user's or an
// unknown id is the same 404). Caching headers come from serveThumbnail: the ETag and the URL's
// key hash the content, so a rendition never changes under its ETag (immutable).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RenditionFormat, type RenditionSize, serveThumbnail } from '@syncoxide/photos';
import type { Caller } from '../accounts/scopes.js';
import { notFound, rawId } from '../ids.js';
import type { PhotosService } from './photos.service.js';

export const RENDITION_PATH = /^\/photos\/([^/]{1,200})\/(thumb|preview|large)(?:\.(webp|avif))?$/;

export async function serveRendition(
  photos: PhotosService,
  req: IncomingMessage,
  res: ServerResponse,
  caller: Caller,
  match: RegExpExecArray,
): Promise<void> {
  const nodeId = rawId(decodeURIComponent(match[1]!), 'File');
  const size = match[2] as RenditionSize;
  const row = await photos.library.photo(caller.userId, nodeId);
  const contentTag = row?.photo.contentTag;
  const renditions = (row?.photo.renditions ?? []) as Array<{ size: string; format: RenditionFormat }>;
  const formats = renditions.filter((r) => r.size === size).map((r) => r.format);
  if (!row || typeof contentTag !== 'string' || formats.length === 0) throw notFound();
  const format = match[3] as RenditionFormat | undefined;
  if (format && !formats.includes(format)) throw notFound();
  await serveThumbnail(req, res, {
    store: photos.store,
    nodeId,
    contentTag,
    size,
    formats,
    ...(format ? { format } : {}),
    regenerate: () => photos.regenerate(caller.userId, nodeId, contentTag),
  });
}

/** The URL of a rendition for the API (no format: chosen by the browser's Accept header). */
export function renditionUrl(globalFileId: string, size: RenditionSize): string {
  return `/photos/${encodeURIComponent(globalFileId)}/${size}`;
}
