// The two destinations, each as our provider and as an rclone remote on the same server:
// S3 (the S3Proxy test server) and SFTP (OpenSSH's sshd), both on loopback.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueName } from '@syncoxide/core';
import { createS3Provider, createSftpProvider, type Provider } from '@syncoxide/sync';
import { startS3Server, startSftpServer } from '@syncoxide/sync/testing';
import { connectionString } from './peers.ts';

export interface Target {
  name: string;
  ours: Provider;
  /** rclone remote spec for a folder `sub` beside ours. */
  rclone(sub: string): string;
  /** Flags for rclone copy to this target. */
  flags: string[];
  stop(): Promise<void>;
}

export async function s3Target(): Promise<Target> {
  const server = await startS3Server();
  const bucket = uniqueName('bench');
  await server.createBucket(bucket);
  const ours = createS3Provider({
    type: 's3',
    endpoint: server.endpoint,
    region: server.region,
    bucket,
    prefix: 'ours/',
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
    partSize: 16 * 1024 * 1024,
  });
  const options = {
    provider: 'Other',
    endpoint: server.endpoint,
    region: server.region,
    access_key_id: server.accessKeyId,
    secret_access_key: server.secretAccessKey,
    force_path_style: true,
  };
  return {
    name: 's3',
    ours,
    rclone: (sub) => connectionString('s3', options, `${bucket}/rclone/${sub}`),
    flags: [],
    stop: async () => {
      await ours.close();
      await server.stop();
    },
  };
}

export async function sftpTarget(work: string): Promise<Target> {
  const server = await startSftpServer();
  const config = {
    type: 'sftp' as const,
    host: server.host,
    port: server.port,
    username: server.username,
    privateKey: server.privateKey,
    hostKey: server.hostKeyFingerprint,
    root: server.remoteRoot,
  };
  const top = createSftpProvider(config);
  await top.mkdir('ours');
  await top.close();
  const ours = createSftpProvider({ ...config, root: `${server.remoteRoot}/ours` });
  const keyFile = join(work, 'sftp-key');
  writeFileSync(keyFile, server.privateKey!, { mode: 0o600 });
  // rclone verifies each sftp upload by running md5sum over an exec channel: a remote re-read
  // we do not do (our hashes are computed while streaming), and here a login shell whose rc
  // files take seconds. Both sides are compared without it: no hash commands, no shell probe.
  const options = {
    host: server.host,
    port: server.port,
    user: server.username,
    key_file: keyFile,
    shell_type: 'unix',
    md5sum_command: 'none',
    sha1sum_command: 'none',
  };
  return {
    name: 'sftp',
    ours,
    rclone: (sub) => connectionString('sftp', options, `${server.remoteRoot}/rclone/${sub}`),
    flags: [],
    stop: async () => {
      await ours.close();
      await server.stop();
    },
  };
}
