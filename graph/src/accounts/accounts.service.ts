// Users, devices and remotes. Ids of another owner behave like missing ids.
import { newId, SyncoxideError } from '@syncoxide/core';
import { type GraphContext, writeRetrying } from '../context.js';
import { readTx } from '../db.js';
import type { DeviceRecord, RemoteCapabilities, RemoteRecord, UserRecord } from '../model.js';
import * as repo from './accounts.repository.js';

export interface UpsertUserInput {
  id: string;
  email?: string | null;
  name?: string | null;
}

export interface UpsertDeviceInput {
  ownerId: string;
  id?: string;
  name: string;
  hostname?: string | null;
  platform?: string | null;
}

export interface UpsertRemoteInput {
  ownerId: string;
  id?: string;
  type: string;
  name: string;
  root?: string;
  capabilities?: Partial<RemoteCapabilities>;
  /** The computer this remote lives on (local disks), if any. */
  deviceId?: string | null;
}

function required(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new SyncoxideError('INVALID_INPUT', `${what} is required`);
  return value;
}

export function accountsService(ctx: GraphContext) {
  return {
    upsertUser(input: UpsertUserInput): Promise<UserRecord> {
      required(input.id, 'user id');
      return writeRetrying(ctx, (tx) =>
        repo.mergeUser(tx, {
          id: input.id,
          email: input.email ?? null,
          name: input.name ?? null,
          now: ctx.clock(),
        }),
      );
    },

    upsertDevice(input: UpsertDeviceInput): Promise<DeviceRecord> {
      required(input.ownerId, 'ownerId');
      required(input.name, 'device name');
      const id = input.id ?? newId();
      return writeRetrying(ctx, async (tx) => {
        const owner = await repo.ownerOf(tx, 'Device', id);
        if (owner !== null && owner !== input.ownerId)
          throw new SyncoxideError('NOT_FOUND', 'no such device', { path: id });
        return repo.mergeDevice(tx, {
          id,
          ownerId: input.ownerId,
          name: input.name,
          hostname: input.hostname ?? null,
          platform: input.platform ?? null,
          now: ctx.clock(),
        });
      });
    },

    upsertRemote(input: UpsertRemoteInput): Promise<RemoteRecord> {
      required(input.ownerId, 'ownerId');
      required(input.type, 'remote type');
      required(input.name, 'remote name');
      const id = input.id ?? newId();
      const caps = input.capabilities ?? {};
      return writeRetrying(ctx, async (tx) => {
        const owner = await repo.ownerOf(tx, 'Remote', id);
        if (owner !== null && owner !== input.ownerId)
          throw new SyncoxideError('NOT_FOUND', 'no such remote', { path: id });
        const deviceId = input.deviceId ?? null;
        if (deviceId !== null && (await repo.ownerOf(tx, 'Device', deviceId)) !== input.ownerId) {
          throw new SyncoxideError('NOT_FOUND', 'no such device', { path: deviceId });
        }
        return repo.mergeRemote(tx, {
          id,
          ownerId: input.ownerId,
          type: input.type,
          name: input.name,
          root: input.root ?? '',
          hashes: caps.hashes ?? [],
          modtime: caps.modtime ?? true,
          stableIds: caps.stableIds ?? false,
          deviceId,
          now: ctx.clock(),
        });
      });
    },

    async getRemote(ownerId: string, remoteId: string): Promise<RemoteRecord> {
      const remote = await readTx(ctx.db, (tx) => repo.findRemote(tx, ownerId, remoteId));
      if (!remote) throw new SyncoxideError('NOT_FOUND', 'no such remote', { path: remoteId });
      return remote;
    },

    /**
     * Removes all of an owner's graph data (account removal), outbox entries included. Emits no
     * events: derived stores drop an owner's data by ownerId, not node by node.
     */
    dropOwnerData(ownerId: string): Promise<void> {
      required(ownerId, 'ownerId');
      return repo.deleteOwnerData(ctx.db, ownerId);
    },

    listRemotes(ownerId: string): Promise<RemoteRecord[]> {
      return readTx(ctx.db, (tx) => repo.listRemotes(tx, ownerId));
    },
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
