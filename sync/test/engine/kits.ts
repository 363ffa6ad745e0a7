// The providers the engine tests run on, behind one shape, so every scenario runs on each
// real provider: two local roots, and (when the S3 provider is there) S3 on the S3 test server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueName } from '@syncoxide/core';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { createS3Provider } from '../../src/providers/s3/index.js';
import type { Provider } from '../../src/providers/types.js';
import { sharedS3Server } from '../../testing/index.js';

export interface SideKit {
  remote: string;
  provider: Provider;
  /** Folder on this machine holding the provider's root (local), for temp-file checks. */
  rawDir?: string;
}

export interface KitEnv {
  path1: SideKit;
  path2: SideKit;
  /** Do both sides keep empty folders? (S3 does not.) */
  folders: boolean;
  cleanup(): Promise<void>;
}

export interface ProviderKit {
  name: string;
  setup(): Promise<KitEnv>;
  /** Test name → why it fails on this pairing (a provider bug, reported). Run and shown as TODO. */
  knownFailures?: Record<string, string>;
}

async function localSide(remote: string): Promise<SideKit & { cleanup(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), `syncoxide-engine-${remote}-`));
  const provider = await createLocalProvider(root);
  return { remote, provider, rawDir: root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export const localKit: ProviderKit = {
  name: 'local ↔ local',
  async setup() {
    const a = await localSide('local-a');
    const b = await localSide('local-b');
    return {
      path1: a,
      path2: b,
      folders: true,
      cleanup: async () => {
        await a.cleanup();
        await b.cleanup();
      },
    };
  },
};

export function providerMap(env: KitEnv): (remote: string) => Provider {
  return (remote) => {
    if (remote === env.path1.remote) return env.path1.provider;
    if (remote === env.path2.remote) return env.path2.provider;
    throw new Error(`unknown remote ${remote}`);
  };
}

/** A fresh bucket on the shared S3 test server (S3Proxy), its root under a prefix. */
async function s3Side(remote: string): Promise<SideKit> {
  const server = await sharedS3Server();
  const bucket = uniqueName('sx-engine');
  await server.createBucket(bucket);
  const provider = createS3Provider({
    type: 's3',
    endpoint: server.endpoint,
    region: server.region,
    bucket,
    prefix: 'root',
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
    partSize: 5 * 1024 * 1024,
  });
  return { remote, provider };
}

export const localS3Kit: ProviderKit = {
  name: 'local ↔ s3',
  async setup() {
    const a = await localSide('local-a');
    const b = await s3Side('s3-b');
    const folders = a.provider.capabilities.emptyFolders && b.provider.capabilities.emptyFolders;
    return {
      path1: a,
      path2: b,
      folders,
      cleanup: async () => {
        await b.provider.close();
        await a.cleanup();
      },
    };
  },
};

/** Both sides on one S3 remote (two prefixes): copies between them are server-side. */
export const sameS3Kit: ProviderKit = {
  name: 's3 ↔ same s3 (server-side copies)',
  async setup() {
    const side = await s3Side('s3-one');
    return {
      path1: side,
      path2: side,
      folders: side.provider.capabilities.emptyFolders,
      cleanup: () => side.provider.close(),
    };
  },
};

/**
 * Every provider pairing the engine tests run on. SYNCOXIDE_TEST_S3=0 leaves S3 out (a machine
 * without Java for the S3 test server).
 */
export const KITS: ProviderKit[] =
  process.env.SYNCOXIDE_TEST_S3 === '0' ? [localKit] : [localKit, localS3Kit, sameS3Kit];
