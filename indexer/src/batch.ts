// From a batch of Kafka messages to the writes the indexer makes and the dead letters it
// sends. Pure, so the decisions (what is invalid, what is superseded) are unit-tested.
import { parseGraphDiffEvent } from '@syncoxide/core';
import type { DeadLetter } from './dead-letter.js';
import { type IndexOp, newestPerNode, opFromEvent } from './document.js';

export interface RawMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  offset: string;
}

export interface SourcedOp extends IndexOp {
  message: RawMessage;
}

export interface PreparedBatch {
  /** At most one write per node: its highest revision in the batch. */
  ops: SourcedOp[];
  invalid: DeadLetter[];
}

function parseError(err: unknown): string {
  const issues = (err as { issues?: Array<{ path: Array<string | number>; message: string }> }).issues;
  if (Array.isArray(issues)) {
    return `invalid graph diff event: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`;
  }
  return `invalid graph diff event: ${(err as Error)?.message ?? String(err)}`;
}

export function prepareBatch(messages: readonly RawMessage[]): PreparedBatch {
  const parsed: SourcedOp[] = [];
  const invalid: DeadLetter[] = [];
  for (const message of messages) {
    try {
      if (message.value === null) throw new Error('message has no value');
      const event = parseGraphDiffEvent(message.value);
      parsed.push({ ...opFromEvent(event), message });
    } catch (err) {
      invalid.push({
        key: message.key,
        value: message.value,
        offset: message.offset,
        reason: parseError(err),
        stage: 'schema',
      });
    }
  }
  return { ops: newestPerNode(parsed), invalid };
}

export function mappingDeadLetter(op: SourcedOp, reason: string): DeadLetter {
  return {
    key: op.message.key,
    value: op.message.value,
    offset: op.message.offset,
    reason: `search engine refused the document: ${reason}`,
    stage: 'mapping',
  };
}
