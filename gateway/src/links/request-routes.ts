// Public endpoints of file requests (no account; a password buys a grant):
//   GET  /r/:token            what is asked for and the limits (401 reason=password; 410 closed/deadline)
//   POST /r/:token/unlock     {"password": "..."} → {"grant": "..."}
//   tus  /r/uploads[/:id]     resumable uploads; metadata: token, relativePath or filename, sha1 (optional)
// The tus routes answer only for uploads into a request; nothing lists what others sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { isSyncoxideError, type Logger, SyncoxideError } from '@syncoxide/core';
import { Server } from '@tus/server';
import { DataStore, ERRORS, Upload } from '@tus/utils';
import { header, PROXY_PREFIX, readBody, sendJson } from './http.js';
import type { RequestsService } from './requests.service.js';

export const REQUEST_UPLOADS_PATH = '/r/uploads';
const MAX_UPLOAD_BYTES = 50 * 1024 ** 3;

/** tus errors are `{status_code, body}`; ours keep the status their refusal carries. */
function tusError(err: unknown): unknown {
  if (!isSyncoxideError(err)) return err;
  const status =
    Number(err.details?.status) ||
    ({
      NOT_FOUND: 404,
      INVALID_INPUT: 400,
      CONFLICT: 409,
      PRECONDITION_FAILED: 412,
      CORRUPTED: 460,
      UNAUTHENTICATED: 401,
      PERMISSION_DENIED: 403,
    }[err.code as string] ??
      500);
  return { status_code: status, body: `${status === 500 ? 'upload failed' : err.message}\n` };
}

const grants = new WeakMap<IncomingMessage, string | null>();

class RequestStore extends DataStore {
  constructor(private readonly requests: RequestsService) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'termination'];
  }

  override async create(upload: Upload): Promise<Upload> {
    // Checked and reserved in onUploadCreate; the session already exists.
    return upload;
  }

  override async write(stream: Readable, id: string): Promise<number> {
    return this.requests.append(id, stream).catch((e) => Promise.reject(tusError(e)));
  }

  override async getUpload(id: string): Promise<Upload> {
    const found = await this.requests.upload(id).catch((e) => Promise.reject(tusError(e)));
    if (!found) throw ERRORS.FILE_NOT_FOUND;
    const u = found.upload;
    return new Upload({ id, size: u.size, offset: u.offset, metadata: {} });
  }

  override async remove(id: string): Promise<void> {
    await this.requests.remove(id).catch((e) => Promise.reject(tusError(e)));
  }
}

export function createRequestRoutes(requests: RequestsService, logger: Logger) {
  const tus = new Server({
    path: REQUEST_UPLOADS_PATH,
    datastore: new RequestStore(requests),
    maxSize: MAX_UPLOAD_BYTES,
    relativeLocation: true,
    // Through the dashboard's proxy the client must come back through it too.
    generateUrl: (req, { path, id }) =>
      `${req.headers.get('x-forwarded-host') ? PROXY_PREFIX : ''}${path}/${id}`,
    onUploadCreate: async (req, upload) => {
      const node = (req as unknown as { runtime?: { node?: { req: IncomingMessage } } }).runtime?.node?.req;
      const meta = upload.metadata ?? {};
      if (upload.size === undefined) throw ERRORS.INVALID_LENGTH;
      await requests
        .start(upload.id, {
          token: String(meta.token ?? ''),
          grant: (node ? grants.get(node) : null) ?? meta.grant ?? null,
          path: meta.relativePath || meta.filename || meta.name,
          size: upload.size,
          sha1: meta.sha1 ?? null,
        })
        .catch((e) => Promise.reject(tusError(e)));
      // Nothing the client sent is echoed back or kept beyond the checked path.
      return { metadata: {} };
    },
    onResponseError: (_req, err) => {
      if ('status_code' in err) return undefined;
      logger.error({ err }, 'request upload failed');
      return { status_code: 500, body: 'upload failed\n' };
    },
  });

  return async function route(req: IncomingMessage, res: ServerResponse, url: URL, clientIp: string) {
    if (url.pathname === REQUEST_UPLOADS_PATH || url.pathname.startsWith(`${REQUEST_UPLOADS_PATH}/`)) {
      grants.set(req, header(req, 'x-link-grant') ?? null);
      await tus.handle(req, res);
      return true;
    }
    const m = /^\/r\/([^/]{1,100})(?:\/(unlock))?$/.exec(url.pathname);
    if (!m) return false;
    const token = m[1]!;
    if (m[2] === 'unlock') {
      if (req.method !== 'POST') throw new SyncoxideError('INVALID_INPUT', 'POST the password');
      const body = await readBody(req, 16 * 1024);
      let parsed: { password?: unknown };
      try {
        parsed = JSON.parse(body.toString('utf8')) as { password?: unknown };
      } catch {
        throw new SyncoxideError('INVALID_INPUT', 'send JSON: {"password": "..."}');
      }
      sendJson(res, 200, { grant: await requests.unlock(token, parsed?.password, clientIp) });
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new SyncoxideError('INVALID_INPUT', 'method not allowed here');
    const { request: r, late } = await requests.open(
      token,
      header(req, 'x-link-grant') ?? url.searchParams.get('grant'),
    );
    sendJson(res, 200, {
      title: r.title,
      description: r.description,
      deadline: r.deadline?.toISOString() ?? null,
      lateUploads: r.lateUploads,
      late,
      maxFileBytes: r.maxFileBytes,
      maxFiles: r.maxFiles,
      allowedTypes: r.allowedTypes,
      uploadUrl: REQUEST_UPLOADS_PATH,
    });
    return true;
  };
}
