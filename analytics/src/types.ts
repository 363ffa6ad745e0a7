// What analytics answers: plain data shapes shared by the queries, the gateway and the CSV/JSON
// exports. Bytes are numbers (safe up to 8 PiB), times epoch milliseconds.

/** Files and bytes of one bucket (a category, an extension, a remote). */
export interface StatBucket {
  key: string;
  files: number;
  bytes: number;
}

/** A bucket over a range: bytes for sizes, epoch ms for ages (`from` inclusive, `to` exclusive). */
export interface RangeBucket extends StatBucket {
  from: number | null;
  to: number | null;
}

export interface GrowthPoint {
  /** Start of the month (epoch ms, UTC). */
  at: number;
  files: number;
  bytes: number;
  totalFiles: number;
  totalBytes: number;
}

export interface FolderSize {
  remoteId: string;
  path: string;
  /** Files anywhere below the folder. */
  files: number;
  bytes: number;
}

export interface StorageOverview {
  files: number;
  folders: number;
  bytes: number;
  trashFiles: number;
  trashBytes: number;
  byCategory: StatBucket[];
  byExtension: StatBucket[];
  byRemote: StatBucket[];
  sizeDistribution: RangeBucket[];
  ageDistribution: RangeBucket[];
  /** Files and bytes by month of modification, with running totals (oldest first). */
  growth: GrowthPoint[];
}

export interface TransferBucket {
  at: number;
  files: number;
  bytes: number;
}

export type ChangeKind = 'created' | 'modified' | 'deleted' | 'moved';

export interface ChangedFile {
  nodeId: string;
  remoteId: string;
  path: string;
  changes: number;
  lastChangedAt: number;
}

export interface ActiveFolder {
  remoteId: string;
  path: string;
  changes: number;
  lastChangedAt: number;
}

export interface ChangePoint {
  at: number;
  created: number;
  modified: number;
  deleted: number;
  moved: number;
}

export interface RemoteChanges {
  remoteId: string;
  points: ChangePoint[];
}

export interface StorageActivity {
  mostChangedFiles: ChangedFile[];
  activeFolders: ActiveFolder[];
  /** Files not modified since `untouchedSince`. */
  untouchedSince: number;
  untouchedFiles: number;
  untouchedBytes: number;
  changesPerRemote: RemoteChanges[];
}

export const CLEANUP_KINDS = [
  'duplicates',
  'empty_folders',
  'large_files',
  'old_files',
  'trash',
  'conflict_copies',
  'similar_photos',
] as const;
export type CleanupKind = (typeof CLEANUP_KINDS)[number];

/**
 * One line of a cleanup report: a file (or, for empty folders, a folder) as it was when the
 * report was made. The state fields are what a cleanup checks before it acts.
 */
export interface CleanupItem {
  nodeId: string;
  remoteId: string;
  kind: 'file' | 'folder';
  path: string;
  name: string;
  size: number;
  mtime: number | null;
  md5: string | null;
  revision: number;
  /** Duplicates: the group (md5:size) the copy belongs to; similar photos: photos:<kept node id>. */
  group: string | null;
  /** Duplicates: the copy a cleanup keeps by default (the oldest, then the first path). */
  keep: boolean;
  /** Folders: files below it. */
  files: number;
  /** What removing this item frees (0 for a kept copy). */
  reclaimableBytes: number;
}

export interface CleanupReportData {
  kind: CleanupKind;
  /** Items counted (files, or folders for empty folders). */
  items: CleanupItem[];
  /** Everything the report found, even past the item limit. */
  totalItems: number;
  /** Duplicates: number of groups. */
  groups: number;
  /** Bytes the report would free if every item (but kept copies) went. */
  reclaimableBytes: number;
  /** More items than the limit: the list is the first part, sorted by bytes freed. */
  truncated: boolean;
  /** Anything the report could not check, said plainly (e.g. files too big to hash). */
  notes: string[];
}
