// Promise forms of the SFTP requests the provider uses. They reject with ssh2's own errors; the
// provider maps them (errors.ts) with the path the caller knows, not the server's absolute one.
import type { FileEntryWithStats, InputAttributes, OpenMode, SFTPWrapper, Stats } from 'ssh2';

const OP_UNSUPPORTED = 8;

function call<T>(
  _path: string,
  start: (cb: (err: Error | null | undefined, value?: T) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((err, value) => (err ? reject(err) : resolve(value as T)));
    } catch (err) {
      // ssh2 throws synchronously for extensions the server did not announce.
      reject(Object.assign(new Error((err as Error).message), { code: OP_UNSUPPORTED }));
    }
  });
}

/** Does the server announce this extension (e.g. posix-rename@openssh.com)? */
export function hasExtension(sftp: SFTPWrapper, name: string): boolean {
  // ssh2 keeps the server's VERSION extensions here; there is no public accessor.
  const extensions = (sftp as unknown as { _extensions?: Record<string, string> })._extensions;
  return extensions?.[name] !== undefined;
}

export const stat = (s: SFTPWrapper, p: string) => call<Stats>(p, (cb) => s.stat(p, cb));
export const lstat = (s: SFTPWrapper, p: string) => call<Stats>(p, (cb) => s.lstat(p, cb));
export const readdir = (s: SFTPWrapper, p: string) => call<FileEntryWithStats[]>(p, (cb) => s.readdir(p, cb));
export const open = (s: SFTPWrapper, p: string, flags: OpenMode) =>
  call<Buffer>(p, (cb) => s.open(p, flags, cb));
export const closeHandle = (s: SFTPWrapper, h: Buffer, p: string) => call<void>(p, (cb) => s.close(h, cb));
export const fstat = (s: SFTPWrapper, h: Buffer, p: string) => call<Stats>(p, (cb) => s.fstat(h, cb));
export const fsetstat = (s: SFTPWrapper, h: Buffer, attrs: InputAttributes, p: string) =>
  call<void>(p, (cb) => s.fsetstat(h, attrs, cb));
export const setstat = (s: SFTPWrapper, p: string, attrs: InputAttributes) =>
  call<void>(p, (cb) => s.setstat(p, attrs, cb));
export const mkdir = (s: SFTPWrapper, p: string) => call<void>(p, (cb) => s.mkdir(p, cb));
export const rmdir = (s: SFTPWrapper, p: string) => call<void>(p, (cb) => s.rmdir(p, cb));
export const unlink = (s: SFTPWrapper, p: string) => call<void>(p, (cb) => s.unlink(p, cb));
export const rename = (s: SFTPWrapper, from: string, to: string) =>
  call<void>(from, (cb) => s.rename(from, to, cb));
export const posixRename = (s: SFTPWrapper, from: string, to: string) =>
  call<void>(from, (cb) => s.ext_openssh_rename(from, to, cb));
export const hardlink = (s: SFTPWrapper, target: string, link: string) =>
  call<void>(link, (cb) => s.ext_openssh_hardlink(target, link, cb));
export const fsync = (s: SFTPWrapper, h: Buffer, p: string) =>
  call<void>(p, (cb) => s.ext_openssh_fsync(h, (err) => cb(err)));
export const realpath = (s: SFTPWrapper, p: string) => call<string>(p, (cb) => s.realpath(p, cb));
/** statvfs@openssh.com; ssh2 returns uint64 fields as number, bigint or string by its settings. */
export async function statvfs(s: SFTPWrapper, p: string) {
  const raw = await call<Record<string, unknown>>(p, (cb) => s.ext_openssh_statvfs(p, cb));
  const n = (key: string) => Number(raw[key] ?? 0);
  return {
    bsize: n('f_bsize'),
    frsize: n('f_frsize'),
    blocks: n('f_blocks'),
    bfree: n('f_bfree'),
    bavail: n('f_bavail'),
  };
}

/** One READ request; resolves with the bytes read (fewer at end of file, none past it). */
export function readChunk(s: SFTPWrapper, h: Buffer, position: number, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.allocUnsafe(length);
    s.read(h, buffer, 0, length, position, (err, bytesRead) => {
      // ssh2 reports end of file as status EOF (code 1) on some paths: that is just "no bytes".
      if (err && (err as { code?: number }).code === 1) return resolve(Buffer.alloc(0));
      if (err) return reject(err);
      resolve(buffer.subarray(0, bytesRead));
    });
  });
}

export function writeChunk(s: SFTPWrapper, h: Buffer, data: Buffer, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    s.write(h, data, 0, data.length, position, (err) => (err ? reject(err) : resolve()));
  });
}

/** Largest READ/WRITE payload the server takes in one request (limits@openssh.com, else 32 KiB). */
export function maxIoLength(sftp: SFTPWrapper, which: 'read' | 'write'): number {
  const limits = sftp as unknown as { _maxReadLen?: number; _maxWriteLen?: number };
  const value = which === 'read' ? limits._maxReadLen : limits._maxWriteLen;
  return typeof value === 'number' && value > 0 ? value : 32 * 1024;
}
