// The rclone-backed provider: any remote rclone knows (Google Drive, Dropbox, OneDrive, Box,
// S3, SFTP, ...) driven through one `rclone rcd` per provider over its remote-control API.
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
import type {
  ByteRange,
  ChangeFeedSource,
  Entry,
  Expected,
  HashType,
  NativeSharer,
  Provider,
  ServerSideCopier,
  UploadSession,
  UploadState,
  Usage,
  WriteOptions,
} from '../types.js';
import { capabilitiesOf, defaultCapabilities, type FsInfo, knownHashes } from './capabilities.js';
import type { RcloneDaemon } from './daemon.js';
import { entryOfItem, type RcItem } from './item.js';
import { RcloneObjects } from './objects.js';

type SessionOptions = Omit<WriteOptions, 'onProgress' | 'signal'>;

export class RcloneProvider implements Provider, ServerSideCopier, ChangeFeedSource, NativeSharer {
  readonly type = 'rclone';
  readonly capabilities = defaultCapabilities();
  features: Record<string, boolean> = {};
  private hashTypes: HashType[] = [];
  readonly objects = new RcloneObjects(this);
  private readonly feed = new PollingFeed(() => this.list(''));

  constructor(
    readonly daemon: RcloneDaemon,
    /** The rclone fs string of the remote's root. */
    readonly fs: string,
    /** Path of the config file rclone was given, for `rclone touch` run through core/command. */
    private readonly configPath: () => string | null,
    readonly logger?: Logger,
  ) {}

  /** Reads rclone's view of the remote (operations/fsinfo) into capabilities. */
  async detect(): Promise<void> {
    const info = await this.daemon.call<FsInfo>('operations/fsinfo', { fs: this.fs });
    Object.assign(this.capabilities, capabilitiesOf(info));
    this.features = info.Features ?? {};
    this.hashTypes = knownHashes(info);
  }

  private listOpt(withHashes: boolean): Record<string, unknown> {
    const cheap = this.capabilities.hashes;
    return withHashes && cheap.length > 0 ? { showHash: true, hashTypes: cheap } : {};
  }

  /** `withHashes`: also the hashes rclone keeps (never computes) for this remote. */
  async stat(path: string, withHashes = true): Promise<Entry | null> {
    const rel = normalizePath(path);
    if (rel === '') {
      await this.readdir('');
      return { path: '', kind: 'folder', size: 0, mtime: null, hashes: {}, providerId: null, etag: null };
    }
    const { item } = await this.daemon.call<{ item: RcItem | null }>(
      'operations/stat',
      { fs: this.fs, remote: rel, opt: this.listOpt(withHashes) },
      rel,
    );
    return item ? entryOfItem(rel, item) : null;
  }

  private async readdir(dir: string): Promise<Entry[]> {
    const { list } = await this.daemon.call<{ list: RcItem[] }>(
      'operations/list',
      { fs: this.fs, remote: dir, opt: this.listOpt(true) },
      dir,
    );
    return list.filter((item) => !isTempName(item.Name)).map((item) => entryOfItem(item.Path, item));
  }

  async *list(path = '', options: { recursive?: boolean } = {}): AsyncIterable<Entry> {
    const rel = normalizePath(path);
    const start = await this.stat(rel, false);
    if (!start) throw new SyncoxideError('NOT_FOUND', 'no such folder', { path: rel });
    if (start.kind !== 'folder') throw new SyncoxideError('INVALID_INPUT', 'not a folder', { path: rel });
    // One folder per call (rclone answers operations/list in one JSON body): memory stays bounded.
    yield* walkTree(rel, (dir) => this.readdir(dir), {
      recursive: options.recursive ?? true,
      concurrency: 8,
    });
  }

  async read(path: string, range?: ByteRange): Promise<Readable> {
    const rel = normalizeFilePath(path);
    if (
      range &&
      (!Number.isInteger(range.start) || range.start < 0 || (range.end ?? range.start) < range.start)
    ) {
      throw new SyncoxideError('INVALID_INPUT', `invalid byte range ${range.start}-${range.end ?? ''}`, {
        path: rel,
      });
    }
    return this.objects.read(rel, range);
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

  /** Sets a file's mtime with `rclone touch`, run by the daemon (core/command). */
  async touch(rel: string, mtime: number): Promise<void> {
    const config = this.configPath();
    // core/command passes opt as "--flag value": strings only, and no boolean flags (a lone
    // "true" would be taken for a path). A vanished temp file is caught by the size check after
    // the move, so --no-create is not needed.
    const opt: Record<string, string> = { timestamp: new Date(mtime).toISOString().replace(/Z$/, '') };
    if (config) opt.config = config;
    const out = await this.daemon.call<{ error: boolean; result: string }>(
      'core/command',
      { command: 'touch', arg: [`${this.fs.endsWith(':') ? this.fs : `${this.fs}/`}${rel}`], opt },
      rel,
    );
    if (out.error)
      throw new SyncoxideError('INTERNAL', `rclone touch failed: ${out.result.trim()}`, { path: rel });
  }

  async delete(path: string, options: { expect?: Expected } = {}): Promise<void> {
    const rel = normalizeFilePath(path);
    const current = await this.checkExpect(rel, options.expect);
    if (!current) throw new SyncoxideError('NOT_FOUND', 'nothing to delete', { path: rel });
    const method = current.kind === 'folder' ? 'operations/purge' : 'operations/deletefile';
    await this.daemon.call(method, { fs: this.fs, remote: rel }, rel);
  }

  async mkdir(path: string): Promise<void> {
    const rel = normalizePath(path);
    if (rel !== '') await this.daemon.call('operations/mkdir', { fs: this.fs, remote: rel }, rel);
  }

  async move(from: string, to: string, options: { overwrite?: boolean } = {}): Promise<Entry> {
    const src = normalizeFilePath(from);
    const dst = normalizeWritablePath(to);
    const entry = await this.stat(src, false);
    if (!entry) throw new SyncoxideError('NOT_FOUND', 'nothing to move', { path: src });
    if (src === dst) return entry;
    if (isWithin(dst, src))
      throw new SyncoxideError('INVALID_INPUT', 'cannot move a folder into itself', { path: dst });
    const existing = await this.stat(dst, false);
    const sameFile = existing && !this.capabilities.caseSensitive && src.toLowerCase() === dst.toLowerCase();
    if (existing && !sameFile && !options.overwrite) {
      throw new SyncoxideError('ALREADY_EXISTS', 'destination exists', { path: dst });
    }
    if (entry.kind === 'file') await this.objects.moveFile(src, dst);
    else await this.moveFolder(src, dst, existing !== null);
    const moved = await this.stat(dst);
    if (!moved) throw new SyncoxideError('CONFLICT', 'moved entry vanished', { path: dst });
    return moved;
  }

  /** sync/move: a server-side folder rename (DirMove) where the backend has one, else per file. */
  private async moveFolder(src: string, dst: string, exists: boolean): Promise<void> {
    if (exists)
      throw new SyncoxideError('CONFLICT', 'a folder cannot replace another by a move', { path: dst });
    const at = (rel: string) => (this.fs.endsWith(':') ? `${this.fs}${rel}` : `${this.fs}/${rel}`);
    await this.daemon.call(
      'sync/move',
      { srcFs: at(src), dstFs: at(dst), createEmptySrcDirs: true, deleteEmptySrcDirs: true },
      dst,
    );
    if (await this.stat(src, false))
      await this.daemon.call('operations/rmdirs', { fs: this.fs, remote: src }, src);
  }

  /** Server-side copy to a temporary name, then a move: the destination never shows half a copy. */
  async copy(from: string, to: string): Promise<Entry> {
    const src = normalizeFilePath(from);
    const dst = normalizeWritablePath(to);
    const entry = await this.stat(src, false);
    if (!entry) throw new SyncoxideError('NOT_FOUND', 'nothing to copy', { path: src });
    if (entry.kind !== 'file')
      throw new SyncoxideError('INVALID_INPUT', 'only files are copied', { path: src });
    const temp = tempPathFor(dst);
    const fs = this.fs;
    await this.daemon.call(
      'operations/copyfile',
      { srcFs: fs, srcRemote: src, dstFs: fs, dstRemote: temp },
      dst,
    );
    try {
      await this.objects.moveFile(temp, dst);
    } catch (error) {
      await this.objects.removeObject(temp);
      throw error;
    }
    return (await this.stat(dst)) ?? entry;
  }

  /** Asked of rclone, which hashes next to the data (a remote's own hash, or reading locally). */
  async hash(path: string, type: HashType): Promise<string> {
    const rel = normalizeFilePath(path);
    const opt = this.hashTypes.includes(type) ? { showHash: true, hashTypes: [type] } : {};
    const { item } = await this.daemon.call<{ item: RcItem | null }>(
      'operations/stat',
      { fs: this.fs, remote: rel, opt },
      rel,
    );
    if (!item) throw new SyncoxideError('NOT_FOUND', 'no such file', { path: rel });
    if (item.IsDir) throw new SyncoxideError('INVALID_INPUT', 'is a folder, not a file', { path: rel });
    return item.Hashes?.[type]?.toLowerCase() || hashOf(await this.read(rel), type);
  }

  async usage(): Promise<Usage | null> {
    try {
      const about = await this.daemon.call<{ used?: number; free?: number; total?: number }>(
        'operations/about',
        {
          fs: this.fs,
        },
      );
      if (about.used === undefined) return null;
      return { used: about.used, free: about.free ?? null, total: about.total ?? null };
    } catch (error) {
      if ((error as SyncoxideError).code === 'UNSUPPORTED' || (error as SyncoxideError).code === 'INTERNAL')
        return null;
      throw error;
    }
  }

  /** A public, read-only link (operations/publiclink) on backends that make them. */
  async share(path: string, options: { with?: string; readOnly: boolean }) {
    const rel = normalizeFilePath(path);
    if (options.with || !options.readOnly) {
      throw new SyncoxideError('UNSUPPORTED', 'rclone makes read-only public links only', { path: rel });
    }
    const { url } = await this.daemon.call<{ url: string }>(
      'operations/publiclink',
      { fs: this.fs, remote: rel },
      rel,
    );
    return { url, ref: url };
  }

  changes(options: { cursor: string | null; signal: AbortSignal; pollIntervalMs?: number }) {
    return this.feed.changes(options);
  }

  close(): Promise<void> {
    return this.daemon.close();
  }
}
