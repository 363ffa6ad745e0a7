// The dashboard end to end in headless Chromium against the real stack: sign up, connect a local
// folder and an S3-compatible bucket (S3Proxy), see their files in My Drive, search with a typo,
// upload with progress, a Two-way rule whose run shows up live in another tab, star / trash /
// restore, then the analytics and cleanup pages. Screenshots land in .test-results/screenshots.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type S3TestServer, startS3Server } from '@syncoxide/sync/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { eventually, startTestGateway, type TestGateway } from '../../gateway/test/harness.js';
import { buildDashboard, followOwner, launchBrowser, startDashboard, WEB_DIR } from './servers.js';

const SHOTS = join(WEB_DIR, '.test-results', 'screenshots');
const LOCAL_TREE: Record<string, string> = {
  'docs/quarterly-report.pdf': 'pdf bytes of the quarterly report',
  'docs/notes.txt': 'some notes',
  'photos/holiday-beach.jpg': 'jpeg bytes',
  'readme.md': '# readme\n',
};
const S3_TREE: Record<string, string> = {
  'docs/budget-2026.xlsx': 'spreadsheet bytes',
  'archive/old-invoice.pdf': 'an old invoice',
  'cloud-only.txt': 'only in the bucket',
};

let gw: TestGateway | undefined;
let s3: Pick<S3TestServer, 'endpoint' | 'accessKeyId' | 'secretAccessKey'> & Partial<S3TestServer>;
let web: { base: string; stop?: () => Promise<void> };
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
let page: Page;
let localRoot: string;
let bucketClient: S3Client;
const bucket = `web-e2e-${randomBytes(4).toString('hex')}`;
const consoleErrors: string[] = [];

async function writeTree(root: string, tree: Record<string, string>) {
  for (const [path, content] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

function watchConsole(p: Page) {
  p.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  p.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
}

async function shot(name: string, p: Page = page) {
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The steps share one browser session: after a failed step the rest are skipped, not retried. */
let failed = false;
function step(name: string, fn: () => Promise<void> | void) {
  test(name, async (t) => {
    if (failed) return t.skip('an earlier step failed');
    try {
      await fn();
    } catch (err) {
      failed = true;
      const base = `failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`;
      for (const [i, p] of context.pages().entries()) await shot(`${base}-${i}`, p).catch(() => {});
      throw err;
    }
  });
}

const row = (p: Page, name: string) => p.locator(`[role="option"][data-name="${name}"]`);

/** A stack already running (`npx tsx test/stack.ts` prints this JSON): iterate without rebuilding. */
const reuse = process.env.SYNCOXIDE_E2E_STACK
  ? (JSON.parse(process.env.SYNCOXIDE_E2E_STACK) as {
      web: string;
      control: string;
      localRoot: string;
      s3: typeof s3;
    })
  : null;
let following: { stop(): Promise<void> } | undefined;

/** Search is fed by the user's graph changes through Kafka: relay them for the browser's user. */
async function follow(p: Page) {
  const userId = await p.evaluate(async () => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    return ((await res.json()) as { data: { me: { id: string } } }).data.me.id;
  });
  if (reuse) await fetch(`${reuse.control}/follow/${encodeURIComponent(userId)}`, { method: 'POST' });
  else following = followOwner(gw!, userId);
}

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  let gatewayLocalRoot: string;
  if (reuse) {
    s3 = reuse.s3;
    web = { base: reuse.web };
    gatewayLocalRoot = reuse.localRoot;
  } else {
    const s3Starting = startS3Server();
    gw = await startTestGateway({ pipeline: true });
    // The build needs the gateway's URL; S3Proxy's JVM starts meanwhile.
    const [server] = await Promise.all([s3Starting, buildDashboard(gw.base)]);
    s3 = server;
    web = await startDashboard(gw.base);
    gatewayLocalRoot = gw.localRoot;
  }
  bucketClient = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  await bucketClient.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [Key, Body] of Object.entries(S3_TREE))
    await bucketClient.send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
  localRoot = join(gatewayLocalRoot, `laptop-${randomBytes(3).toString('hex')}`);
  await writeTree(localRoot, LOCAL_TREE);
  browser = await launchBrowser();
  context = browser.context;
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  watchConsole(page);
});

after(async () => {
  bucketClient?.destroy();
  await browser?.close();
  await web?.stop?.();
  await s3?.stop?.();
  await following?.stop();
  await gw?.close();
});

step('sign up and connect a first remote (local folder)', async () => {
  await page.goto(`${web.base}/drive`);
  await page.waitForURL(/\/sign-in/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill('Erin');
  await page.getByLabel('Email').fill(`erin-${randomBytes(4).toString('hex')}@example.test`);
  await page.getByLabel('Password').fill('a long enough password');
  await shot('sign-up');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/welcome/);
  await follow(page);
  await page.getByLabel('Name').fill('Laptop');
  await page.getByLabel('Folder path').fill(localRoot);
  await shot('welcome');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.waitForURL(/\/drive/);
  await row(page, 'readme.md').waitFor();
});

step('connect an S3-compatible remote after testing it', async () => {
  await page.getByRole('link', { name: 'Remotes' }).click();
  const form = page.getByRole('form', { name: 'Connect a remote' });
  await form.getByLabel('Provider').selectOption('s3');
  await form.getByLabel('Name').fill('Bucket');
  await form.getByLabel('Endpoint URL').fill(s3.endpoint);
  await form.getByLabel('Bucket').fill(bucket);
  await form.getByLabel('Access key id').fill(s3.accessKeyId);
  await form.getByLabel('Secret access key').fill(s3.secretAccessKey);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await form.getByText('Connection works').waitFor();
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  await form.getByText(/Connected Bucket: \d+ files and folders found/).waitFor();
  await page.locator('[data-remote="Bucket"]').getByText('Connected').waitFor();
  await page.locator('[data-remote="Laptop"]').getByText('Connected').waitFor();
  await shot('remotes');
});

step('My Drive shows both remotes; first load is measured', async () => {
  // From the start of navigation (Navigation Timing's zero) to the list on screen: a fresh page
  // load that parses the app, checks the session and fetches the first page of files.
  await page.goto(`${web.base}/drive`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => document.querySelector('[role="listbox"][data-state="loaded"]') && performance.now(),
    undefined,
    { polling: 'raf' },
  );
  const firstLoadMs = Math.round(Number(await handle.jsonValue()));
  console.log(`first load of the file manager (navigation start to loaded list): ${firstLoadMs} ms`);
  // Both remotes' roots, side by side (each has a docs folder).
  for (const name of ['photos', 'readme.md', 'archive', 'cloud-only.txt']) await row(page, name).waitFor();
  assert.equal(await row(page, 'docs').count(), 2);
  await shot('my-drive');
  // Grid layout and a folder with breadcrumbs.
  await page.getByRole('button', { name: 'Show as grid' }).click();
  await shot('my-drive-grid');
  await page.getByRole('button', { name: 'Show as list' }).click();
  await row(page, 'archive').dblclick();
  await row(page, 'old-invoice.pdf').waitFor();
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Bucket' }).waitFor();
  // Keyboard: focus the list, move down to the file, open its details with Enter.
  await row(page, 'old-invoice.pdf').click();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await details.getByText('Provider versions').waitFor();
  await details
    .getByText(/md5 |etag /)
    .first()
    .waitFor();
  await shot('details');
});

step('search as you type forgives a typo; facets filter', async () => {
  await page.goto(`${web.base}/drive`);
  await row(page, 'readme.md').waitFor();
  const box = page.getByRole('combobox', { name: 'Search files' });
  // The indexer fills the index from graph changes; wait until it has this user's files.
  await eventually(async () => {
    await box.fill('');
    await box.fill('quartrly');
    return page
      .getByRole('listbox', { name: 'Search suggestions' })
      .getByRole('link', { name: /quarterly-report\.pdf/ })
      .waitFor({ timeout: 3000 })
      .then(() => true);
  }, 60_000);
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=quartrly/);
  await row(page, 'quarterly-report.pdf').waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('report');
  await row(page, 'quarterly-report.pdf').waitFor();
  const filters = page.getByRole('complementary', { name: 'Filters' });
  await filters.getByText('Remote', { exact: true }).waitFor();
  await shot('search');
});

step('upload a file with progress into the local remote', async () => {
  await page.getByRole('link', { name: /^Laptop/ }).click();
  await page.waitForURL(/\/remote\//);
  await row(page, 'readme.md').waitFor();
  // Two tus PATCHes (8 MiB chunks): progress is reported between them.
  const bytes = randomBytes(12 * 1024 * 1024);
  // Collects every value the progress bar shows, frame by frame, until the upload is done. A
  // string, so the test's TypeScript transform adds nothing the page does not define.
  const seen = page.evaluate(`new Promise((resolve) => {
    const values = new Set();
    const tick = () => {
      const bar = document.querySelector('progress[aria-label="Upload of big-upload.bin"]');
      if (bar) values.add(bar.value);
      if (bar && bar.closest('[data-state="done"]')) resolve([...values]);
      else requestAnimationFrame(tick);
    };
    tick();
  })`) as Promise<number[]>;
  // From a file on disk: Chromium reads it itself (no copy through the driver).
  const upload = join(`${localRoot}-source`, 'big-upload.bin');
  await mkdir(dirname(upload), { recursive: true });
  await writeFile(upload, bytes);
  await page.getByTestId('upload-input').setInputFiles(upload);
  await page.locator('[data-upload="big-upload.bin"][data-state="done"]').waitFor({ timeout: 90_000 });
  const values = await seen;
  assert.ok(
    values.some((v) => v > 0 && v < bytes.length),
    `progress between 0 and the whole file was shown (saw ${values.join(', ')})`,
  );
  await shot('upload');
  const onDisk = await readFile(join(localRoot, 'big-upload.bin'));
  assert.equal(
    createHash('sha256').update(onDisk).digest('hex'),
    createHash('sha256').update(bytes).digest('hex'),
    'the bytes on the remote are the ones uploaded',
  );
  await row(page, 'big-upload.bin').waitFor();
});

step('a Two-way rule: a change on one side reaches the other, live in another tab', async () => {
  await page.getByRole('link', { name: 'Sync rules' }).click();
  const form = page.getByRole('form', { name: 'New sync rule' });
  await form.getByLabel('Name').fill('Docs both ways');
  await form.getByRole('radio', { name: /Two-way/ }).check();
  await form.getByLabel('Remote').first().selectOption({ label: 'Laptop' });
  await form.locator('#rule-path1').fill('docs');
  await form.getByLabel('Remote').nth(1).selectOption({ label: 'Bucket' });
  await form.locator('#rule-path2').fill('docs');
  await form.getByText(/Changes on either side reach the other/).waitFor();
  await form.getByRole('button', { name: 'Create rule' }).click();
  const card = page.locator('[data-rule="Docs both ways"]');
  await card.waitFor();

  // A second tab watches the bucket's docs folder.
  const watcher = await context.newPage();
  watchConsole(watcher);
  await watcher.goto(`${web.base}/drive`);
  await row(watcher, 'cloud-only.txt').waitFor();
  await watcher.getByRole('link', { name: /^Bucket/ }).click();
  await watcher.waitForURL(/\/remote\//);
  await row(watcher, 'archive').waitFor();
  await row(watcher, 'docs').dblclick();
  await row(watcher, 'budget-2026.xlsx').waitFor();

  // The change: a new file written on the laptop's side.
  await writeFile(join(localRoot, 'docs', 'live-change.txt'), 'written on the laptop');
  await card.getByRole('button', { name: 'Run now' }).click();
  await card.locator('[data-result="ok"]').waitFor({ timeout: 60_000 });
  // The other tab shows it without reloading (the run's events refresh what is on screen).
  await row(watcher, 'live-change.txt').waitFor({ timeout: 30_000 });
  await row(watcher, 'quarterly-report.pdf').waitFor();
  await shot('rule-propagated', watcher);
  await shot('sync-rules');
  const object = await bucketClient.send(
    new GetObjectCommand({ Bucket: bucket, Key: 'docs/live-change.txt' }),
  );
  assert.equal(
    await object.Body?.transformToString(),
    'written on the laptop',
    'the object is in the bucket',
  );
  assert.equal(
    await readFile(join(localRoot, 'docs', 'budget-2026.xlsx'), 'utf8'),
    'spreadsheet bytes',
    'and the bucket-side file reached the laptop',
  );
  await watcher.close();
});

step('star, trash and restore a file', async () => {
  await page.goto(`${web.base}/drive`);
  await row(page, 'readme.md').click();
  const bar = page.getByRole('toolbar', { name: 'Selected items' });
  await bar.getByRole('button', { name: 'Star' }).click();
  await row(page, 'readme.md').getByText('starred').waitFor();
  await page.getByRole('link', { name: 'Starred' }).click();
  await row(page, 'readme.md').waitFor();
  await shot('starred');

  await row(page, 'readme.md').click();
  await page.getByRole('toolbar', { name: 'Selected items' }).getByRole('button', { name: 'Trash' }).click();
  await row(page, 'readme.md').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Trash' }).click();
  await row(page, 'readme.md').click();
  await shot('trash');
  await page
    .getByRole('toolbar', { name: 'Selected items' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await row(page, 'readme.md').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'My Drive' }).click();
  await row(page, 'readme.md').waitFor();
  assert.equal(
    await readFile(join(localRoot, 'readme.md'), 'utf8'),
    '# readme\n',
    'the file is back on disk',
  );
});

step('analytics, and a cleanup of large files: dry run, execute, undo', async () => {
  await page.getByRole('link', { name: 'Analytics' }).click();
  await page.getByRole('heading', { name: 'Analytics' }).waitFor();
  await page.locator('[data-state="loaded"]').first().waitFor();
  await page.getByRole('figure', { name: 'By category' }).locator('li').first().waitFor();
  await page.getByRole('figure', { name: 'By remote' }).getByText('Bucket').waitFor();
  await shot('analytics');

  await page.getByRole('link', { name: 'Cleanup' }).click();
  await page.getByRole('heading', { name: 'Cleanup' }).waitFor();
  await page.getByLabel('Find').selectOption('LARGE_FILES');
  await page.getByLabel('At least (MB)').fill('1');
  await page.getByRole('button', { name: 'Make report' }).click();
  await page.getByText('big-upload.bin').waitFor();
  await page.getByRole('button', { name: /Dry run/ }).click();
  await page.getByText('Move to trash: big-upload.bin').waitFor();
  await shot('cleanup-dry-run');
  await page.getByRole('button', { name: 'Execute' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Freed 13 MB from 1 files/ })
    .waitFor();
  await shot('cleanup');
  const trash = await context.newPage();
  watchConsole(trash);
  await trash.goto(`${web.base}/trash`);
  await row(trash, 'big-upload.bin').waitFor();
  await trash.close();
  await page.getByRole('button', { name: 'Undo (restore from trash)' }).click();
  await page.getByText('Restored 1 items from the trash').first().waitFor();
  assert.equal((await readFile(join(localRoot, 'big-upload.bin'))).length, 12 * 1024 * 1024, 'back in place');
});

step('phone width: the menu folds away and the list stays usable', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${web.base}/drive`);
  await row(page, 'readme.md').waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Starred' }).waitFor();
  await shot('phone');
});

step('no console errors during the run', () => {
  assert.deepEqual(consoleErrors, []);
});
