// Trees as the scenario file writes them (path → {content, mtime in seconds} or {dir: true}),
// written to and read from any Provider, and compared with wildcards ("*" in a path matches
// exactly one entry; an mtime of "*" matches any).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { joinPath } from '../../src/providers/common/paths.js';
import type { Provider } from '../../src/providers/types.js';

export type Node = { content: string; mtime: number | '*' } | { dir: true };
export type Tree = Record<string, Node>;
export type Actual = Map<string, { content: string; mtime: number } | { dir: true }>;

export const md5 = (s: string | Buffer) => createHash('md5').update(s).digest('hex');
export const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');

export async function writeTree(p: Provider, folder: string, tree: Tree): Promise<void> {
  const paths = Object.keys(tree).sort();
  for (const path of paths) {
    const node = tree[path]!;
    if ('dir' in node) await p.mkdir(joinPath(folder, path));
  }
  for (const path of paths) {
    const node = tree[path]!;
    if ('dir' in node) continue;
    const mtime = node.mtime === '*' ? Date.now() : node.mtime * 1000;
    await p.write(joinPath(folder, path), Readable.from([Buffer.from(node.content)]), { mtime });
  }
}

export async function readTree(p: Provider, folder: string): Promise<Actual> {
  const out: Actual = new Map();
  const prefix = folder === '' ? '' : `${folder}/`;
  let entries: { path: string; kind: string; mtime: number | null }[] = [];
  try {
    for await (const e of p.list(folder)) entries.push(e);
  } catch {
    entries = []; // the folder does not exist: an empty tree
  }
  for (const e of entries) {
    const rel = e.path.slice(prefix.length);
    if (e.kind === 'folder') {
      out.set(rel, { dir: true });
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const c of await p.read(e.path)) chunks.push(c as Buffer);
    // The stored mtime comes from a stat: a listing may show the upload time instead (S3).
    const mtime = (await p.stat(e.path))?.mtime ?? e.mtime ?? 0;
    out.set(rel, { content: Buffer.concat(chunks).toString('utf8'), mtime });
  }
  return out;
}

function pattern(path: string): RegExp {
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*');
  return new RegExp(`^${escaped}$`);
}

function show(actual: Actual): string {
  return JSON.stringify(Object.fromEntries([...actual].sort()), null, 1);
}

/** Asserts `actual` is exactly `expected`. `folders: false` ignores folders (providers without them). */
export function assertTree(actual: Actual, expected: Tree, label: string, folders = true): void {
  const act = new Map([...actual].filter(([, n]) => folders || !('dir' in n)));
  const exp = Object.entries(expected).filter(([, n]) => folders || !('dir' in n));
  const claimed = new Set<string>();
  // Literal paths first, so a wildcard never steals an entry a literal names.
  const ordered = [...exp].sort(([a], [b]) => Number(a.includes('*')) - Number(b.includes('*')));
  for (const [path, want] of ordered) {
    let key = path;
    if (path.includes('*')) {
      const re = pattern(path);
      const hits = [...act.keys()].filter((k) => re.test(k) && !claimed.has(k));
      assert.equal(
        hits.length,
        1,
        `${label}: "${path}" must match exactly one entry, got ${hits.length}\n${show(act)}`,
      );
      key = hits[0]!;
    }
    const got = act.get(key);
    assert.ok(got, `${label}: missing ${path}\n${show(act)}`);
    claimed.add(key);
    if ('dir' in want) {
      assert.ok('dir' in got, `${label}: ${path} should be a folder`);
      continue;
    }
    assert.ok(!('dir' in got), `${label}: ${path} should be a file`);
    assert.equal(got.content, want.content, `${label}: content of ${key}`);
    if (want.mtime !== '*') assert.equal(got.mtime, want.mtime * 1000, `${label}: mtime of ${key}`);
  }
  const extra = [...act.keys()].filter((k) => !claimed.has(k));
  assert.deepEqual(extra, [], `${label}: unexpected entries\n${show(act)}`);
}

/** Both sides hold the same tree (same paths, same contents). */
export function assertSame(a: Actual, b: Actual, label: string, folders = true): void {
  const norm = (t: Actual) =>
    Object.fromEntries(
      [...t]
        .filter(([, n]) => folders || !('dir' in n))
        .map(([k, n]) => [k, 'dir' in n ? 'dir' : n.content])
        .sort(([x], [y]) => (x! < y! ? -1 : 1)),
    );
  assert.deepEqual(norm(a), norm(b), `${label}: both sides should be identical`);
}
