// Views, folders, details and file mutations through HTTP, from a local remote connected and
// scanned by the gateway itself, checked on disk.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { all, connectLocal, FILE_FIELDS } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let alice: Client;
let remote: { remoteId: string; root: string; entries: number };

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  remote = await connectLocal(gw, alice);
});
after(() => gw.close());

async function byPath(path: string) {
  const parts = path.split('/');
  let items = await all(alice, 'myDrive', `remoteId: "${remote.remoteId}"`, 50);
  let found = items.find((i) => i.name === parts[0]);
  for (const part of parts.slice(1)) {
    items = await all(alice, 'folder', `id: "${found!.id}"`, 50);
    found = items.find((i) => i.name === part);
  }
  assert.ok(found, `${path} should be listed`);
  return found;
}

describe('views', () => {
  test('connecting scans the remote; My Drive pages through its root, folders first', async () => {
    assert.equal(remote.entries, 12);
    const root = await all(alice, 'myDrive', `remoteId: "${remote.remoteId}"`, 2);
    assert.deepEqual(
      root.map((i) => i.name),
      ['docs', 'music', 'photos', 'alphabet.txt', 'readme.md'],
    );
    const everything = await all(alice, 'myDrive', '', 3);
    assert.equal(everything.length, 5, 'all remotes together: the same single remote here');
  });

  test('pagination edges: first page, last page, empty next, bad sizes and cursors', async () => {
    const q = `query($first: Int, $after: String) { myDrive(first: $first, after: $after) {
      edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    type R = {
      myDrive: {
        edges: { node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      };
    };
    const p1 = await alice.ok<R>(q, { first: 4 });
    assert.equal(p1.myDrive.edges.length, 4);
    assert.equal(p1.myDrive.pageInfo.hasNextPage, true);
    assert.equal(p1.myDrive.pageInfo.hasPreviousPage, false);
    const p2 = await alice.ok<R>(q, { first: 4, after: p1.myDrive.pageInfo.endCursor });
    assert.deepEqual(
      p2.myDrive.edges.map((e) => e.node.name),
      ['readme.md'],
    );
    assert.equal(p2.myDrive.pageInfo.hasNextPage, false);
    assert.equal(p2.myDrive.pageInfo.endCursor, null);
    for (const first of [0, 501, -1]) {
      const bad = await alice.gql(q, { first });
      assert.equal(bad.errors?.[0]?.extensions?.code, 'INVALID_INPUT', `first: ${first}`);
    }
    const forged = await alice.gql(q, { first: 2, after: 'bm90LWEtY3Vyc29y' });
    assert.equal(forged.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
    const backwards = await alice.gql('{ myDrive(last: 2) { edges { cursor } } }');
    assert.equal(backwards.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
  });

  test('folder browsing sorts by name, size, date in both directions', async () => {
    const docs = await byPath('docs');
    const sorted = (field: string, direction: string) =>
      all(alice, 'folder', `id: "${docs.id}", sort: { field: ${field}, direction: ${direction} }`, 2);
    assert.deepEqual(
      (await sorted('NAME', 'ASC')).map((i) => i.name),
      ['archive', 'notes.txt', 'quarterly-report.pdf'],
    );
    assert.deepEqual(
      (await sorted('NAME', 'DESC')).map((i) => i.name),
      ['archive', 'quarterly-report.pdf', 'notes.txt'],
    );
    assert.deepEqual(
      (await sorted('SIZE', 'DESC')).map((i) => i.name),
      ['archive', 'quarterly-report.pdf', 'notes.txt'],
    );
  });

  test('file details: versions with hashes, breadcrumbs, links, sync rules', async () => {
    const report = await byPath('docs/quarterly-report.pdf');
    const notes = await byPath('docs/notes.txt');
    await alice.ok('mutation($a: ID!, $b: ID!) { linkFiles(from: $a, to: $b, note: "see also") { id } }', {
      a: report.id,
      b: notes.id,
    });
    const d = await alice.ok<{
      file: {
        name: string;
        parent: { name: string };
        contentUrl: string;
        details: {
          ancestors: { name: string }[];
          versions: { size: number; current: boolean }[];
          linksOut: { to: { name: string }; note: string }[];
          copies: unknown[];
          shares: unknown[];
          syncRules: unknown[];
        };
      };
    }>(
      `query($id: ID!) { file(id: $id) { name parent { name } contentUrl details {
        ancestors { name } versions { size md5 sha1 current firstSeen } copies { remoteName }
        shares { id } linksOut { to { name } note } syncRules { id } } } }`,
      { id: report.id },
    );
    assert.equal(d.file.parent.name, 'docs');
    assert.deepEqual(
      d.file.details.ancestors.map((a) => a.name),
      ['Disk', 'docs'],
    );
    assert.equal(d.file.details.versions[0]?.size, 33);
    assert.equal(d.file.details.versions[0]?.current, true);
    assert.deepEqual(d.file.details.linksOut, [{ to: { name: 'notes.txt' }, note: 'see also' }]);
    assert.match(d.file.contentUrl, /^\/files\/.+\/content$/);
  });

  test('node(id) resolves a global id through the dataloader', async () => {
    const readme = await byPath('readme.md');
    const r = await alice.ok<{ node: { __typename: string; name: string } }>(
      'query($id: ID!) { node(id: $id) { __typename ... on File { name } } }',
      { id: readme.id },
    );
    assert.deepEqual(r.node, { __typename: 'File', name: 'readme.md' });
  });
});

describe('file mutations', () => {
  test('star and unstar; Starred lists it', async () => {
    const song = await byPath('music/song.mp3');
    await alice.ok('mutation($id: ID!) { starFile(id: $id) { starred } }', { id: song.id });
    assert.deepEqual(
      (await all(alice, 'starred')).map((i) => i.name),
      ['song.mp3'],
    );
    await alice.ok('mutation($id: ID!) { starFile(id: $id, starred: false) { starred } }', { id: song.id });
    assert.deepEqual(await all(alice, 'starred'), []);
  });

  test('rename and move keep the node and change the disk', async () => {
    const notes = await byPath('docs/archive/old-notes.txt');
    const renamed = await alice.ok<{ renameFile: { id: string; path: string } }>(
      'mutation($id: ID!) { renameFile(id: $id, name: "older.txt") { id path } }',
      { id: notes.id },
    );
    assert.equal(renamed.renameFile.path, 'docs/archive/older.txt');
    assert.equal(await readFile(join(remote.root, 'docs/archive/older.txt'), 'utf8'), 'older notes');
    const moved = await alice.ok<{ moveFile: { path: string } }>(
      'mutation($id: ID!, $to: ID!) { moveFile(id: $id, to: $to) { path } }',
      { id: renamed.renameFile.id, to: remote.remoteId },
    );
    assert.equal(moved.moveFile.path, 'older.txt');
    await assert.rejects(stat(join(remote.root, 'docs/archive/older.txt')));
    const taken = await alice.gql('mutation($id: ID!) { renameFile(id: $id, name: "readme.md") { id } }', {
      id: renamed.renameFile.id,
    });
    assert.equal(taken.errors?.[0]?.extensions?.code, 'ALREADY_EXISTS');
  });

  test('create folder, copy into it; names with separators or dots are refused', async () => {
    const made = await alice.ok<{ createFolder: { id: string; path: string } }>(
      'mutation($p: ID!) { createFolder(parent: $p, name: "backup") { id path } }',
      { p: remote.remoteId },
    );
    assert.equal((await stat(join(remote.root, 'backup'))).isDirectory(), true);
    const readme = await byPath('readme.md');
    await alice.ok('mutation($id: ID!, $to: ID!) { copyFile(id: $id, to: $to) }', {
      id: readme.id,
      to: made.createFolder.id,
    });
    assert.equal(await readFile(join(remote.root, 'backup/readme.md'), 'utf8'), '# readme\n');
    assert.deepEqual(
      (await all(alice, 'folder', `id: "${made.createFolder.id}"`)).map((i) => i.name),
      ['readme.md'],
    );
    for (const name of ['../evil', '/etc', 'a\u0000b', '..', 'x'.repeat(300)]) {
      const bad = await alice.gql(
        'mutation($p: ID!, $n: String!) { createFolder(parent: $p, name: $n) { id } }',
        {
          p: remote.remoteId,
          n: name,
        },
      );
      assert.equal(bad.errors?.[0]?.extensions?.code, 'INVALID_INPUT', JSON.stringify(name));
    }
  });

  test('trash, restore, trash again and purge (gone from disk)', async () => {
    const beach = await byPath('photos/holiday-beach.jpg');
    await alice.ok('mutation($id: ID!) { trashFile(id: $id) { trashed } }', { id: beach.id });
    assert.deepEqual(
      (await all(alice, 'trash')).map((i) => i.name),
      ['holiday-beach.jpg'],
    );
    await alice.ok('mutation($id: ID!) { restoreFile(id: $id) { trashed } }', { id: beach.id });
    assert.deepEqual(await all(alice, 'trash'), []);
    const notTrashed = await alice.gql('mutation($id: ID!) { purgeFile(id: $id) }', { id: beach.id });
    assert.equal(notTrashed.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'only trashed items can be purged');
    await alice.ok('mutation($id: ID!) { trashFile(id: $id) { trashed } }', { id: beach.id });
    await alice.ok('mutation($id: ID!) { purgeFile(id: $id) }', { id: beach.id });
    await assert.rejects(stat(join(remote.root, 'photos/holiday-beach.jpg')));
    assert.deepEqual(await all(alice, 'trash'), []);
  });

  test('recents lists files newest first', async () => {
    const recents = await all(alice, 'recents', '', 50);
    assert.ok(recents.length >= 5);
    assert.ok(recents.every((r) => r.kind === 'FILE'));
    void FILE_FIELDS;
  });
});
