// Progress of runs, for live display (CLI bars, GraphQL subscriptions through Redis pub/sub)
// and tests. Injected: whoever starts a run passes the emitter it listens on.
import { EventEmitter } from 'node:events';
import type { OpKind } from './plan-types.js';

export interface OpInfo {
  ruleId: string;
  runId: string;
  opId: number;
  kind: OpKind;
  path: string;
  reason: string;
}

export interface SyncEventMap {
  'run:planned': [{ ruleId: string; runId: string; ops: number; notes: string[] }];
  'run:aborted': [{ ruleId: string; reason: string }];
  'run:finished': [
    { ruleId: string; runId: string; result: string; files: number; bytes: number; failed: number },
  ];
  'op:started': [OpInfo & { resumed: boolean }];
  'op:progress': [OpInfo & { bytes: number; total: number }];
  'op:done': [OpInfo & { bytes: number }];
  'op:retry': [OpInfo & { attempt: number; code: string; message: string }];
  'op:failed': [OpInfo & { code: string; message: string }];
  /** A transfer whose destination hash did not match the source: re-sent. */
  'op:corrupted': [OpInfo & { message: string }];
}

export class SyncEvents extends EventEmitter<SyncEventMap> {}
