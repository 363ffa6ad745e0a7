// Shared bits of the integration tests: the config they run against and unique names, so that
// tests run in parallel and again without stepping on each other.
import { randomUUID } from 'node:crypto';
import { type Config, loadConfig } from '@syncoxide/core';
import { Kafka, logLevel } from 'kafkajs';

export const config: Config = loadConfig();

export function uniqueName(kind: string): string {
  return `syncoxide-test-${kind}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

export function kafkaClient(brokers: string[]): Kafka {
  return new Kafka({ clientId: uniqueName('client'), brokers, logLevel: logLevel.NOTHING });
}

/** Produces values to a fresh topic and reads them back through a fresh consumer group. */
export async function roundTrip(brokers: string[], values: string[]): Promise<string[]> {
  const kafka = kafkaClient(brokers);
  const topic = uniqueName('topic');
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: uniqueName('group') });
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await producer.connect();
    await producer.send({ topic, messages: values.map((value, i) => ({ key: `k${i}`, value })) });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${received.length} of ${values.length} messages`)),
        30_000,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            received.push(message.value?.toString() ?? '');
            if (received.length === values.length) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return received;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
