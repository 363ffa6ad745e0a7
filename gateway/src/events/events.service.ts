// Live updates for subscriptions, fanned out through Redis pub/sub so that an event published
// by one gateway process (a mutation, an upload, a sync run) reaches subscribers on every
// process. Channels carry the user id: a subscriber only ever listens to its own.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';

export type FileChange = 'created' | 'updated' | 'moved' | 'trashed' | 'restored' | 'deleted' | 'starred';

export interface FileEvent {
  change: FileChange;
  nodeId: string | null;
  remoteId: string;
  path: string;
  at: number;
}

export interface SyncProgressEvent {
  ruleId: string;
  stage: 'planned' | 'operation' | 'finished';
  operations: number;
  done: number;
  failed: number;
  bytes: number;
  path: string | null;
  result: string | null;
  at: number;
}

export interface NotificationEvent {
  kind: string;
  message: string;
  at: number;
}

interface Channels {
  files: FileEvent;
  sync: SyncProgressEvent;
  notifications: NotificationEvent;
}

export class EventsService {
  private readonly pubsub;

  constructor(
    publishClient: Redis,
    subscribeClient: Redis,
    /** Channel prefix, so installations (and tests) sharing one Redis stay apart. */
    private readonly prefix: string,
  ) {
    this.pubsub = createPubSub<Record<string, [unknown]>>({
      eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
    });
  }

  private channel(kind: keyof Channels, userId: string): string {
    return `${this.prefix}events:${kind}:${userId}`;
  }

  publish<K extends keyof Channels>(kind: K, userId: string, payload: Channels[K]): void {
    this.pubsub.publish(this.channel(kind, userId), payload);
  }

  subscribe<K extends keyof Channels>(kind: K, userId: string): AsyncIterable<Channels[K]> {
    return this.pubsub.subscribe(this.channel(kind, userId)) as AsyncIterable<Channels[K]>;
  }

  fileChanged(userId: string, event: Omit<FileEvent, 'at'>): void {
    this.publish('files', userId, { ...event, at: Date.now() });
  }

  notify(userId: string, kind: string, message: string): void {
    this.publish('notifications', userId, { kind, message, at: Date.now() });
  }
}
