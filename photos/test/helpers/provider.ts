// Real providers for tests, built through the sync package's registry: the local disk provider
// in a fresh temp folder, and the S3 provider on a fresh bucket of a real S3-compatible server
// (S3Proxy, started by @syncoxide/sync/testing on loopback).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProvider, type Provider } from '@syncoxide/sync';
import { sharedS3Server } from '@syncoxide/sync/testing';

export interface TempRemote {
  root: string;
  provider: Provider;
  cleanup(): Promise<void>;
}

export async function tempRemote(label: string): Promise<TempRemote> {
  const root = await mkdtemp(join(tmpdir(), `syncoxide-photos-${label}-`));
  const provider = await createProvider({ type: 'local', root });
  return {
    root,
    provider,
    async cleanup() {
      await provider.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** An S3 provider on a new bucket; `dataDir` is where the server keeps that bucket's objects. */
export async function tempS3Remote(): Promise<TempRemote> {
  const server = await sharedS3Server();
  const bucket = `sx-photos-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await server.createBucket(bucket);
  const provider = await createProvider({
    type: 's3',
    endpoint: server.endpoint,
    region: server.region,
    bucket,
    prefix: 'cache-root',
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
  });
  return {
    root: join(server.dataDir, bucket, 'cache-root'),
    provider,
    // The bucket lives in the shared server's temp storage, which goes when the server stops.
    cleanup: () => provider.close(),
  };
}
