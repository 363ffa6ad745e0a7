// The WebDAV provider (plain fetch): PROPFIND Depth 1 walks, writes as PUT to a temporary name
// then MOVE (Overwrite: T) into place, ranged GET, COPY, and resumable writes as parts
// (PartsUploadSession: plain WebDAV can neither append nor join on the server).
import type { Readable } from 'node:stream';
import { type Logger, SyncoxideError } from '@syncoxide/core';
import { checkExpected } from '../common/expect.js';
import { hashOf } from '../common/hashing.js';
import { PartsUploadSession } from '../common/parts-session.js';
import {
  isTempName,
  isWithin,
  normalizeFilePath,
  normalizePath,
  normalizeWritablePath,
  tempPathFor,
} from '../common/paths.js';
import { PollingFeed } from '../common/poll-feed.js';
import { walkTree } from '../common/walk.js';
import type { RemoteConfig } from '../config.js';
import type {
  ByteRange,
  ChangeFeedSource,
  Entry,
  Expected,
  HashType,
  Provider,
  ProviderCapabilities,
  ServerSideCopier,
  UploadSession,
  UploadState,
  Usage,
  WriteOptions,
} from '../types.js';
import { DavClient } from './client.js';
import { DavObjects } from './objects.js';
import { entryFromProps, PROPFIND_BODY, parseMultistatus, QUOTA_BODY, quotaNumber } from './propfind.js';
import { rangeOf } from './range.js';

type WebdavRemoteConfig = Extract<RemoteConfig, { type: 'webdav' }>;
type SessionOptions = Omit<WriteOptions, 'onProgress' | 'signal'>;

export class WebdavProvider implements Provider, ServerSideCopier, ChangeFeedSource {
  readonly type = 'webdav';
  readonly capabilities: ProviderCapabilities = {
    // Plain WebDAV reports no hashes; ownCloud-style servers' oc:checksums are used when present.
    hashes: [],
    // getlastmodified is an HTTP date (whole seconds). Setting it is not standard (PROPPATCH of
    // a live property is refused); ownCloud-style servers take X-OC-Mtime, found by `detect`.
    modtime: { supported: true, settable: false, precisionMs: 1000 },
    serverSideCopy: true,
    serverSideMove: true,
    nativeSharing: false,
    changeFeed: 'poll',
    maxFileSize: null,
    caseSensitive: true,
    emptyFolders: true,
    stableIds: false,
  };
  readonly dav: DavClient;
  readonly objects: DavObjects;
  private readonly feed = new PollingFeed(() => this.list(''));

  constructor(
    config: WebdavRemoteConfig,
    readonly logger?: Logger,
  ) {
    this.dav = new DavClient(config.url, config.root, config.username, config.password);
    this.objects = new DavObjects(this);
  }

  /** Learns what the server can beyond plain WebDAV (ownCloud/Nextcloud: oc:fileid). */
  async detect(): Promise<void> {
    const root = await this.propfind('', '0');
    if (root[0]?.providerId) {
      this.capabilities.modtime.settable = true;
      this.capabilities.stableIds = true;
    }
  }

  /** PROPFIND `rel` at `depth`: the entries the server returns, with root-relative paths. */
  async propfind(rel: string, depth: '0' | '1', folder = false): Promise<Entry[]> {
    const response = await this.dav.request('PROPFIND', rel, {
      headers: { Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
      folder,
    });
    const baseSegments = this.dav.base.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const out: Entry[] = [];
    for (const { segments, props } of parseMultistatus(await response.text(), this.dav.base)) {
      const inside = baseSegments.every((s, i) => segments[i] === s);
      if (!inside) continue;
      out.push(entryFromProps(segments.slice(baseSegments.length).join('/'), props));
    }
    return out;
  }

  async stat(path: string): Promise<Entry | null> {
    const rel = normalizePath(path);
    try {
      const found = await this.propfind(rel, '0');
      return found.find((e) => e.path === rel) ?? found[0] ?? null;
    } catch (error) {
      if ((error as SyncoxideError).code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private async readdir(dir: string): Promise<Entry[]> {
    const found = await this.propfind(dir, '1', true);
    return found.filter(
      (e) => e.path !== dir && isWithin(e.path, dir) && !isTempName(e.path.split('/').pop()!),
    );
  }

  async *list(path = '', options: { recursive?: boolean } = {}): AsyncIterable<Entry> {
    const rel = normalizePath(path);
    const start = await this.stat(rel);
    if (!start) throw new SyncoxideError('NOT_FOUND', 'no such folder', { path: rel });
    if (start.kind !== 'folder') throw new SyncoxideError('INVALID_INPUT', 'not a folder', { path: rel });
    // Depth: 1 walks: Depth: infinity is refused by many servers and unbounded in memory.
    yield* walkTree(rel, (dir) => this.readdir(dir), {
      recursive: options.recursive ?? true,
      concurrency: 8,
    });
  }

  async read(path: string, range?: ByteRange): Promise<Readable> {
    return this.objects.read(normalizeFilePath(path), range && rangeOf(range, path));
  }

  async write(path: string, source: Readable, options: WriteOptions = {}): Promise<Entry> {
    const { onProgress, signal, ...rest } = options;
    const rel = normalizeWritablePath(path);
    if (rest.expect) await this.checkExpect(rel, rest.expect);
    const session = await PartsUploadSession.begin(this.objects, rel, rest);
    try {
      await session.appendWith(source, signal, onProgress);
      return await session.commit();
    } catch (error) {
      await session.abort().catch(() => {});
      throw error;
    }
  }

  async beginUpload(path: string, options: SessionOptions = {}): Promise<UploadSession> {
    return PartsUploadSession.begin(this.objects, normalizeWritablePath(path), options);
  }

  async resumeUpload(state: UploadState): Promise<UploadSession> {
    return PartsUploadSession.resume(this.objects, { ...state, path: normalizeWritablePath(state.path) });
  }

  async checkExpect(rel: string, expect: Expected | undefined): Promise<Entry | null> {
    const current = await this.stat(rel);
    await checkExpected(
      rel,
      current,
      expect,
      (type) => this.hash(rel, type),
      this.capabilities.modtime.precisionMs,
    );
    return current;
  }

  async delete(path: string, options: { expect?: Expected } = {}): Promise<void> {
    const rel = normalizeFilePath(path);
    const current = await this.checkExpect(rel, options.expect);
    if (!current) throw new SyncoxideError('NOT_FOUND', 'nothing to delete', { path: rel });
    await this.dav.request('DELETE', rel, { folder: current.kind === 'folder' });
    this.objects.forgetFolders(rel);
  }

  async mkdir(path: string): Promise<void> {
    return this.objects.ensureFolder(normalizePath(path));
  }

  async move(from: string, to: string, options: { overwrite?: boolean } = {}): Promise<Entry> {
    const src = normalizeFilePath(from);
    const dst = normalizeWritablePath(to);
    const entry = await this.stat(src);
    if (!entry) throw new SyncoxideError('NOT_FOUND', 'nothing to move', { path: src });
    if (src === dst) return entry;
    if (isWithin(dst, src))
      throw new SyncoxideError('INVALID_INPUT', 'cannot move a folder into itself', { path: dst });
    const existing = await this.stat(dst);
    if (existing && !options.overwrite)
      throw new SyncoxideError('ALREADY_EXISTS', 'destination exists', { path: dst });
    await this.objects.moveInto(src, dst, {
      overwrite: options.overwrite ?? false,
      folder: entry.kind === 'folder',
    });
    this.objects.forgetFolders(src);
    const moved = await this.stat(dst);
    if (!moved) throw new SyncoxideError('CONFLICT', 'moved entry vanished', { path: dst });
    return moved;
  }

  /** COPY to a temporary name, then MOVE: the destination never shows a half-made copy. */
  async copy(from: string, to: string): Promise<Entry> {
    const src = normalizeFilePath(from);
    const dst = normalizeWritablePath(to);
    const entry = await this.stat(src);
    if (!entry) throw new SyncoxideError('NOT_FOUND', 'nothing to copy', { path: src });
    if (entry.kind !== 'file')
      throw new SyncoxideError('INVALID_INPUT', 'only files are copied', { path: src });
    const temp = tempPathFor(dst);
    await this.objects.ensureFolder(temp.split('/').slice(0, -1).join('/'));
    await this.dav.request('COPY', src, { headers: { Destination: this.dav.url(temp), Overwrite: 'F' } });
    try {
      await this.objects.moveInto(temp, dst, { overwrite: true, folder: false });
    } catch (error) {
      await this.objects.removeObject(temp);
      throw error;
    }
    return (await this.stat(dst)) ?? entry;
  }

  async hash(path: string, type: HashType): Promise<string> {
    const rel = normalizeFilePath(path);
    const entry = await this.stat(rel);
    if (!entry) throw new SyncoxideError('NOT_FOUND', 'no such file', { path: rel });
    if (entry.kind !== 'file')
      throw new SyncoxideError('INVALID_INPUT', 'is a folder, not a file', { path: rel });
    return entry.hashes[type] ?? hashOf(await this.read(rel), type);
  }

  async usage(): Promise<Usage | null> {
    const response = await this.dav.request('PROPFIND', '', {
      headers: { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' },
      body: QUOTA_BODY,
    });
    const [root] = parseMultistatus(await response.text(), this.dav.base);
    const used = quotaNumber(root?.props['quota-used-bytes']);
    if (used === null) return null;
    const free = quotaNumber(root?.props['quota-available-bytes']);
    return { used, free, total: free === null ? null : used + free };
  }

  changes(options: { cursor: string | null; signal: AbortSignal; pollIntervalMs?: number }) {
    return this.feed.changes(options);
  }

  async close(): Promise<void> {}
}
