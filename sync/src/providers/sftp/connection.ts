// One SSH connection per provider, reconnected on demand, carrying a few SFTP channels. Each
// channel is its own sftp-server process on the server, so independent operations (listing
// several folders, several small files) proceed in parallel there, while one TCP connection
// and one key exchange serve them all.
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import type { Logger } from '@syncoxide/core';
import { SyncoxideError } from '@syncoxide/core';
import { Client, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { mapSftpError } from './errors.js';

export interface SftpConnectionOptions {
  host: string;
  port: number;
  username: string;
  password?: string | undefined;
  privateKey?: string | undefined;
  passphrase?: string | undefined;
  hostKey?: string | undefined;
  /** SFTP channels opened at most on the connection. */
  channels?: number;
  logger?: Logger | undefined;
}

interface Channel {
  sftp: SFTPWrapper;
  busy: number;
}

function noDelaySocket(host: string, port: number): Socket {
  const socket = connect({ host, port });
  socket.setNoDelay(true);
  return socket;
}

/** `SHA256:<unpadded base64>` of a raw host key, as OpenSSH prints fingerprints. */
export function sha256Fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** Does the presented key match the configured one (fingerprint, base64 blob or key line)? */
export function hostKeyMatches(configured: string, key: Buffer): boolean {
  const want = configured.trim();
  if (/^SHA256:/i.test(want)) return want.replace(/=+$/, '') === sha256Fingerprint(key);
  const blob = want.includes(' ') ? (want.split(/\s+/)[1] ?? '') : want;
  return Buffer.from(blob, 'base64').equals(key);
}

export class SftpConnection {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private readonly channels: Channel[] = [];
  private opening: Promise<Channel> | null = null;
  private closed = false;
  private readonly maxChannels: number;

  constructor(private readonly options: SftpConnectionOptions) {
    this.maxChannels = options.channels ?? 4;
  }

  private get where(): string {
    return `${this.options.username}@${this.options.host}:${this.options.port}`;
  }

  private connect(): Promise<Client> {
    if (this.closed) return Promise.reject(new SyncoxideError('UNAVAILABLE', 'SFTP provider is closed'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= new Promise<Client>((resolve, reject) => {
      const client = new Client();
      let rejectedKey: string | null = null;
      const config: ConnectConfig = {
        host: this.options.host,
        port: this.options.port,
        username: this.options.username,
        readyTimeout: 20_000,
        keepaliveInterval: 15_000,
        keepaliveCountMax: 4,
        // Our own socket, to turn Nagle off: SFTP is request/response with small packets, and
        // Nagle against the server's delayed ACK made every request wait ~40 ms.
        sock: noDelaySocket(this.options.host, this.options.port),
      };
      if (this.options.password !== undefined) config.password = this.options.password;
      if (this.options.privateKey !== undefined) config.privateKey = this.options.privateKey;
      if (this.options.passphrase !== undefined) config.passphrase = this.options.passphrase;
      const expected = this.options.hostKey;
      if (expected) {
        config.hostVerifier = (key: Buffer) => {
          if (hostKeyMatches(expected, key)) return true;
          rejectedKey = sha256Fingerprint(key);
          return false;
        };
      }
      client.once('ready', () => {
        this.client = client;
        resolve(client);
      });
      // Kept for the connection's life: an 'error' event nobody listens to would crash the
      // process (a reset long after connecting). Before 'ready' it fails the connect.
      client.on('error', (err) => {
        if (this.client === client) {
          this.options.logger?.warn(
            { err, where: this.where },
            'sftp connection failed; reconnecting on next use',
          );
          this.dropClient(client);
          return;
        }
        if (rejectedKey) {
          reject(
            new SyncoxideError(
              'PERMISSION_DENIED',
              `SFTP host key mismatch for ${this.options.host}:${this.options.port}: the server presented ` +
                `${rejectedKey}, the remote is configured with ${expected}; refusing to connect`,
              { cause: err, retriable: false },
            ),
          );
          return;
        }
        const mapped = mapSftpError(err);
        reject(
          new SyncoxideError(mapped.code, `${mapped.message} (${this.where})`, {
            cause: err,
            retriable: mapped.retriable,
          }),
        );
      });
      client.on('close', () => this.dropClient(client));
      client.connect(config);
    }).finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private dropClient(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.channels.length = 0;
    this.options.logger?.debug({ where: this.where }, 'sftp connection closed');
  }

  private async openChannel(): Promise<Channel> {
    const client = await this.connect();
    return new Promise<Channel>((resolve, reject) => {
      client.sftp((err, sftp) => {
        if (err) return reject(mapSftpError(err));
        const channel: Channel = { sftp, busy: 0 };
        const drop = () => {
          const i = this.channels.indexOf(channel);
          if (i >= 0) this.channels.splice(i, 1);
        };
        sftp.on('close', drop);
        sftp.on('error', drop);
        this.channels.push(channel);
        resolve(channel);
      });
    });
  }

  /** The least busy channel, opening another while all are busy and there is room. */
  private async acquire(): Promise<Channel> {
    const best = this.channels.reduce<Channel | null>((a, c) => (a && a.busy <= c.busy ? a : c), null);
    const room = this.channels.length + (this.opening ? 1 : 0) < this.maxChannels;
    if (best && (best.busy === 0 || !room)) return best;
    if (this.opening) return best ?? this.opening;
    this.opening = this.openChannel().finally(() => {
      this.opening = null;
    });
    try {
      return await this.opening;
    } catch (error) {
      // E.g. the server's MaxSessions reached: carry on with the channels we have.
      if (best) return best;
      throw error;
    }
  }

  /** A channel counted busy until `release` (handles stay valid only on the channel that opened them). */
  async lease(): Promise<{ sftp: SFTPWrapper; release: () => void }> {
    const channel = await this.acquire();
    channel.busy++;
    let released = false;
    return {
      sftp: channel.sftp,
      release: () => {
        if (released) return;
        released = true;
        channel.busy--;
      },
    };
  }

  /** Runs `fn` on one SFTP channel. */
  async withChannel<T>(fn: (sftp: SFTPWrapper) => Promise<T>): Promise<T> {
    const lease = await this.lease();
    try {
      return await fn(lease.sftp);
    } finally {
      lease.release();
    }
  }

  /** Runs a command over an exec channel; stdin is closed at once. */
  async exec(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const client = await this.connect();
    return new Promise((resolve, reject) => {
      client.exec(command, (err, stream) => {
        if (err) return reject(mapSftpError(err));
        let stdout = '';
        let stderr = '';
        stream.setEncoding('utf8');
        stream.on('data', (d: string) => {
          stdout += d;
        });
        stream.stderr.setEncoding('utf8').on('data', (d: string) => {
          stderr += d;
        });
        stream.on('close', (code: number | null) => resolve({ code, stdout, stderr }));
        stream.on('error', (e: Error) => reject(mapSftpError(e)));
        stream.end();
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    this.channels.length = 0;
    if (!client) return;
    await new Promise<void>((resolve) => {
      client.once('close', () => resolve());
      client.end();
      setTimeout(resolve, 2000).unref();
    });
  }
}
