// Sharing between two people in headless Chromium against the real stack: alice and bob, each
// signed in in their own browser context with a local remote. Alice shares a folder read-write
// with bob through the "Share with people…" dialog; bob sees the unread count, marks the
// notification read, accepts into a folder of his remote through the accept dialog; alice adds a
// file, bob's "Sync now" brings it (bytes checked on bob's disk); alice sees "accepted" on the
// Shared-by-me list. No console error in either context. The dashboard is built once in a copy of
// web/ under the system temp folder (as links-e2e does), so web/.next is left alone.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '@syncoxide/sync/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { connectLocal } from '../../gateway/test/fixtures.js';
import { type Client, startTestGateway, type TestGateway } from '../../gateway/test/harness.js';
import { CHROMIUM } from './servers.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NEXT_BIN = join(REPO, 'node_modules/next/dist/bin/next');

let gw: TestGateway;
let copy: string;
let next: ChildProcess | undefined;
let web: string;
let browser: Browser;
const users: Record<
  'alice' | 'bob',
  { client: Client; email: string; page: Page; root: string; remoteId: string }
> = {} as never;
const consoleErrors: string[] = [];

function nextRun(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: join(copy, 'web'),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function finished(child: ChildProcess): Promise<void> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-6000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-6000)));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`next exited ${code}: ${out}`);
}

/** A signed-up user with a local remote, signed in in a browser context of their own. */
async function person(label: 'alice' | 'bob', tree: Record<string, string>) {
  const client = await gw.user(label);
  const { email } = (await client.ok<{ me: { email: string } }>('query { me { email } }')).me;
  const { root, remoteId } = await connectLocal(gw, client, `${label}-disk`, tree);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name, ...value] = client.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: web }]);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${label}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${label}: page error: ${e.message}`));
  users[label] = { client, email, page, root, remoteId };
}

const card = (p: Page, list: string, name: string) =>
  p.getByRole('region', { name: list }).locator(`[data-share="${name}"]`);

before(async () => {
  gw = await startTestGateway();
  copy = await mkdtemp(join(tmpdir(), 'sox-sharing-web-'));
  for (const f of ['app', 'lib', 'components', 'public', 'next.config.ts', 'package.json', 'tsconfig.json'])
    await cp(join(REPO, 'web', f), join(copy, 'web', f), { recursive: true });
  for (const f of ['tsconfig.base.json', 'package.json']) await cp(join(REPO, f), join(copy, f));
  await symlink(join(REPO, 'node_modules'), join(copy, 'node_modules'));
  await finished(
    nextRun(['build', '--webpack'], { GATEWAY_URL: gw.base, SYNCOXIDE_SKIP_BUILD_TYPECHECK: '1' }),
  );
  const port = await freePort();
  next = nextRun(['start', '-p', String(port), '-H', '127.0.0.1'], { GATEWAY_URL: gw.base });
  web = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if ((await fetch(`${web}/sign-in`).catch(() => null))?.ok) break;
    if (i > 300 || next.exitCode !== null) throw new Error('next start did not answer');
    await sleep(200);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  await person('alice', { 'project/plan.txt': `alice's plan ${Date.now()}\n`, 'other.txt': 'not shared\n' });
  await person('bob', { 'mine.txt': 'bob was here\n' });
});

after(async () => {
  await browser?.close();
  next?.kill('SIGTERM');
  await gw?.close();
  if (copy) await rm(copy, { recursive: true, force: true });
});

test('alice shares a folder with bob through the dialog; bob sees it unread', async () => {
  const { alice, bob } = users;
  // Bob is already looking at the dashboard: the count arrives live.
  await bob.page.goto(`${web}/shares`);
  await bob.page.getByRole('region', { name: 'Shared with me' }).getByText('Nobody has shared').waitFor();
  assert.equal(await bob.page.locator('.notifications .badge').count(), 0);

  await alice.page.goto(`${web}/remote/${encodeURIComponent(alice.remoteId)}`);
  await alice.page.locator('[role="option"][data-name="project"]').click();
  await alice.page
    .getByRole('toolbar', { name: 'Selected items' })
    .getByRole('button', { name: 'Details' })
    .click();
  await alice.page
    .getByRole('complementary', { name: 'Details' })
    .getByRole('button', { name: 'Share with people…' })
    .click();
  const dialog = alice.page.getByRole('dialog', { name: 'Share project with people' });
  // A bad address is refused with a clear message and nothing is shared.
  await dialog.getByLabel('Email').fill(alice.email);
  await dialog.getByRole('button', { name: 'Share' }).click();
  await dialog.getByRole('alert').waitFor();
  await dialog.getByLabel('Email').fill(bob.email);
  assert.equal(await dialog.getByLabel('Access').inputValue(), 'READ_WRITE');
  await dialog.getByLabel('Message (optional)').fill('our plans');
  await dialog.getByRole('button', { name: 'Share' }).click();
  await alice.page.getByRole('status').getByText(`Shared with ${bob.email}`).waitFor();
  await alice.page.getByRole('button', { name: 'Done' }).click();
  await alice.page.getByRole('link', { name: 'Sharing', exact: true }).click();
  await card(alice.page, 'Shared by me', 'project').locator('.share-state').getByText('pending').waitFor();

  const badge = bob.page.locator('.notifications .badge');
  await bob.page.locator('.notifications .badge', { hasText: '1 unread' }).waitFor();
  // Bob marks it read from the bell.
  await bob.page.getByRole('button', { name: /^Notifications/ }).click();
  const popover = bob.page.getByRole('region', { name: 'Notifications' });
  await popover
    .getByText(/project/)
    .first()
    .waitFor();
  await popover.getByRole('button', { name: 'Mark read' }).click();
  await badge.waitFor({ state: 'detached' });
  const stored = await bob.client.ok<{ notificationList: { kind: string; read: boolean }[] }>(
    'query { notificationList { kind read } }',
  );
  assert.deepEqual(stored.notificationList, [{ kind: 'share.invited', read: true }]);
});

test('bob accepts into a folder of his remote; Sync now brings alice’s new file to his disk', async () => {
  const { alice, bob } = users;
  await bob.page.goto(`${web}/shares`);
  const offered = card(bob.page, 'Shared with me', 'project');
  await offered.getByText('pending').waitFor();
  await offered.getByText('our plans').waitFor();
  await offered.getByRole('button', { name: 'Accept…' }).click();
  const dialog = bob.page.getByRole('dialog', { name: 'Accept project' });
  assert.equal(await dialog.getByLabel('Remote', { exact: true }).inputValue(), bob.remoteId);
  await dialog.getByLabel('Folder in that remote').fill('from-alice');
  await dialog.getByRole('button', { name: 'Accept' }).click();
  await dialog.waitFor({ state: 'detached' });
  await offered.locator('.share-state').getByText('accepted').waitFor();
  await offered.getByRole('link', { name: 'bob-disk/from-alice' }).waitFor();
  assert.equal(
    await readFile(join(bob.root, 'from-alice/plan.txt'), 'utf8'),
    await readFile(join(alice.root, 'project/plan.txt'), 'utf8'),
  );

  const later = Buffer.from(`written later by alice ${Date.now()}\n`);
  await writeFile(join(alice.root, 'project/later.txt'), later);
  await offered.getByRole('button', { name: 'Sync now' }).click();
  const outcome = offered.locator('.last-run');
  await outcome.getByText(/^(Synced|Sync of) project/).waitFor();
  assert.match(
    (await outcome.textContent()) ?? '',
    /^Synced project: ok, 1 to the recipient, 0 to the sharer$/,
  );
  assert.deepEqual(await readFile(join(bob.root, 'from-alice/later.txt')), later);
  await offered.locator('.last-sync').getByText(/^ok, /).waitFor();
  // The file alice did not share never reached bob.
  await assert.rejects(readFile(join(bob.root, 'from-alice/other.txt')));
});

test('alice sees the share accepted on Shared by me without reloading', async () => {
  const { alice } = users;
  const mine = card(alice.page, 'Shared by me', 'project');
  await mine.locator('.share-state').getByText('accepted').waitFor();
  await mine.getByText(users.bob.email).waitFor();
  await mine.getByRole('link', { name: 'alice-disk/project' }).waitFor();
});

test('the notifications page lists what happened; an invitation link is redeemed once', async () => {
  const { alice, bob } = users;
  await alice.page.goto(`${web}/notifications`);
  await alice.page.locator('.notification-list li[data-read="false"]').first().waitFor();
  await alice.page.getByRole('button', { name: 'Mark all read' }).click();
  await alice.page.getByText('0 unread').waitFor();
  assert.equal(
    (await alice.client.ok<{ unreadNotificationCount: number }>('query { unreadNotificationCount }'))
      .unreadNotificationCount,
    0,
  );
  await alice.page.getByRole('form', { name: 'Notification settings' }).waitFor();

  // An email without an account gets an invitation link, shown once; bob redeems it, once.
  await alice.page.goto(`${web}/remote/${encodeURIComponent(alice.remoteId)}`);
  await alice.page.locator('[role="option"][data-name="other.txt"]').click();
  await alice.page
    .getByRole('toolbar', { name: 'Selected items' })
    .getByRole('button', { name: 'Details' })
    .click();
  await alice.page
    .getByRole('complementary', { name: 'Details' })
    .getByRole('button', { name: 'Share with people…' })
    .click();
  const dialog = alice.page.getByRole('dialog', { name: 'Share other.txt with people' });
  await dialog.getByLabel('Email').fill(`nobody-${Date.now()}@example.test`);
  await dialog.getByLabel('Access').selectOption('READ');
  await dialog.getByRole('button', { name: 'Share' }).click();
  const link = await alice.page.getByLabel('Invitation link').inputValue();
  const token = new URL(link).pathname.split('/').at(-1)!;
  await bob.page.goto(`${web}/invite/${token}`);
  await bob.page.getByRole('button', { name: 'Accept invitation' }).click();
  await bob.page.getByRole('status').getByText('shares other.txt with you').waitFor();
  await bob.page.goto(`${web}/invite/${token}`);
  await bob.page.getByRole('button', { name: 'Accept invitation' }).click();
  await bob.page.getByRole('alert').getByText('This invitation has already been used.').waitFor();
  await bob.page.goto(`${web}/shares`);
  await card(bob.page, 'Shared with me', 'other.txt').getByText('pending').waitFor();

  await bob.page.goto(`${web}/invite/not-a-real-token`);
  await bob.page.getByRole('button', { name: 'Accept invitation' }).click();
  await bob.page.getByRole('alert').getByText('This invitation does not exist').waitFor();
});

test('no console errors in either browser context', () => {
  assert.deepEqual(consoleErrors, []);
});
