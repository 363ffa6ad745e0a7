// The indexer's lag (graph diffs not yet applied to search), asked through a short-lived Kafka
// admin client so a gateway needs no standing Kafka connection for it.

import { defaultGroupId, getConsumerLag, graphDiffTopic } from '@syncoxide/indexer';
import type { Kafka } from 'kafkajs';
import { withTimeout } from '../remotes/providers.js';

export function indexerLagReader(kafka: Kafka, topicPrefix: string): () => Promise<number> {
  return async () => {
    const admin = kafka.admin();
    try {
      await withTimeout(admin.connect(), 5000, 'kafka');
      const lag = await withTimeout(
        getConsumerLag(admin, defaultGroupId(topicPrefix), graphDiffTopic(topicPrefix)),
        5000,
        'indexer lag',
      );
      return lag.total;
    } finally {
      await admin.disconnect().catch(() => {});
    }
  };
}
