// Capabilities of an rclone remote, read from operations/fsinfo (rclone's own feature flags).
import type { HashType, ProviderCapabilities } from '../types.js';

export interface FsInfo {
  Features?: Record<string, boolean>;
  Hashes?: string[];
  /** Modification time precision, nanoseconds; rclone's ModTimeNotSupported is 100 years. */
  Precision?: number;
  Name?: string;
  Root?: string;
}

const NOT_SUPPORTED_NS = 100 * 365 * 24 * 3600 * 1e9;

/** What is assumed before fsinfo answers (or when it cannot): little. */
export function defaultCapabilities(): ProviderCapabilities {
  return {
    hashes: [],
    modtime: { supported: false, settable: false, precisionMs: 1000 },
    serverSideCopy: false,
    serverSideMove: false,
    nativeSharing: false,
    changeFeed: 'poll',
    maxFileSize: null,
    caseSensitive: true,
    emptyFolders: false,
    stableIds: false,
  };
}

export function capabilitiesOf(info: FsInfo): ProviderCapabilities {
  const f = info.Features ?? {};
  const precision = info.Precision ?? NOT_SUPPORTED_NS;
  const modtime = precision < NOT_SUPPORTED_NS;
  const hashes = (info.Hashes ?? []).filter((h): h is HashType => h === 'md5' || h === 'sha1');
  return {
    // Backends that compute hashes by reading (local, sftp: SlowHash) are not cheap in listings;
    // `hash` still gets them from rclone, which reads next to the data, not through us.
    hashes: f.SlowHash ? [] : hashes,
    // rclone sets modtimes on upload (metadata) or after it (touch) wherever it keeps them.
    modtime: {
      supported: modtime,
      settable: modtime,
      precisionMs: modtime ? Math.max(1, precision / 1e6) : 1000,
    },
    serverSideCopy: f.Copy === true,
    serverSideMove: f.Move === true,
    nativeSharing: f.PublicLink === true,
    changeFeed: 'poll',
    maxFileSize: null,
    caseSensitive: f.CaseInsensitive !== true,
    emptyFolders: f.CanHaveEmptyDirectories === true,
    stableIds: false,
  };
}

/** Hash types rclone can give for this remote at all (cheap or not). */
export function knownHashes(info: FsInfo): HashType[] {
  return (info.Hashes ?? []).filter((h): h is HashType => h === 'md5' || h === 'sha1');
}
