// The dead-letter topic: events the indexer can never apply (invalid schema, refused by the
// mapping) go here byte for byte, with why and where from in headers, so they can be
// inspected and re-driven after a fix — and the partition behind them keeps moving.
import { retry } from '@syncoxide/core';
import type { IHeaders, Producer } from 'kafkajs';
import { kafkaError } from './engine-errors.js';

export interface DeadLetter {
  key: Buffer | string | null;
  value: Buffer | string | null;
  /** Offset of the original message. */
  offset: string;
  reason: string;
  /** 'schema': not a valid graph diff event; 'mapping': the search engine refused the document. */
  stage: 'schema' | 'mapping';
}

export const DEAD_LETTER_HEADERS = {
  reason: 'x-syncoxide-error',
  stage: 'x-syncoxide-stage',
  topic: 'x-syncoxide-source-topic',
  partition: 'x-syncoxide-source-partition',
  offset: 'x-syncoxide-source-offset',
  at: 'x-syncoxide-failed-at',
} as const;

export function deadLetterMessage(letter: DeadLetter, sourceTopic: string, sourcePartition: number) {
  const headers: IHeaders = {
    [DEAD_LETTER_HEADERS.reason]: letter.reason.slice(0, 4000),
    [DEAD_LETTER_HEADERS.stage]: letter.stage,
    [DEAD_LETTER_HEADERS.topic]: sourceTopic,
    [DEAD_LETTER_HEADERS.partition]: String(sourcePartition),
    [DEAD_LETTER_HEADERS.offset]: letter.offset,
    [DEAD_LETTER_HEADERS.at]: new Date().toISOString(),
  };
  return { key: letter.key, value: letter.value, headers };
}

/** Sends dead letters; retried, then thrown, so the batch is not committed without them. */
export async function sendDeadLetters(
  producer: Producer,
  topic: string,
  sourceTopic: string,
  sourcePartition: number,
  letters: DeadLetter[],
): Promise<void> {
  if (letters.length === 0) return;
  await retry(
    async () => {
      try {
        await producer.send({
          topic,
          acks: -1,
          messages: letters.map((l) => deadLetterMessage(l, sourceTopic, sourcePartition)),
        });
      } catch (err) {
        throw kafkaError(err, `send ${letters.length} dead letters to ${topic}`);
      }
    },
    { attempts: 5, baseMs: 200, maxMs: 5_000 },
  );
}
