// A reproducible tree of N small real files (nested folders, realistic names and extensions),
// generated once per size under <home>/bench and reused; a marker file says it is complete.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const TOP = ['Documents', 'Photos', 'Projects', 'Music', 'Archive', 'Shared', 'Downloads', 'Backups'];
const WORDS = [
  'report',
  'invoice',
  'summary',
  'draft',
  'notes',
  'budget',
  'plan',
  'meeting',
  'design',
  'review',
  'holiday',
  'family',
  'trip',
  'wedding',
  'garden',
  'house',
  'car',
  'tax',
  'contract',
  'letter',
  'alpha',
  'beta',
  'client',
  'server',
  'module',
  'index',
  'utils',
  'config',
  'readme',
  'changelog',
  'spring',
  'summer',
  'autumn',
  'winter',
  'berlin',
  'paris',
  'tokyo',
  'lisbon',
  'oslo',
  'quebec',
];
const EXT = [
  'pdf',
  'docx',
  'xlsx',
  'txt',
  'md',
  'jpg',
  'png',
  'heic',
  'mp3',
  'flac',
  'ts',
  'js',
  'json',
  'csv',
  'zip',
  'mov',
];

/** Mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Tree {
  root: string;
  files: number;
  folders: number;
  bytes: number;
}

/** Folder paths, depth 1..4, about 20 files per folder. */
function folderPlan(files: number, rand: () => number): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const folders = new Set<string>();
  const wanted = Math.max(1, Math.ceil(files / 20));
  while (folders.size < wanted) {
    const depth = 1 + Math.floor(rand() * 4);
    const parts = [pick(TOP)];
    for (let d = 1; d < depth; d++)
      parts.push(`${pick(WORDS)}${rand() < 0.5 ? ` ${2015 + Math.floor(rand() * 10)}` : ''}`);
    folders.add(parts.join('/'));
  }
  return [...folders].sort();
}

export async function ensureTree(baseDir: string, files: number): Promise<Tree> {
  const root = join(baseDir, `ingest-tree-${files}`);
  const marker = join(root, '.syncoxide-bench-complete');
  const rand = prng(files);
  const folders = folderPlan(files, rand);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const plan: Array<{ path: string; size: number }> = [];
  const names = new Set<string>();
  for (let i = 0; i < files; i++) {
    const folder = folders[i % folders.length]!;
    let path: string;
    do path = `${folder}/${pick(WORDS)}-${pick(WORDS)} ${Math.floor(rand() * 1000)}.${pick(EXT)}`;
    while (names.has(path));
    names.add(path);
    plan.push({ path, size: 64 + Math.floor(rand() * 4000) });
  }
  const bytes = plan.reduce((s, f) => s + f.size, 0);
  const tree = {
    root,
    files,
    folders: new Set(plan.map((f) => f.path.slice(0, f.path.lastIndexOf('/')))).size,
    bytes,
  };
  if (existsSync(marker)) return tree;

  await rm(root, { recursive: true, force: true });
  const made = new Set<string>();
  const content = Buffer.alloc(4096);
  let next = 0;
  // A few writers at a time: file creation is bound by metadata syscalls, not bytes.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < plan.length) {
        const f = plan[next++]!;
        const dir = join(root, f.path.slice(0, f.path.lastIndexOf('/')));
        if (!made.has(dir)) {
          made.add(dir);
          await mkdir(dir, { recursive: true });
        }
        const bytesRand = prng(next * 7919);
        for (let i = 0; i < f.size; i++) content[i] = Math.floor(bytesRand() * 256);
        await writeFile(join(root, f.path), content.subarray(0, f.size));
      }
    }),
  );
  await writeFile(marker, new Date().toISOString());
  return tree;
}
