// The providers the engine tests run on, behind one shape, so every scenario runs on each
// real provider: two local roots, and (when the S3 provider is there) S3 on the S3 test server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { Provider } from '../../src/providers/types.js';

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

/** Every provider pairing the engine tests run on. */
export const KITS: ProviderKit[] = [localKit];
