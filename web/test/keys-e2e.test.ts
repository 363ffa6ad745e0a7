// Encryption keys and encrypted shares in headless Chromium against the real stack. Bob makes
// his key pair on the Encryption keys page (openpgp in the page: the stored private key is
// passphrase-protected, the passphrase never sent), exports the public key, changes the
// passphrase; alice shares a folder encrypted with him; bob unlocks his key in the page and reads
// the plaintext — a preview, and a byte range of a larger file that is decrypted from only the
// ciphertext segments around it (the bytes saved are checked). Carol sees none of it. Deleting
// the key says what it costs and then the share cannot be opened; an existing key is imported.
// The dashboard is built once in a copy of web/ under the system temp folder (startDashboardCopy).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as openpgp from 'openpgp';
import { type Browser, chromium, type Page } from 'playwright-core';
import { all, connectLocal } from '../../gateway/test/fixtures.js';
import { type Client, startTestGateway, type TestGateway } from '../../gateway/test/harness.js';
import { CHROMIUM, startDashboardCopy } from './servers.js';

const BOB_PASS = 'bob first passphrase';
const BOB_PASS_2 = 'bob second passphrase';
// Text, so a decrypted range can be compared on the page too; ~1.6 MiB (several index segments).
const BIG = Buffer.from(
  Array.from({ length: 120_000 }, (_, i) => `line ${String(i).padStart(7, '0')}\n`).join(''),
);
const PLAN = 'the secret plan, for bob only\n';

let gw: TestGateway;
let dashboard: Awaited<ReturnType<typeof startDashboardCopy>> | undefined;
let web: string;
let browser: Browser;
const users: Record<
  'alice' | 'bob' | 'carol',
  { client: Client; email: string; page: Page; root: string; remoteId: string }
> = {} as never;
const consoleErrors: string[] = [];
let shareId: string;

async function person(label: 'alice' | 'bob' | 'carol', tree: Record<string, string>) {
  const client = await gw.user(label);
  const { email } = (await client.ok<{ me: { email: string } }>('query { me { email } }')).me;
  const { root, remoteId } = await connectLocal(gw, client, `${label}-disk`, tree);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const [name, ...value] = client.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: web }]);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${label}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${label}: page error: ${e.message}`));
  users[label] = { client, email, page, root, remoteId };
}

async function storedKey(
  c: Client,
): Promise<{ fingerprint: string; publicKey: string; privateKey: string } | null> {
  return (
    await c.ok<{ myKeyPair: { fingerprint: string; publicKey: string; privateKey: string } | null }>(
      '{ myKeyPair { fingerprint publicKey privateKey } }',
    )
  ).myKeyPair;
}

const opens = async (armored: string, passphrase: string) =>
  openpgp
    .decryptKey({ privateKey: await openpgp.readPrivateKey({ armoredKey: armored }), passphrase })
    .then(() => true)
    .catch(() => false);

before(async () => {
  gw = await startTestGateway();
  dashboard = await startDashboardCopy(gw.base, 'keys');
  web = dashboard.base;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  await person('alice', { 'secret/plan.txt': PLAN, 'secret/big.txt': BIG.toString() });
  await person('bob', { 'mine.txt': 'bob was here\n' });
  await person('carol', { 'hers.txt': 'carol\n' });
});

after(async () => {
  await browser?.close();
  await dashboard?.stop();
  await gw?.close();
});

test('bob creates his key pair on the Encryption keys page; only a protected key is stored', async () => {
  const { bob } = users;
  await bob.page.goto(`${web}/drive`);
  await bob.page.getByRole('link', { name: 'Encryption keys' }).click();
  const form = bob.page.getByRole('form', { name: 'Create a key pair' }).first();
  await form.getByLabel('Passphrase', { exact: true }).fill(BOB_PASS);
  await form.getByLabel('Passphrase again').fill('something else');
  await form.getByRole('button', { name: 'Create key pair' }).click();
  await form.getByRole('alert').getByText('The two passphrases differ.').waitFor();
  assert.equal(await storedKey(bob.client), null, 'nothing stored');

  await form.getByLabel('Passphrase again').fill(BOB_PASS);
  await form.getByRole('button', { name: 'Create key pair' }).click();
  const card = bob.page.getByRole('region', { name: 'Your key pair' });
  await card.waitFor();
  const stored = (await storedKey(bob.client))!;
  assert.equal(await card.getAttribute('data-fingerprint'), stored.fingerprint);
  const shown = (await card.locator('.fingerprint').textContent())!.replace(/\s/g, '').toLowerCase();
  assert.equal(shown, stored.fingerprint);
  const key = await openpgp.readPrivateKey({ armoredKey: stored.privateKey });
  assert.equal(key.isDecrypted(), false, 'stored passphrase-protected');
  assert.ok(!stored.privateKey.includes(BOB_PASS));
  assert.ok(await opens(stored.privateKey, BOB_PASS));

  // Export: the public key as stored, and a download of it.
  await card.getByText('Public key', { exact: true }).click();
  assert.equal(await card.getByLabel('Public key').inputValue(), stored.publicKey);
  const [download] = await Promise.all([
    bob.page.waitForEvent('download'),
    card.getByRole('link', { name: 'Download public key (.asc)' }).click(),
  ]);
  assert.equal(await readFile((await download.path())!, 'utf8'), stored.publicKey);
});

test('bob changes his passphrase: a wrong current one is refused; the new one opens the stored key', async () => {
  const { bob } = users;
  const form = bob.page.getByRole('form', { name: 'Change passphrase' });
  await form.getByLabel('Current passphrase').fill('not my passphrase');
  await form.getByLabel('New passphrase', { exact: true }).fill(BOB_PASS_2);
  await form.getByLabel('New passphrase again').fill(BOB_PASS_2);
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await form.getByRole('alert').getByText('The current passphrase is wrong.').waitFor();
  assert.ok(await opens((await storedKey(bob.client))!.privateKey, BOB_PASS), 'unchanged');

  await form.getByLabel('Current passphrase').fill(BOB_PASS);
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await form.getByRole('status').getByText('Passphrase changed').waitFor();
  const stored = (await storedKey(bob.client))!;
  assert.ok(await opens(stored.privateKey, BOB_PASS_2));
  assert.ok(!(await opens(stored.privateKey, BOB_PASS)), 'the old passphrase no longer opens it');
});

test('alice shares a folder encrypted with bob; bob unlocks and reads the plaintext in the page', async () => {
  const { alice, bob, carol } = users;
  await alice.client.ok('mutation { generateMyKeyPair(passphrase: "alice passphrase") { fingerprint } }');
  const items = await all(alice.client, 'myDrive', `remoteId: "${alice.remoteId}"`, 100);
  const made = await alice.client.ok<{ shareWithUser: { share: { id: string } } }>(
    'mutation($f: ID!, $e: String!) { shareWithUser(file: $f, email: $e, access: READ, encrypted: true) { share { id } } }',
    { f: items.find((n) => n.name === 'secret')!.id, e: bob.email },
  );
  shareId = made.shareWithUser.share.id;
  const accepted = await bob.client.ok<{ acceptShare: { firstSync: { result: string } } }>(
    'mutation($id: ID!, $r: ID!) { acceptShare(id: $id, placement: SYNC, remote: $r, path: "from-alice") { firstSync { result } } }',
    { id: shareId, r: bob.remoteId },
  );
  assert.equal(accepted.acceptShare.firstSync.result, 'ok');
  const onDisk = await readFile(join(bob.root, 'from-alice/plan.txt.pgp'));
  assert.ok(!onDisk.includes(Buffer.from('secret plan')), "only ciphertext on bob's provider");

  await bob.page.goto(`${web}/shares`);
  const shared = bob.page.getByRole('region', { name: 'Shared with me' }).locator('[data-share="secret"]');
  await shared.getByRole('button', { name: 'Open encrypted files…' }).click();
  const dialog = bob.page.getByRole('dialog', { name: 'Encrypted files of secret' });
  await dialog.getByLabel("Your key's passphrase").fill(BOB_PASS);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await dialog.getByRole('alert').getByText('The passphrase does not open your key.').waitFor();
  await dialog.getByLabel("Your key's passphrase").fill(BOB_PASS_2);
  await dialog.getByRole('button', { name: 'Unlock' }).click();

  const plan = dialog.locator('[data-path="plan.txt"]');
  await plan.getByRole('button', { name: 'Preview' }).click();
  await plan.locator('pre.plaintext').getByText('the secret plan, for bob only').waitFor();
  assert.equal(await plan.locator('pre.plaintext').textContent(), PLAN);

  // A byte range of the larger file: decrypted from a part of its ciphertext, checked, saved.
  const big = dialog.locator('[data-path="big.txt"]');
  const [a, b] = [700_000, 700_099];
  await big.getByLabel('Bytes from').fill(String(a));
  await big.getByLabel('to', { exact: true }).fill(String(b));
  const [download] = await Promise.all([
    bob.page.waitForEvent('download'),
    big.getByRole('button', { name: 'Download range' }).click(),
  ]);
  assert.deepEqual(await readFile((await download.path())!), BIG.subarray(a, b + 1));
  assert.equal(await big.locator('pre.plaintext').textContent(), BIG.subarray(a, b + 1).toString());
  const note = (await big.locator('.read-note').textContent())!;
  const m = /^100 bytes decrypted from (\d+) bytes of ciphertext$/.exec(note);
  assert.ok(m, note);
  assert.ok(Number(m[1]) < BIG.length / 2, `${m[1]} ciphertext bytes fetched for 100 bytes of ${BIG.length}`);

  // Carol: no share listed, and the ciphertext routes answer 404.
  await carol.page.goto(`${web}/shares`);
  await carol.page.getByRole('region', { name: 'Shared with me' }).getByText('Nobody has shared').waitFor();
  for (const url of [
    `/user-shares/${shareId}/encrypted?path=plan.txt`,
    `/user-shares/${shareId}/encrypted-index?path=plan.txt`,
  ]) {
    const r = await carol.client.fetch(url);
    assert.equal(r.status, 404, url);
    await r.body?.cancel();
  }
  const q = await carol.client.gql('query($id: ID!) { userShare(id: $id) { sessionKey } }', { id: shareId });
  assert.equal(q.errors?.[0]?.extensions?.code, 'NOT_FOUND');
});

test('bob deletes his key (told what it costs): the share can no longer be opened; he imports a key', async () => {
  const { bob } = users;
  await bob.page.goto(`${web}/keys`);
  const section = bob.page.getByRole('region', { name: 'Delete' });
  await section.getByText('can no longer be read by you').waitFor();
  bob.page.once('dialog', (d) => void d.accept());
  await section.getByRole('button', { name: 'Delete key pair' }).click();
  await bob.page.getByRole('region', { name: 'Create' }).waitFor();
  assert.equal(await storedKey(bob.client), null);

  await bob.page.goto(`${web}/shares`);
  const shared = bob.page.getByRole('region', { name: 'Shared with me' }).locator('[data-share="secret"]');
  await shared.getByRole('button', { name: 'Open encrypted files…' }).click();
  const dialog = bob.page.getByRole('dialog', { name: 'Encrypted files of secret' });
  await dialog.getByLabel("Your key's passphrase").fill(BOB_PASS_2);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await dialog
    .getByRole('alert')
    .getByText(/You have no key pair/)
    .waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // An existing key (made elsewhere, passphrase-protected) is imported as it is.
  const existing = await openpgp.generateKey({
    userIDs: [{ email: bob.email }],
    passphrase: 'imported passphrase',
    format: 'armored',
  });
  await bob.page.goto(`${web}/keys`);
  const form = bob.page.getByRole('form', { name: 'Import a key' });
  await form.getByLabel(/Armored private key/).fill(existing.privateKey);
  await form.getByLabel(/Its passphrase/).fill('wrong one');
  await form.getByRole('button', { name: 'Import key' }).click();
  await form.getByRole('alert').getByText('The passphrase does not open this key.').waitFor();
  await form.getByLabel(/Its passphrase/).fill('imported passphrase');
  await form.getByRole('button', { name: 'Import key' }).click();
  const card = bob.page.getByRole('region', { name: 'Your key pair' });
  await card.waitFor();
  const want = (await openpgp.readKey({ armoredKey: existing.publicKey })).getFingerprint();
  assert.equal(await card.getAttribute('data-fingerprint'), want);
  const stored = (await storedKey(bob.client))!;
  assert.equal(stored.fingerprint, want);
  assert.ok(
    await opens(stored.privateKey, 'imported passphrase'),
    'stored still protected by its own passphrase',
  );
  assert.equal((await openpgp.readPrivateKey({ armoredKey: stored.privateKey })).isDecrypted(), false);
});

test('no console errors in any browser context', () => {
  assert.deepEqual(consoleErrors, []);
});
