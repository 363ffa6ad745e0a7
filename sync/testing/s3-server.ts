// A real S3-compatible server for tests: S3Proxy (org.gaul:s3proxy from Maven Central, an S3 API
// over Apache jclouds) with its filesystem-nio2 backend in a temp folder, on a free loopback
// port. Its jars are fetched once with Maven into <home>/engines/s3proxy-<version>/ (a marker
// file says the copy is complete); later runs download nothing.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

export const S3PROXY_VERSION = '2.6.0';

export interface S3TestServer {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /**
   * Folder where the filesystem-nio2 backend keeps bucket `b`'s key `k` as the file `<dataDir>/b/k`:
   * tests that need thousands of objects can create them there in a fraction of the time.
   */
  dataDir: string;
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

function engineHome(): string {
  return join(
    process.env.SYNCOXIDE_HOME ?? join(homedir(), '.syncoxide'),
    'engines',
    `s3proxy-${S3PROXY_VERSION}`,
  );
}

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.syncoxide</groupId><artifactId>s3proxy-fetch</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.gaul</groupId><artifactId>s3proxy</artifactId><version>${S3PROXY_VERSION}</version></dependency>
  </dependencies>
</project>
`;

const LOGBACK = `<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%level %logger - %msg%n</pattern></encoder></appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
`;

/** Fetches S3Proxy's jars unless a complete copy is there; safe when several test processes race. */
export async function ensureS3Proxy(): Promise<string> {
  const home = engineHome();
  if (existsSync(join(home, '.complete'))) return home;
  await mkdir(join(home, '..'), { recursive: true });
  const staging = `${home}.tmp-${randomBytes(4).toString('hex')}`;
  await mkdir(staging, { recursive: true });
  try {
    await writeFile(join(staging, 'pom.xml'), POM);
    await writeFile(join(staging, 'logback.xml'), LOGBACK);
    await promisify(execFile)(
      'mvn',
      ['-q', '-B', 'dependency:copy-dependencies', '-DincludeScope=runtime', '-DoutputDirectory=lib'],
      { cwd: staging, maxBuffer: 16 * 1024 * 1024 },
    );
    await writeFile(join(staging, '.complete'), `${new Date().toISOString()}\n`);
    // Whole or not at all: a rename, and whoever lost the race keeps the winner's copy.
    await rename(staging, home).catch(() => {});
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (!existsSync(join(home, '.complete'))) throw new Error(`S3Proxy fetch did not complete in ${home}`);
  return home;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  // Generous: a JVM starting on a busy two-core machine can take a minute or more.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`S3Proxy exited with ${child.exitCode}: ${log()}`);
    try {
      await fetch(endpoint);
      return; // any HTTP answer (403 without credentials) means it listens
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`S3Proxy did not start within 180 s: ${log()}`);
}

export interface S3ServerOptions {
  /** Serve this existing storage (another server's `dataDir`) instead of fresh storage. */
  dataDir?: string;
  /** Refuse every write (S3Proxy's read-only blob store; it answers 501 NotImplemented). */
  readOnly?: boolean;
}

/** Starts S3Proxy on a free loopback port, with fresh storage unless told otherwise. */
export async function startS3Server(options: S3ServerOptions = {}): Promise<S3TestServer> {
  const home = await ensureS3Proxy();
  const dir = await mkdtemp(join(tmpdir(), 'syncoxide-s3proxy-'));
  const dataDir = options.dataDir ?? join(dir, 'data');
  await mkdir(dataDir, { recursive: true });
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const accessKeyId = `test-${randomBytes(4).toString('hex')}`;
  const secretAccessKey = randomBytes(16).toString('hex');
  const properties = [
    `s3proxy.endpoint=${endpoint}`,
    's3proxy.authorization=aws-v2-or-v4',
    `s3proxy.identity=${accessKeyId}`,
    `s3proxy.credential=${secretAccessKey}`,
    // filesystem-nio2 hides folders as keys and removes empty ones; the older `filesystem`
    // backend lists every folder as a 4 KiB "dir/" object.
    'jclouds.provider=filesystem-nio2',
    `jclouds.filesystem.basedir=${dataDir}`,
    ...(options.readOnly ? ['s3proxy.read-only-blobstore=true'] : []),
    'jclouds.identity=unused',
    'jclouds.credential=unused',
  ];
  await writeFile(join(dir, 's3proxy.conf'), `${properties.join('\n')}\n`);
  let output = '';
  const child = spawn(
    'java',
    [
      '-Xmx512m',
      `-Dlogback.configurationFile=${join(home, 'logback.xml')}`,
      '-cp',
      `${join(home, 'lib')}/*`,
      'org.gaul.s3proxy.Main',
      '--properties',
      join(dir, 's3proxy.conf'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilUp(endpoint, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const region = 'us-east-1';
  const client = new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  // The server must not keep a test process alive: it is killed when the process exits.
  child.unref();
  for (const pipe of [child.stdout, child.stderr])
    (pipe as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    endpoint,
    dataDir,
    accessKeyId,
    secretAccessKey,
    region,
    createBucket: async (name) => {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    stop: async () => {
      client.destroy();
      process.removeListener('exit', killOnExit);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<S3TestServer> | null = null;

/** One server for every test of this process, started on first use and stopped at exit. */
export function sharedS3Server(): Promise<S3TestServer> {
  shared ??= startS3Server();
  return shared;
}
