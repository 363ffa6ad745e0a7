// Deleting many objects: DeleteObjects in batches of 1000, folder markers last.
import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { SyncoxideError } from '@syncoxide/core';
import { type S3Context, send } from './context.js';
import { markerExists } from './objects.js';

/**
 * Deletes every object under a prefix (temp objects and markers too), 1000 per request.
 * Folder markers go last, deepest first: servers that keep folders as directories (S3Proxy)
 * cannot remove a marker while something is still inside it. A prefix ending in '/' is a
 * folder: its own marker goes too.
 */
export async function deletePrefix(ctx: S3Context, rel: string, prefix: string): Promise<number> {
  let count = 0;
  let token: string | undefined;
  const markers: string[] = [];
  do {
    const page = await send(rel, 'cannot list', () =>
      ctx.client.send(
        new ListObjectsV2Command({ Bucket: ctx.bucket, Prefix: prefix, ContinuationToken: token }),
      ),
    );
    const keys = (page.Contents ?? []).map((o) => o.Key!);
    markers.push(...keys.filter((k) => k.endsWith('/')));
    const objects = keys.filter((k) => !k.endsWith('/'));
    if (objects.length > 0) await deleteKeys(ctx, rel, objects);
    count += keys.length;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  // The folder's own marker: some servers (S3Proxy) do not list a key equal to the prefix.
  if (
    prefix.endsWith('/') &&
    !markers.includes(prefix) &&
    (await markerExists(ctx, rel, prefix.slice(0, -1)))
  ) {
    markers.push(prefix);
    count++;
  }
  markers.sort((a, b) => b.length - a.length);
  for (let i = 0; i < markers.length; i += 1000) await deleteKeys(ctx, rel, markers.slice(i, i + 1000));
  return count;
}

export async function deleteKeys(ctx: S3Context, rel: string, keys: string[]): Promise<void> {
  const out = await send(rel, 'cannot delete', () =>
    ctx.client.send(
      new DeleteObjectsCommand({
        Bucket: ctx.bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
      }),
    ),
  );
  const failed = out.Errors?.[0];
  if (failed) throw new SyncoxideError('UNAVAILABLE', `cannot delete (${failed.Code})`, { path: rel });
}
