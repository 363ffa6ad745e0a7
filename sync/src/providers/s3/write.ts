// One-shot writes: content up to one part goes in a single PUT (hashes computed before it is
// sent, so they are in its metadata); anything larger is a multipart upload that S3 makes
// visible only when completed. A failed write aborts the upload: the old object stays.
import { addAbortSignal, type Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import { digestsOf, newHashState, updateHashState } from '../common/hashing.js';
import type { Entry, WriteOptions } from '../types.js';
import type { S3Context } from './context.js';
import { metadataFor } from './meta.js';
import { completeUpload, putSmall } from './objects.js';
import { abortUpload, createUpload, PartWriter } from './parts.js';

export async function writeS3(
  ctx: S3Context,
  path: string,
  key: string,
  source: Readable,
  options: WriteOptions,
): Promise<Entry> {
  if (options.signal) addAbortSignal(options.signal, source);
  const hashes = newHashState();
  let uploadId: string | null = null;
  let starting: Promise<string> | null = null;
  const start = (): Promise<string> => {
    starting ??= createUpload(ctx, path, key, metadataFor({ mtime: options.mtime }), options.mime).then(
      (id) => {
        uploadId = id;
        return id;
      },
    );
    return starting;
  };
  const writer = new PartWriter(ctx, path, key, start, [], options.signal, options.size);
  const finish = { expect: options.expect, mtime: options.mtime, mime: options.mime };
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer;
      updateHashState(hashes, buf);
      options.onProgress?.(hashes.bytes);
      await writer.push(buf);
    }
    if (starting === null)
      return await putSmall(ctx, path, key, writer.takeRest(), finish, digestsOf(hashes));
    const rest = writer.takeRest();
    if (rest.length > 0) await writer.upload(rest);
    const parts = await writer.drain();
    if (options.signal?.aborted) throw options.signal.reason;
    return await completeUpload(ctx, path, key, await start(), parts, finish, digestsOf(hashes), false);
  } catch (err) {
    await writer.drain().catch(() => {});
    if (starting !== null) {
      const id = uploadId ?? (await (starting as Promise<string>).catch(() => null));
      if (id) await abortUpload(ctx, key, id);
    }
    source.destroy();
    throw sourceError(err, path);
  }
}

/** Errors of the source (a dead upstream, an abort) become ABORTED; ours pass through. */
export function sourceError(err: unknown, path: string): SyncoxideError {
  if (err instanceof SyncoxideError) return err;
  const e = err as { name?: string; code?: string; message?: string };
  if (e.name === 'AbortError' || e.code === 'ABORT_ERR') {
    return new SyncoxideError('ABORTED', 'write aborted', { path, cause: err });
  }
  return new SyncoxideError('ABORTED', `write aborted: source failed (${e.message ?? String(err)})`, {
    path,
    cause: err,
    retriable: true,
  });
}
