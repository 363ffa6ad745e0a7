// SFTP attributes as a provider Entry.
import type { Stats } from 'ssh2';
import type { Entry } from '../types.js';

export function entryOf(path: string, st: Stats): Entry {
  const folder = st.isDirectory();
  return {
    path,
    kind: folder ? 'folder' : 'file',
    size: folder ? 0 : st.size,
    // SFTP v3 carries whole seconds.
    mtime: st.mtime * 1000,
    hashes: {},
    providerId: null,
    etag: null,
  };
}
