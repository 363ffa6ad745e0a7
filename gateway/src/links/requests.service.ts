// File requests (file drops): an owner asks outsiders for files into a folder on any remote,
// with a deadline, a late-upload window, a password and limits. Each upload streams into a
// provider upload session (resumable, state in PostgreSQL) and becomes visible atomically at
// commit, at a path reserved when it started: never over an existing file (a suffix is added).
// Uploaders learn nothing about other uploads; the owner is notified of each one.
import type { Readable } from 'node:stream';
import { newId, SyncoxideError } from '@syncoxide/core';
import type { GraphStore } from '@syncoxide/graph';
import { z } from 'zod';
import type { EventsService } from '../events/events.service.js';
import type { FileOpsService, Place } from '../files/ops.service.js';
import { notFound } from '../ids.js';
import type { ProviderPool } from '../remotes/providers.js';
import { invalidInput } from '../validation.js';
import { downloadTypeOf } from './preview-types.js';
import {
  type FileRequestRow,
  LATE_POLICIES,
  type LatePolicy,
  type RequestsRepository,
  type RequestUploadRow,
} from './requests.repository.js';
import { hashPassword, type LinkGrants, linkRefusal, newToken } from './secrets.js';
import { checkUploadPath, typeAllowed, withSuffix } from './upload-names.js';

const DAY = 24 * 3600 * 1000;
const LATE_WINDOW: Record<LatePolicy, number> = {
  none: 0,
  '1d': DAY,
  '2d': 2 * DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  always: Number.POSITIVE_INFINITY,
};

export const CreateFileRequestInput = z.object({
  title: z.string().trim().min(1, 'title is required').max(200, 'title: at most 200 characters'),
  description: z.string().max(5000, 'description: at most 5000 characters').nullish(),
  destination: z.custom<Place>(),
  deadline: z.date().nullish(),
  lateUploads: z.enum(LATE_POLICIES).nullish(),
  password: z.string().nullish(),
  maxFileBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullish(),
  maxFiles: z.number().int().min(1).max(100_000).nullish(),
  allowedTypes: z.array(z.string().trim().min(1).max(100)).max(100).nullish(),
});
export type CreateFileRequestInput = z.input<typeof CreateFileRequestInput>;

export interface UploadStart {
  token: string;
  grant: string | null;
  path: unknown;
  size: number;
  sha1?: string | null;
}

export class RequestsService {
  constructor(
    private readonly repo: RequestsRepository,
    private readonly graph: GraphStore,
    private readonly providers: ProviderPool,
    private readonly ops: FileOpsService,
    private readonly events: EventsService,
    private readonly grants: LinkGrants,
    private readonly now: () => number = Date.now,
  ) {}

  async create(ownerId: string, input: CreateFileRequestInput): Promise<FileRequestRow> {
    const i = invalidInput(CreateFileRequestInput, input);
    const at = await this.ops.place(ownerId, i.destination);
    const row = await this.repo.insert({
      id: newId(),
      ownerId,
      token: newToken(),
      title: i.title,
      description: i.description ?? '',
      remoteId: at.remoteId,
      folderPath: at.path,
      deadline: i.deadline ?? null,
      lateUploads: i.lateUploads ?? 'none',
      passwordHash: i.password ? await hashPassword(i.password) : null,
      maxFileBytes: i.maxFileBytes ?? null,
      maxFiles: i.maxFiles ?? null,
      allowedTypes: i.allowedTypes ?? [],
    });
    // A request into a folder is recorded on it in the graph (a remote's root has no node).
    if (at.parentId) {
      const share = await this.graph.createShare({
        ownerId,
        nodeId: at.parentId,
        type: 'request',
        linkRef: row.id,
      });
      await this.repo.setGraphShare(row.id, share.id);
    }
    return row;
  }

  list(ownerId: string): Promise<FileRequestRow[]> {
    return this.repo.list(ownerId);
  }

  async setOpen(ownerId: string, id: string, open: boolean): Promise<FileRequestRow> {
    const row = await this.repo.setClosed(ownerId, id, !open);
    if (!row) throw notFound();
    return row;
  }

  uploads(requestId: string): Promise<RequestUploadRow[]> {
    return this.repo.uploads(requestId);
  }

  /** Whether an upload starting now is on time, late but accepted, or refused. */
  timing(r: FileRequestRow): 'on-time' | 'late' | 'closed' {
    if (r.closedAt) return 'closed';
    if (!r.deadline) return 'on-time';
    const over = this.now() - r.deadline.getTime();
    if (over <= 0) return 'on-time';
    return over <= LATE_WINDOW[r.lateUploads] ? 'late' : 'closed';
  }

  private async byToken(token: string): Promise<FileRequestRow> {
    const r = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.repo.byToken(token) : null;
    if (!r) throw linkRefusal(404, 'unknown', 'no such request');
    return r;
  }

  /** The request for an outsider; refuses closed ones, and locked ones without a grant. */
  async open(token: string, grant: string | null): Promise<{ request: FileRequestRow; late: boolean }> {
    const request = await this.byToken(token);
    const t = this.timing(request);
    if (t === 'closed')
      throw linkRefusal(
        410,
        request.closedAt ? 'closed' : 'deadline',
        request.closedAt ? 'this request was closed by its owner' : 'the deadline of this request has passed',
      );
    if (request.passwordHash && !(await this.grants.valid('request', request.id, grant)))
      throw linkRefusal(401, 'password', 'this request needs its password');
    return { request, late: t === 'late' };
  }

  async unlock(token: string, guesses: unknown, clientIp: string): Promise<string> {
    const r = await this.byToken(token);
    if (!r.passwordHash) throw new SyncoxideError('INVALID_INPUT', 'this request has no password');
    return this.grants.unlock('request', r.id, r.passwordHash, guesses, clientIp);
  }

  /** Checks an upload against the request and reserves its destination; begins the session. */
  async start(uploadId: string, s: UploadStart): Promise<RequestUploadRow> {
    const { request: r, late } = await this.open(s.token, s.grant);
    const parts = checkUploadPath(s.path);
    const name = parts[parts.length - 1]!;
    if (r.maxFileBytes !== null && s.size > r.maxFileBytes)
      throw linkRefusal(413, 'too-large', `files may have at most ${r.maxFileBytes} bytes`);
    if (!typeAllowed(name, r.allowedTypes, downloadTypeOf))
      throw linkRefusal(415, 'type', `only these types are accepted: ${r.allowedTypes.join(', ')}`);
    if (r.maxFiles !== null && (await this.repo.uploadCount(r.id)) >= r.maxFiles)
      throw linkRefusal(409, 'count', `this request takes at most ${r.maxFiles} files`);
    const sha1 = s.sha1 && /^[0-9a-f]{40}$/i.test(s.sha1) ? s.sha1.toLowerCase() : null;
    if (s.sha1 && !sha1) throw new SyncoxideError('INVALID_INPUT', 'sha1 must be 40 hex digits');
    const provider = await this.providers.get(r.ownerId, r.remoteId);
    const dir = [r.folderPath, ...parts.slice(0, -1)].filter(Boolean).join('/');
    for (let n = 0; n < 1000; n++) {
      const path = dir ? `${dir}/${withSuffix(name, n)}` : withSuffix(name, n);
      if (await provider.stat(path)) continue;
      const row = { id: uploadId, requestId: r.id, remoteId: r.remoteId, path, size: s.size, late, sha1 };
      if (!(await this.repo.reserve(row))) continue;
      try {
        if (dir) await provider.mkdir(dir);
        const session = await provider.beginUpload(path, { size: s.size, expect: { absent: true } });
        await this.repo.saveUpload(uploadId, 0, session.state, false);
        return (await this.repo.upload(uploadId))!;
      } catch (err) {
        await this.repo.removeUpload(uploadId);
        throw err;
      }
    }
    throw new SyncoxideError('CONFLICT', 'too many files with that name already');
  }

  /** The upload if its request still takes files (an upload started in time may finish late). */
  async upload(id: string): Promise<{ upload: RequestUploadRow; request: FileRequestRow } | null> {
    const upload = await this.repo.upload(id);
    if (!upload) return null;
    const request = await this.repo.byId(upload.requestId);
    if (!request) return null;
    if (request.closedAt) throw linkRefusal(410, 'closed', 'this request was closed by its owner');
    return { upload, request };
  }

  /** Appends at the current offset; on the last byte commits, verifies and tells the owner. */
  async append(id: string, source: Readable): Promise<number> {
    const found = await this.upload(id);
    if (!found || found.upload.doneAt) throw notFound();
    const { upload: u, request: r } = found;
    const provider = await this.providers.get(r.ownerId, u.remoteId);
    const session = await provider.resumeUpload(u.state);
    try {
      await session.append(source);
    } finally {
      await this.repo.saveUpload(id, session.state.offset, session.state, false);
    }
    const offset = session.state.offset;
    if (offset < u.size) return offset;
    const entry = await session.commit();
    if (u.sha1 && (entry.hashes.sha1 ?? (await provider.hash(u.path, 'sha1'))) !== u.sha1) {
      // The bytes are not what the uploader hashed: take them away again, only if unchanged.
      await provider.delete(u.path, { expect: { size: entry.size } }).catch(() => {});
      await this.repo.removeUpload(id);
      throw new SyncoxideError('CORRUPTED', 'checksum mismatch: the upload was discarded, send it again');
    }
    await this.repo.saveUpload(id, offset, session.state, true);
    await this.graph.applyChanges({
      ownerId: r.ownerId,
      remoteId: u.remoteId,
      changes: [{ type: 'upsert', path: u.path, entry }],
      cause: { type: 'user', ref: null },
    });
    this.events.fileChanged(r.ownerId, {
      change: 'created',
      nodeId: null,
      remoteId: u.remoteId,
      path: u.path,
    });
    this.events.notify(
      r.ownerId,
      'file-request-upload',
      `${u.late ? 'Late upload' : 'Upload'} to "${r.title}": ${u.path} (${entry.size} bytes)`,
    );
    return offset;
  }

  async remove(id: string): Promise<void> {
    const u = await this.repo.upload(id);
    if (!u) throw notFound();
    if (u.doneAt) throw new SyncoxideError('CONFLICT', 'that upload is finished');
    const r = await this.repo.byId(u.requestId);
    if (r) {
      const provider = await this.providers.get(r.ownerId, u.remoteId);
      await provider
        .resumeUpload(u.state)
        .then((s) => s.abort())
        .catch(() => {});
    }
    await this.repo.removeUpload(id);
  }
}
