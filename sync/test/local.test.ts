// The local provider against the conformance suite, plus what only a local disk has: root
// confinement, the watcher, temp files on disk.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalProvider } from '../src/providers/local/index.js';
import type { ProviderFixture } from './conformance/suite.js';
import { runProviderSuite } from './conformance/suite.js';

/** Root can write anywhere, so refusal is arranged with the immutable flag; others get chmod. */
async function denyWrites(dir: string): Promise<() => Promise<void>> {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', dir]);
    return async () => {
      execFileSync('chattr', ['-i', dir]);
    };
  }
  execFileSync('chmod', ['0555', dir]);
  return async () => {
    execFileSync('chmod', ['0755', dir]);
  };
}

export async function localFixture(): Promise<ProviderFixture> {
  const root = await mkdtemp(join(tmpdir(), 'syncoxide-local-'));
  const provider = await createLocalProvider(root);
  const extra: { close(): Promise<void> }[] = [];
  return {
    provider,
    rootDir: root,
    config: { type: 'local', root },
    reopen: async () => {
      const p = await createLocalProvider(root);
      extra.push(p);
      return p;
    },
    denied: async () => {
      const path = `denied-${Date.now()}`;
      await mkdir(join(root, path));
      const undo = await denyWrites(join(root, path));
      return { provider, path, undo };
    },
    cleanup: async () => {
      for (const p of [provider, ...extra]) await p.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

runProviderSuite('local', localFixture);
