// The provider interface: the one way the sync engine, the scanner, photos and sharing reach
// file contents. Small on purpose (after rclone's Fs/Object): abilities only some providers
// have are separate interfaces below, detected at run time with the `can*` guards.
//
// Paths are relative to the remote's root, '/'-separated, without a leading slash; '' is the
// root. Providers map native errors onto SyncoxideError (NOT_FOUND, PERMISSION_DENIED,
// QUOTA_EXCEEDED, NETWORK, ALREADY_EXISTS, PRECONDITION_FAILED, ...) with the path in the message.
import type { Readable } from 'node:stream';

export type HashType = 'md5' | 'sha1';
export type Hashes = Partial<Record<HashType, string>>;

export interface ProviderCapabilities {
  /** Hashes the provider reports cheaply in listings (others cost a read: see `hash`). */
  hashes: HashType[];
  modtime: {
    supported: boolean;
    /** Can a write set the mtime to a given value? */
    settable: boolean;
    /** Precision of stored modification times, in milliseconds. */
    precisionMs: number;
  };
  serverSideCopy: boolean;
  serverSideMove: boolean;
  nativeSharing: boolean;
  changeFeed: 'watch' | 'poll' | 'none';
  /** Largest file it can store, bytes; null: no known limit. */
  maxFileSize: number | null;
  caseSensitive: boolean;
  /** Does the provider keep folders that hold nothing? (S3 does not.) */
  emptyFolders: boolean;
  /** Does each object carry a stable id that survives renames? */
  stableIds: boolean;
}

export interface Entry {
  path: string;
  kind: 'file' | 'folder';
  /** Bytes; 0 for folders. */
  size: number;
  /** Modification time, epoch milliseconds; null when the provider has none. */
  mtime: number | null;
  hashes: Hashes;
  /** The provider's own id of the object, when it has one. */
  providerId: string | null;
  /** Opaque version tag (S3 ETag, WebDAV getetag...), when the provider has one. */
  etag: string | null;
  mime?: string | null;
}

/** Byte range, both ends inclusive like HTTP's Range header; `end` omitted: to the end. */
export interface ByteRange {
  start: number;
  end?: number;
}

/**
 * What the destination must still be for a write or delete to go ahead (DESIGN-NOTES §4):
 * `absent` — nothing there; otherwise every field given must match. A mismatch fails with
 * PRECONDITION_FAILED and changes nothing.
 */
export type Expected =
  | { absent: true }
  | { absent?: false; size?: number; mtime?: number; md5?: string; sha1?: string; etag?: string };

export interface WriteOptions {
  /** Size of the content when known up front (lets S3 pick single-part vs multipart). */
  size?: number;
  /** Modification time to set, epoch ms (where settable). */
  mtime?: number;
  mime?: string;
  /** Precondition on the destination, checked just before the content becomes visible. */
  expect?: Expected;
  /** Called with bytes written so far, for progress display. */
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
}

/**
 * The persisted state of a resumable write: JSON-serialisable, stored (e.g. in the sync
 * journal) so a new process can continue the upload after a crash.
 */
export interface UploadState {
  provider: string;
  path: string;
  /** Bytes durably stored so far; the caller resumes its source stream from here. */
  offset: number;
  /** Provider-specific: temp path, multipart upload id and finished parts, ... */
  data: Record<string, unknown>;
  options: Omit<WriteOptions, 'onProgress' | 'signal'>;
}

export interface UploadSession {
  /** Current state; persist it after each `append` (or via onState) to resume later. */
  readonly state: UploadState;
  /** Appends the stream's bytes at `state.offset`. */
  append(source: Readable, options?: { signal?: AbortSignal }): Promise<void>;
  /** Makes the content visible at the destination atomically; returns the stored entry. */
  commit(): Promise<Entry>;
  /** Throws the session away, removing anything it stored; the destination is untouched. */
  abort(): Promise<void>;
}

export interface Usage {
  used: number;
  /** null when the provider does not say. */
  free: number | null;
  total: number | null;
}

export interface Provider {
  readonly type: string;
  readonly capabilities: ProviderCapabilities;

  /** Streams every entry under `path` (recursively unless told otherwise), in no set order. */
  list(path?: string, options?: { recursive?: boolean }): AsyncIterable<Entry>;
  /** The entry at `path`, or null when nothing is there. */
  stat(path: string): Promise<Entry | null>;
  /** Reads a file as a stream, whole or a byte range. */
  read(path: string, range?: ByteRange): Promise<Readable>;
  /**
   * Writes a file atomically: the path shows the old content (or nothing) until the whole new
   * content is stored, then the new content; never a part. Returns the stored entry with its
   * md5 and sha1 computed from the bytes written.
   */
  write(path: string, source: Readable, options?: WriteOptions): Promise<Entry>;
  /** Starts a resumable write; see UploadSession. */
  beginUpload(path: string, options?: Omit<WriteOptions, 'onProgress' | 'signal'>): Promise<UploadSession>;
  /** Continues a resumable write from persisted state (after a crash: in a new process). */
  resumeUpload(state: UploadState): Promise<UploadSession>;
  /** Deletes a file, or a folder with everything in it. Missing path: NOT_FOUND. */
  delete(path: string, options?: { expect?: Expected }): Promise<void>;
  /** Creates a folder and its parents; existing folder: no-op. */
  mkdir(path: string): Promise<void>;
  /** Renames or moves a file or folder (server-side where possible, else copy + delete). */
  move(from: string, to: string, options?: { overwrite?: boolean }): Promise<Entry>;
  /** Hash of a file's content, native when the provider has it, else computed by reading. */
  hash(path: string, type: HashType): Promise<string>;
  usage(): Promise<Usage | null>;
  /** Releases connections, watchers, child processes. */
  close(): Promise<void>;
}

// ---- optional abilities -------------------------------------------------------------

export interface ServerSideCopier {
  copy(from: string, to: string): Promise<Entry>;
}

export interface Presigner {
  /** A URL anyone can GET the file from until it expires. */
  presignedUrl(path: string, options: { expiresInSeconds: number; method?: 'GET' | 'PUT' }): Promise<string>;
}

export interface Change {
  type: 'upsert' | 'delete';
  path: string;
  /** The entry after the change; null for deletes. */
  entry: Entry | null;
}

/** A change feed: a native watcher for local disks, a polling cursor elsewhere. */
export interface ChangeFeedSource {
  /**
   * Yields batches of changes after `cursor` (null: from now). `cursor` in each batch can be
   * persisted to continue later. Feeds can miss things: a periodic reconcile covers that.
   */
  changes(options: { cursor: string | null; signal: AbortSignal; pollIntervalMs?: number }): AsyncIterable<{
    cursor: string;
    changes: Change[];
  }>;
}

/**
 * Removes temporary uploads no writer owns any more: a process killed after a session created its
 * temp but before the session's state was persisted leaves one nobody can resume.
 */
export interface UploadSweeper {
  /** Removes temps in `folders` (not below) last written before `before` (epoch ms) and not in `keep`. */
  sweepUploads(folders: string[], options: { before: number; keep: UploadState[] }): Promise<number>;
}

export interface NativeSharer {
  share(
    path: string,
    options: { with?: string; readOnly: boolean },
  ): Promise<{ url: string | null; ref: string }>;
}

export function canCopy(p: Provider): p is Provider & ServerSideCopier {
  return p.capabilities.serverSideCopy && typeof (p as Partial<ServerSideCopier>).copy === 'function';
}
export function canPresign(p: Provider): p is Provider & Presigner {
  return typeof (p as Partial<Presigner>).presignedUrl === 'function';
}
export function hasChangeFeed(p: Provider): p is Provider & ChangeFeedSource {
  return (
    p.capabilities.changeFeed !== 'none' && typeof (p as Partial<ChangeFeedSource>).changes === 'function'
  );
}
export function canSweepUploads(p: Provider): p is Provider & UploadSweeper {
  return typeof (p as Partial<UploadSweeper>).sweepUploads === 'function';
}
export function canShare(p: Provider): p is Provider & NativeSharer {
  return p.capabilities.nativeSharing && typeof (p as Partial<NativeSharer>).share === 'function';
}
