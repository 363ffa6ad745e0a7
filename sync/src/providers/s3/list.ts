// Streaming listings over ListObjectsV2, one page (≤1000 keys) in memory at a time. S3 has no
// folders: they are derived from keys ("a/b/c.txt" implies "a" and "a/b") and from zero-byte
// "dir/" marker objects that mkdir writes so empty folders survive.
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { SyncoxideError } from '@syncoxide/core';
import { baseName, isTempName, parentOf } from '../common/paths.js';
import type { Entry } from '../types.js';
import { keyOf, relOf, type S3Context, send } from './context.js';
import { entryFromListing, folderEntry } from './meta.js';
import { markerExists } from './objects.js';

export async function* listS3(ctx: S3Context, rel: string, recursive: boolean): AsyncGenerator<Entry> {
  const base = rel === '' ? ctx.prefix : `${keyOf(ctx, rel)}/`;
  // Folders already yielded: derived folders repeat once per file below them. Grows with the
  // number of folders, not of files.
  const seen = new Set<string>();
  const folder = (path: string): Entry | null => {
    if (path === rel || seen.has(path)) return null;
    seen.add(path);
    return folderEntry(path);
  };
  let token: string | undefined;
  let found = false;
  do {
    const page = await send(rel, 'cannot list', () =>
      ctx.client.send(
        new ListObjectsV2Command({
          Bucket: ctx.bucket,
          Prefix: base,
          ContinuationToken: token,
          ...(recursive ? {} : { Delimiter: '/' }),
        }),
      ),
    );
    for (const common of page.CommonPrefixes ?? []) {
      found = true;
      const entry = folder(relOf(ctx, common.Prefix!).replace(/\/$/, ''));
      if (entry) yield entry;
    }
    for (const object of page.Contents ?? []) {
      found = true;
      const key = object.Key!;
      if (key === base) continue; // this folder's own marker
      const path = relOf(ctx, key);
      if (path.endsWith('/')) {
        const entry = folder(path.slice(0, -1));
        if (entry) yield entry;
        if (recursive) yield* ancestors(parentOf(path.slice(0, -1)), rel, folder);
        continue;
      }
      if (isTempName(baseName(path))) continue;
      if (recursive) yield* ancestors(parentOf(path), rel, folder);
      yield entryFromListing(path, object);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  if (!found && rel !== '' && !(await markerExists(ctx, rel, keyOf(ctx, rel)))) {
    throw new SyncoxideError('NOT_FOUND', 'no such folder', { path: rel });
  }
}

/** Folders between `from` (inclusive) and the listing root, outermost first. */
function* ancestors(from: string, root: string, folder: (p: string) => Entry | null): Generator<Entry> {
  const chain: string[] = [];
  for (let p = from; p !== root && p !== '' && p.length > root.length; p = parentOf(p)) chain.push(p);
  for (const p of chain.reverse()) {
    const entry = folder(p);
    if (entry) yield entry;
  }
}
