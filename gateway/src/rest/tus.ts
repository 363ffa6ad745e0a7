// tus resumable uploads at /files/uploads, authorized by the same session or token as GraphQL.
// The datastore streams each PATCH into the provider's upload session (uploads.service.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { isSyncoxideError, type Logger } from '@syncoxide/core';
import { Server } from '@tus/server';
import { DataStore, ERRORS, Upload } from '@tus/utils';
import type { Caller } from '../accounts/scopes.js';
import type { UploadsService } from './uploads.service.js';

export const UPLOADS_PATH = '/files/uploads';
/** Largest single upload accepted (bytes). */
export const MAX_UPLOAD_BYTES = 50 * 1024 ** 3;

const callers = new WeakMap<IncomingMessage, Caller>();

type TusRequest = { runtime?: { node?: { req: IncomingMessage } }; method: string };

function callerOf(req: TusRequest): Caller {
  const caller = req.runtime?.node?.req ? callers.get(req.runtime.node.req) : undefined;
  if (!caller) throw { status_code: 401, body: 'sign in first\n' };
  return caller;
}

/** tus errors are `{status_code, body}`; ours become the matching status with a plain message. */
function tusError(err: unknown): unknown {
  if (!isSyncoxideError(err)) return err;
  const status =
    { NOT_FOUND: 404, INVALID_INPUT: 400, ALREADY_EXISTS: 409, CONFLICT: 409, PRECONDITION_FAILED: 412 }[
      err.code as string
    ] ?? 500;
  return { status_code: status, body: `${status === 500 ? 'upload failed' : err.message}\n` };
}

class ProviderStore extends DataStore {
  constructor(private readonly uploads: UploadsService) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'termination'];
  }

  override async create(upload: Upload): Promise<Upload> {
    const m = upload.metadata ?? {};
    if (upload.size === undefined) throw ERRORS.INVALID_LENGTH;
    await this.uploads
      .create(upload.id, String(m.ownerId), String(m.remoteId), String(m.path), upload.size)
      .catch((e) => Promise.reject(tusError(e)));
    return upload;
  }

  override async write(stream: Readable, id: string): Promise<number> {
    return this.uploads.append(id, stream).catch((e) => Promise.reject(tusError(e)));
  }

  override async getUpload(id: string): Promise<Upload> {
    const row = await this.uploads.get(id);
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    return new Upload({ id, size: row.size, offset: row.offset, metadata: { path: row.path } });
  }

  override async remove(id: string): Promise<void> {
    await this.uploads.remove(id).catch((e) => Promise.reject(tusError(e)));
  }
}

export function createTus(uploads: UploadsService, logger: Logger) {
  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: new ProviderStore(uploads),
    maxSize: MAX_UPLOAD_BYTES,
    relativeLocation: true,
    // Only the owner of an upload may see, continue or cancel it; others get 404 like a missing one.
    onIncomingRequest: async (req, id) => {
      const caller = callerOf(req as unknown as TusRequest);
      if (req.method === 'POST') return;
      const row = await uploads.get(id);
      if (!row || row.ownerId !== caller.userId) throw ERRORS.FILE_NOT_FOUND;
    },
    onUploadCreate: async (req, upload) => {
      const caller = callerOf(req as unknown as TusRequest);
      const meta = upload.metadata ?? {};
      const target = await uploads.target(caller.userId, meta).catch((e) => Promise.reject(tusError(e)));
      return { metadata: { ...meta, ownerId: caller.userId, remoteId: target.remoteId, path: target.path } };
    },
    onResponseError: (_req, err) => {
      if ('status_code' in err) return undefined;
      logger.error({ err }, 'upload failed');
      return { status_code: 500, body: 'upload failed\n' };
    },
  });
  return (req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void> => {
    callers.set(req, caller);
    return tus.handle(req, res);
  };
}
