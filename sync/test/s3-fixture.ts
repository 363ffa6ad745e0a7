// No `denied` hook: S3Proxy has one identity and no bucket policies, and its read-only mode
// answers writes with 501 NotImplemented rather than 403 AccessDenied; the AccessDenied mapping
// is covered by src/providers/s3/errors.test.ts instead.
//
// Builds S3 providers for tests: one shared S3Proxy per test process, a fresh bucket per
// fixture, and a prefix so the remote root is not the bucket root (S3Proxy also keeps its
// in-flight multipart stubs at the bucket root, outside any prefix).
import { randomBytes } from 'node:crypto';
import { createS3Provider } from '../src/providers/s3/index.js';
import type { Provider } from '../src/providers/types.js';
import { sharedS3Server } from '../testing/index.js';
import type { ProviderFixture } from './conformance/suite.js';

export const TEST_PART_SIZE = 5 * 1024 * 1024;

export async function s3Config(options: { partSize?: number } = {}) {
  const server = await sharedS3Server();
  const bucket = `sx-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await server.createBucket(bucket);
  return {
    type: 's3' as const,
    endpoint: server.endpoint,
    region: server.region,
    bucket,
    prefix: 'remote-root',
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
    partSize: options.partSize ?? TEST_PART_SIZE,
  };
}

export async function s3Fixture(): Promise<ProviderFixture> {
  const config = await s3Config();
  const made: Provider[] = [];
  const make = () => {
    const p = createS3Provider(config);
    made.push(p);
    return p;
  };
  const provider = make();
  return {
    provider,
    config,
    reopen: async () => make(),
    unreachable: async () => {
      // A port that was just free: nothing listens there.
      const { createServer } = await import('node:net');
      const port = await new Promise<number>((resolve) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
          const a = s.address();
          s.close(() => resolve(typeof a === 'object' && a ? a.port : 1));
        });
      });
      return createS3Provider({ ...config, endpoint: `http://127.0.0.1:${port}` });
    },
    cleanup: async () => {
      for (const p of made) await p.close();
      // The bucket lives in the shared server's temp storage, which goes when the server stops.
    },
  };
}
