// One `rclone rcd` per provider: the remote-control API on a random loopback port, guarded by a
// random user and password, with `--rc-serve` for ranged reads. It is started on first use,
// restarted if it dies, and tethered so it never outlives this process.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type Logger, SyncoxideError } from '@syncoxide/core';
import { rcloneError } from './errors.js';
import { rcloneEnv, spawnTethered, stopTethered } from './tether.js';

export interface DaemonOptions {
  /** rclone.conf text holding the remote's section; omitted: the user's own rclone config. */
  config?: string | undefined;
  binary?: string;
  tempDir?: string | undefined;
  logger?: Logger | undefined;
}

interface Running {
  child: ChildProcess;
  url: string;
  auth: string;
}

const READY = /Serving remote control on (http:\/\/[^\s]+?)\/?\s/;

export class RcloneDaemon {
  private running: Promise<Running> | null = null;
  private current: Running | null = null;
  private work: string | null = null;
  private closed = false;

  constructor(private readonly options: DaemonOptions) {}

  private async start(): Promise<Running> {
    if (this.closed) throw new SyncoxideError('UNAVAILABLE', 'rclone provider is closed');
    this.work ??= await mkdtemp(join(this.options.tempDir ?? tmpdir(), 'syncoxide-rclone-'));
    const user = randomBytes(6).toString('hex');
    const pass = randomBytes(18).toString('base64url');
    const args = ['rcd', '--rc-addr', '127.0.0.1:0', '--rc-user', user, '--rc-pass', pass, '--rc-serve'];
    // Long transfers go through one HTTP request each: rclone's 1 h server timeouts would cut them.
    args.push('--rc-server-read-timeout', '72h', '--rc-server-write-timeout', '72h');
    if (this.options.config !== undefined) {
      const path = join(this.work, 'rclone.conf');
      await writeFile(path, this.options.config, { mode: 0o600 });
      args.push('--config', path);
    }
    const child = spawnTethered(this.options.binary ?? process.env.SYNCOXIDE_RCLONE ?? 'rclone', args, {
      env: rcloneEnv(),
    });
    const auth = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    return new Promise<Running>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => fail(new Error('rclone rcd did not start within 30 s')), 30_000);
      const fail = (error: Error) => {
        clearTimeout(timer);
        void stopTethered(child);
        reject(
          new SyncoxideError(
            'UNAVAILABLE',
            `cannot start rclone: ${error.message} ${log.slice(-500)}`.trim(),
          ),
        );
      };
      child.once('error', fail);
      child.once('exit', (code) => fail(new Error(`rclone rcd exited with ${code}`)));
      child.stderr?.setEncoding('utf8').on('data', (d: string) => {
        log = (log + d).slice(-4000);
        const ready = READY.exec(log);
        if (!ready) return;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.once('exit', () => {
          this.options.logger?.warn({ log: log.slice(-1000) }, 'rclone rcd exited; restarting on next use');
          this.running = null;
        });
        this.current = { child, url: ready[1]!, auth };
        resolve(this.current);
      });
    });
  }

  private async ready(): Promise<Running> {
    this.running ??= this.start();
    this.running.catch(() => {
      this.running = null;
    });
    return this.running;
  }

  private async fetch(url: (r: Running) => string, init: RequestInit & { duplex?: 'half' }, path: string) {
    const r = await this.ready();
    try {
      return await fetch(url(r), {
        ...init,
        headers: { ...(init.headers as object), Authorization: r.auth },
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new SyncoxideError('UNAVAILABLE', `rclone rcd unreachable (${(error as Error).message})`, {
        path,
        cause: error,
      });
    }
  }

  private async answer<T>(response: Response, path: string): Promise<T> {
    const body = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) throw rcloneError(response.status, body.error ?? response.statusText, path);
    return body;
  }

  /** Calls an rc method; `path` names what the call is about in errors. */
  async call<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown>,
    path = '',
  ): Promise<T> {
    const response = await this.fetch(
      (r) => `${r.url}/${method}`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) },
      path,
    );
    return this.answer<T>(response, path);
  }

  /** Streams `body` as one file into `fs` folder `dir` via operations/uploadfile (rclone Rcat). */
  async upload(
    fs: string,
    dir: string,
    name: string,
    source: Readable,
    options: { config?: Record<string, unknown>; signal?: AbortSignal },
    path: string,
  ): Promise<void> {
    const boundary = `syncoxide-${randomBytes(12).toString('hex')}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    async function* multipart(): AsyncGenerator<Buffer> {
      yield Buffer.from(head);
      for await (const chunk of source) yield chunk as Buffer;
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    const query = new URLSearchParams({ fs, remote: dir });
    if (options.config) query.set('_config', JSON.stringify(options.config));
    const response = await this.fetch(
      (r) => `${r.url}/operations/uploadfile?${query}`,
      {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        body: multipart() as unknown as RequestInit['body'],
        duplex: 'half',
        ...(options.signal ? { signal: options.signal } : {}),
      },
      path,
    );
    await this.answer(response, path);
  }

  /** GET of a file through --rc-serve, with an optional Range header. */
  async get(fs: string, remote: string, range: string | null, path: string): Promise<Response> {
    const encoded = remote.split('/').map(encodeURIComponent).join('/');
    return this.fetch(
      (r) => `${r.url}/${encodeURIComponent(`[${fs}]`)}/${encoded}`,
      { method: 'GET', ...(range ? { headers: { Range: range } } : {}) },
      path,
    );
  }

  /** Process id of the running daemon's tether (rclone is its child), or null. */
  pid(): number | null {
    return this.current?.child.pid ?? null;
  }

  /** The config file rclone was started with (null: the user's own rclone config). */
  configFile(): string | null {
    return this.work && this.options.config !== undefined ? join(this.work, 'rclone.conf') : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = await this.running?.catch(() => null);
    this.running = null;
    if (running) await stopTethered(running.child);
    if (this.work) await rm(this.work, { recursive: true, force: true });
  }
}
