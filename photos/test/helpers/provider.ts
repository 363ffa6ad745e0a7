// A real provider for tests: the local disk provider in a fresh temp folder. It is imported
// from the sync package's source because @syncoxide/sync does not export its providers yet;
// switch to `createProvider({ type: 'local', root })` once it does.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '@syncoxide/sync';
import { createLocalProvider } from '../../../sync/src/providers/local/index.js';

export interface TempRemote {
  root: string;
  provider: Provider;
  cleanup(): Promise<void>;
}

export async function tempRemote(label: string): Promise<TempRemote> {
  const root = await mkdtemp(join(tmpdir(), `syncoxide-photos-${label}-`));
  const provider = await createLocalProvider(root);
  return {
    root,
    provider,
    async cleanup() {
      await provider.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
