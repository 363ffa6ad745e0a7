// Stored configuration of a remote: what the registry needs to build its provider.
// Secrets (keys, passwords) are inside; they are encrypted at rest and never logged.
import { z } from 'zod';

export const LocalRemoteConfig = z.object({ type: z.literal('local'), root: z.string().min(1) });

export const S3RemoteConfig = z.object({
  type: z.literal('s3'),
  /** Empty for AWS; the URL of an S3-compatible server otherwise. */
  endpoint: z.string().url().optional(),
  region: z.string().default('us-east-1'),
  bucket: z.string().min(3),
  /** Key prefix inside the bucket that acts as the remote's root ('' for the whole bucket). */
  prefix: z.string().default(''),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  forcePathStyle: z.boolean().default(true),
  /** Multipart part size in bytes (minimum 5 MiB on AWS; smaller allowed by some servers). */
  partSize: z
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
});

export const SftpRemoteConfig = z.object({
  type: z.literal('sftp'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(22),
  username: z.string().min(1),
  password: z.string().optional(),
  privateKey: z.string().optional(),
  passphrase: z.string().optional(),
  /** Known host key (base64 or SHA256 fingerprint); verified when given. */
  hostKey: z.string().optional(),
  root: z.string().default('.'),
});

export const WebdavRemoteConfig = z.object({
  type: z.literal('webdav'),
  url: z.string().url(),
  username: z.string().optional(),
  password: z.string().optional(),
  root: z.string().default(''),
});

export const RcloneRemoteConfig = z.object({
  type: z.literal('rclone'),
  /** An rclone remote spec: `name:` from the rclone config, or a connection string `:backend,opt=v:`. */
  remote: z.string().min(2),
  /** Path inside that remote acting as root. */
  root: z.string().default(''),
  /** Contents of an rclone.conf holding the remote's section (secrets included). */
  rcloneConfig: z.string().optional(),
});

export const RemoteConfig = z.discriminatedUnion('type', [
  LocalRemoteConfig,
  S3RemoteConfig,
  SftpRemoteConfig,
  WebdavRemoteConfig,
  RcloneRemoteConfig,
]);
export type RemoteConfig = z.infer<typeof RemoteConfig>;
export type RemoteType = RemoteConfig['type'];
