// The SFTP provider (ssh2): root-confined paths, pipelined transfers, atomic temp + rename
// writes, resumable sessions, server-side hashes, and a polling change feed.
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { type Logger, SyncoxideError } from '@syncoxide/core';
import type { SFTPWrapper } from 'ssh2';
import { checkExpected } from '../common/expect.js';
import { hashOf } from '../common/hashing.js';
import {
  isTempName,
  joinPath,
  normalizeFilePath,
  normalizePath,
  normalizeWritablePath,
  parentOf,
} from '../common/paths.js';
import { PollingFeed } from '../common/poll-feed.js';
import { relabel } from '../common/relabel.js';
import { walkTree } from '../common/walk.js';
import type { RemoteConfig } from '../config.js';

type SftpRemoteConfig = Extract<RemoteConfig, { type: 'sftp' }>;

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
import { SftpConnection } from './connection.js';
import { copyFile } from './copy.js';
import { entryOf } from './entry.js';
import { mapSftpError } from './errors.js';
import * as ops from './ops.js';
import { moveEntry, removeTree } from './place.js';
import { readFile } from './read.js';
import { RemoteHasher } from './remote-hash.js';
import { SftpUploadSession, writeWhole } from './upload.js';

const NO_SUCH_FILE = 2;
/** Files at least this large are hashed by the server rather than read (see `hash`). */
const REMOTE_HASH_MIN = 4 * 1024 * 1024;
const codeOf = (error: unknown): unknown => (error as { code?: unknown }).code;

export class SftpProvider implements Provider, ChangeFeedSource, ServerSideCopier {
  readonly type = 'sftp';
  readonly capabilities: ProviderCapabilities = {
    // SFTP lists no hashes; `hash` asks the server's md5sum/sha1sum or reads the file.
    hashes: [],
    // SFTP v3 attributes carry whole seconds.
    modtime: { supported: true, settable: true, precisionMs: 1000 },
    // Set on first contact when the server announces copy-data (OpenSSH 9.0+).
    serverSideCopy: false,
    serverSideMove: true,
    nativeSharing: false,
    changeFeed: 'poll',
    maxFileSize: null,
    caseSensitive: true,
    emptyFolders: true,
    stableIds: false,
  };
  readonly conn: SftpConnection;
  private readonly hasher: RemoteHasher;
  private rootDir: Promise<string> | null = null;
  private readonly feed = new PollingFeed(() => this.list(''));

  constructor(
    private readonly config: SftpRemoteConfig,
    readonly logger?: Logger,
  ) {
    this.conn = new SftpConnection({ ...config, logger });
    this.hasher = new RemoteHasher(this.conn);
  }

  /** The remote's root as an absolute server path: `root` resolved against the login folder. */
  private root(): Promise<string> {
    this.rootDir ??= this.conn
      .withChannel(async (s) => {
        // What the server announces decides the optional abilities, known from first contact.
        this.capabilities.serverSideCopy = ops.hasExtension(s, 'copy-data');
        return ops.realpath(s, '.');
      })
      .then((home) => posix.resolve(home, this.config.root));
    this.rootDir.catch(() => {
      this.rootDir = null;
    });
    return this.rootDir;
  }

  async abs(rel: string): Promise<string> {
    const root = await this.root();
    return rel === '' ? root : posix.join(root, rel);
  }

  /** Runs `fn` on one channel with the absolute path of `rel`; errors name `label` (default `rel`). */
  async run<T>(rel: string, fn: (sftp: SFTPWrapper, abs: string) => Promise<T>, label = rel): Promise<T> {
    try {
      const abs = await this.abs(rel);
      return await this.conn.withChannel((s) => fn(s, abs));
    } catch (error) {
      const mapped = mapSftpError(error, label);
      // Connection failures carry no path, temp files the wrong one: name the caller's.
      throw relabel(mapped, label);
    }
  }

  async stat(path: string): Promise<Entry | null> {
    const rel = normalizePath(path);
    return this.run(rel, async (s, abs) => {
      try {
        let st = await ops.lstat(s, abs);
        if (st.isSymbolicLink()) st = await ops.stat(s, abs);
        return entryOf(rel, st);
      } catch (error) {
        if (codeOf(error) === NO_SUCH_FILE) return null;
        throw error;
      }
    });
  }

  /** Children of one folder. Symlinks to files count as files; to folders, they are not followed (loops). */
  private readdir(dir: string): Promise<Entry[]> {
    return this.run(dir, async (s, abs) => {
      const out: Entry[] = [];
      for (const item of await ops.readdir(s, abs)) {
        const name = item.filename;
        if (name === '.' || name === '..' || isTempName(name)) continue;
        const rel = joinPath(dir, name);
        let st = item.attrs;
        if (st.isSymbolicLink()) {
          st = await ops.stat(s, posix.join(abs, name)).catch(() => st);
          if (st.isSymbolicLink() || st.isDirectory()) continue;
        }
        if (st.isDirectory() || st.isFile()) out.push(entryOf(rel, st));
      }
      return out;
    });
  }

  async *list(path = '', options: { recursive?: boolean } = {}): AsyncIterable<Entry> {
    const rel = normalizePath(path);
    const start = await this.stat(rel);
    if (!start) throw new SyncoxideError('NOT_FOUND', 'no such folder', { path: rel });
    if (start.kind !== 'folder') throw new SyncoxideError('INVALID_INPUT', 'not a folder', { path: rel });
    yield* walkTree(rel, (dir) => this.readdir(dir), {
      recursive: options.recursive ?? true,
      concurrency: 8,
    });
  }

  async read(path: string, range?: ByteRange): Promise<Readable> {
    return readFile(this, normalizeFilePath(path), range);
  }

  async mkdir(path: string): Promise<void> {
    const rel = normalizePath(path);
    if (rel === '') return;
    const attempt = () => this.run(rel, (s, abs) => ops.mkdir(s, abs));
    try {
      await attempt();
    } catch (error) {
      let failure = error;
      if ((error as SyncoxideError).code === 'NOT_FOUND') {
        await this.mkdir(parentOf(rel));
        failure = await attempt().then(
          () => null,
          (e: unknown) => e,
        );
        if (failure === null) return;
      }
      // Already there (or made meanwhile by another writer): fine when it is a folder.
      const existing = await this.stat(rel);
      if (existing?.kind === 'folder') return;
      if (existing)
        throw new SyncoxideError('ALREADY_EXISTS', 'a file is in the way of the folder', { path: rel });
      throw failure;
    }
  }

  async write(path: string, source: Readable, options: WriteOptions = {}): Promise<Entry> {
    const rel = normalizeWritablePath(path);
    // Refuse early what placing would refuse anyway, before sending the bytes.
    if (options.expect) await this.checkExpect(rel, options.expect);
    return writeWhole(this, rel, source, options);
  }

  async beginUpload(
    path: string,
    options: Omit<WriteOptions, 'onProgress' | 'signal'> = {},
  ): Promise<UploadSession> {
    return SftpUploadSession.begin(this, normalizeWritablePath(path), options);
  }

  async resumeUpload(state: UploadState): Promise<UploadSession> {
    return SftpUploadSession.resume(this, state);
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
    if (current.kind === 'file') await this.run(rel, (s, abs) => ops.unlink(s, abs));
    else await removeTree(this, rel);
  }

  async move(from: string, to: string, options: { overwrite?: boolean } = {}): Promise<Entry> {
    return moveEntry(this, normalizeFilePath(from), normalizeWritablePath(to), options.overwrite ?? false);
  }

  /** Server-side (copy-data); `capabilities.serverSideCopy` says so once connected. */
  async copy(from: string, to: string): Promise<Entry> {
    return copyFile(this, normalizeFilePath(from), normalizeWritablePath(to));
  }

  async hash(path: string, type: HashType): Promise<string> {
    const rel = normalizeFilePath(path);
    const entry = await this.stat(rel);
    if (!entry) throw new SyncoxideError('NOT_FOUND', 'no such file', { path: rel });
    if (entry.kind !== 'file')
      throw new SyncoxideError('INVALID_INPUT', 'is a folder, not a file', { path: rel });
    // An exec channel costs a fork of the user's shell on the server: cheaper than moving the
    // bytes only when there are many of them.
    const remote = entry.size >= REMOTE_HASH_MIN ? await this.hasher.hash(await this.abs(rel), type) : null;
    return remote ?? hashOf(await this.read(rel), type);
  }

  async usage(): Promise<Usage | null> {
    return this.run('', async (s, abs) => {
      if (!ops.hasExtension(s, 'statvfs@openssh.com')) return null;
      const v = await ops.statvfs(s, abs);
      const unit = v.frsize || v.bsize;
      return { used: (v.blocks - v.bfree) * unit, free: v.bavail * unit, total: v.blocks * unit };
    });
  }

  changes(options: { cursor: string | null; signal: AbortSignal; pollIntervalMs?: number }) {
    return this.feed.changes(options);
  }

  close(): Promise<void> {
    return this.conn.close();
  }
}
