// What every S3 operation needs: the client, the bucket, and the mapping between provider
// paths and keys (root = bucket + prefix).

import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
import type { z } from 'zod';
import { normalizePath } from '../common/paths.js';
import type { S3RemoteConfig } from '../config.js';
import { s3Error } from './errors.js';

export type S3Config = z.infer<typeof S3RemoteConfig>;

export interface S3Context {
  readonly client: S3Client;
  readonly bucket: string;
  /** '' or ending in '/'. */
  readonly prefix: string;
  readonly partSize: number;
  /** Parts uploaded at once by one write: memory is about (this + 1) × partSize. */
  readonly concurrency: number;
}

export function createContext(config: S3Config): S3Context {
  const prefix = normalizePath(config.prefix);
  const client = new S3Client({
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Flexible checksums (CRC32 trailers) are not understood by many S3-compatible servers;
    // integrity is covered by Content-MD5 on every part and our own MD5/SHA1.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: 5_000,
      requestTimeout: 120_000,
      httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
    },
  });
  // Build step, low priority: after the SDK added its checksum, before the request is signed.
  client.middlewareStack.add(contentMd5Instead, {
    step: 'build',
    priority: 'low',
    name: 'syncoxideContentMd5',
  });
  return {
    client,
    bucket: config.bucket,
    prefix: prefix ? `${prefix}/` : '',
    partSize: config.partSize,
    concurrency: 2,
  };
}

export function keyOf(ctx: S3Context, rel: string): string {
  return `${ctx.prefix}${rel}`;
}

export function relOf(ctx: S3Context, key: string): string {
  return key.slice(ctx.prefix.length);
}

/** Sends a command, mapping any failure onto a SyncoxideError about `path`. */
export async function send<T>(path: string, doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw s3Error(err, path, doing);
  }
}

/**
 * DeleteObjects must carry a checksum; the SDK sends a CRC32 one that many S3-compatible
 * servers (S3Proxy among them) refuse. Content-MD5 is understood by all of them and by AWS.
 */
// biome-ignore lint/suspicious/noExplicitAny: the SDK's middleware types are generic over every command
const contentMd5Instead = (next: any, context: { commandName?: string }) => async (args: any) => {
  const request = args.request as { headers?: Record<string, string>; body?: unknown };
  if (context.commandName === 'DeleteObjectsCommand' && request.headers && typeof request.body === 'string') {
    for (const name of Object.keys(request.headers)) {
      if (
        name.toLowerCase().startsWith('x-amz-checksum-') ||
        name.toLowerCase() === 'x-amz-sdk-checksum-algorithm'
      ) {
        delete request.headers[name];
      }
    }
    request.headers['content-md5'] = createHash('md5').update(request.body).digest('base64');
  }
  return next(args);
};
