// A small file tree on disk and a local remote connected through GraphQL: the start of every
// pipeline test (connect → scan → relay → indexer → query).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Client, TestGateway } from './harness.js';

export const TREE: Record<string, string> = {
  'docs/quarterly-report.pdf': 'pdf bytes of the quarterly report',
  'docs/notes.txt': 'some notes',
  'docs/archive/old-notes.txt': 'older notes',
  'photos/holiday-beach.jpg': 'jpeg bytes',
  'photos/sunset.png': 'png bytes!',
  'music/song.mp3': 'mp3 bytes here',
  'readme.md': '# readme\n',
  'alphabet.txt': 'abcdefghijklmnopqrstuvwxyz',
};

export async function makeTree(root: string, tree: Record<string, string> = TREE): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

export const CONNECT = `mutation($name: String!, $config: JSON!) {
  connectRemote(name: $name, config: $config) { remote { id name type } scan { entries created } }
}`;

/** Makes the tree in a fresh folder and connects it; returns the remote's global id and folder. */
export async function connectLocal(gw: TestGateway, c: Client, name = 'Disk', tree = TREE) {
  const root = join(gw.localRoot, `${name}-${Math.random().toString(36).slice(2)}`);
  await makeTree(root, tree);
  const r = await c.ok<{ connectRemote: { remote: { id: string }; scan: { entries: number } } }>(CONNECT, {
    name,
    config: { type: 'local', root },
  });
  return { remoteId: r.connectRemote.remote.id, root, entries: r.connectRemote.scan.entries };
}

export const FILE_FIELDS = 'id name path kind size starred trashed';

/** Every item of a connection field, following endCursor. */
export async function all(
  c: Client,
  field: string,
  args = '',
  first = 2,
): Promise<Array<{ id: string; name: string; path: string; kind: string }>> {
  const out: Array<{ id: string; name: string; path: string; kind: string }> = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const q = `query($after: String) { ${field}(first: ${first}, after: $after${args ? `, ${args}` : ''}) {
      edges { cursor node { ${FILE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
    const data: Record<
      string,
      { edges: { node: never }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }
    > = await c.ok(q, { after });
    const conn = data[field]!;
    out.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}
