// Synthetic documents with the indexer's real shape for one owner: folders of a few levels,
// files with realistic extensions, log-uniform sizes, mtimes over ten years, 5% of files in
// duplicate groups, 1% in the trash, 0.1% conflict copies. Deterministic (seeded).
import { createHash } from 'node:crypto';
import { ancestorFolderKeys, categoryOf, extensionOf, type FileDocument } from '@syncoxide/indexer';

const EXTS = [
  'jpg',
  'png',
  'mp4',
  'mov',
  'pdf',
  'docx',
  'txt',
  'md',
  'xlsx',
  'zip',
  'mp3',
  'ts',
  'json',
  'psd',
  'iso',
  'csv',
];
const YEAR = 365 * 86_400_000;

/** mulberry32: a small seeded generator, so two runs index the same library. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function base(
  ownerId: string,
  remoteId: string,
  nodeId: string,
  path: string,
  kind: 'file' | 'folder',
): FileDocument {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return {
    nodeId,
    kind,
    ownerId,
    remoteId,
    name,
    path,
    folders: ancestorFolderKeys(remoteId, path),
    extension: null,
    category: null,
    mime: null,
    size: kind === 'folder' ? 0 : null,
    mtime: null,
    md5: null,
    sha1: null,
    providerId: null,
    logicalId: null,
    sharedWith: [],
    starred: false,
    trashed: false,
    deleted: false,
    deletedAt: null,
    revision: 1,
    changedAt: new Date().toISOString(),
  };
}

/** `size` file documents (plus their folders) of `ownerId` over `remotes` remotes. */
export function* syntheticLibrary(
  ownerId: string,
  size: number,
  remotes = 3,
  seed = 7,
): Generator<FileDocument> {
  const rnd = random(seed);
  const now = Date.now();
  const folders: Array<{ remoteId: string; path: string }> = [];
  // About one folder per 40 files, three levels deep.
  const folderCount = Math.max(1, Math.round(size / 40));
  for (let i = 0; i < folderCount; i++) {
    const remoteId = `${ownerId}-r${i % remotes}`;
    const parent = i >= remotes * 10 ? folders[Math.floor(rnd() * i)] : undefined;
    const path =
      parent && parent.remoteId === remoteId && parent.path.split('/').length < 4
        ? `${parent.path}/d${i}`
        : `d${i}`;
    folders.push({ remoteId, path });
    yield base(ownerId, remoteId, `${ownerId}-f${i}`, path, 'folder');
  }
  for (let i = 0; i < size; i++) {
    const folder = folders[Math.floor(rnd() * folders.length)]!;
    const ext = EXTS[Math.floor(rnd() * EXTS.length)]!;
    const roll = rnd();
    const conflict = roll < 0.001;
    const name = conflict ? `file${i}.conflict-path1-20240131-154500.${ext}` : `file${i}.${ext}`;
    const doc = base(ownerId, folder.remoteId, `${ownerId}-n${i}`, `${folder.path}/${name}`, 'file');
    // 5%: one of size/40 duplicate contents (about two copies each).
    const dupOf = rnd() < 0.05 ? Math.floor(rnd() * (size / 40)) : null;
    const dupRnd = dupOf === null ? rnd : random(dupOf + 1);
    doc.size = Math.floor(Math.exp(dupRnd() * Math.log(4 * 1024 ** 3)));
    doc.md5 = md5(dupOf === null ? `u${i}` : `d${dupOf}`);
    doc.mtime = Math.floor(now - rnd() * 10 * YEAR);
    doc.extension = extensionOf(name);
    doc.category = categoryOf(doc.extension, null);
    doc.trashed = roll > 0.99;
    yield doc;
  }
}
