// Command line of the indexer: `tsx indexer/src/cli.ts run|lag|reindex`. The root `syncoxide`
// CLI wraps these; they are also what a service manager runs.
import { createLogger, loadConfig, SyncoxideError } from '@syncoxide/core';
import { searchClientFromConfig } from './client.js';
import { GraphDiffIndexer } from './consumer.js';
import { graphAccess } from './graph-source.js';
import { kafkaFromConfig } from './kafka.js';
import { getConsumerLag } from './lag.js';
import { defaultGroupId, graphDiffTopic } from './names.js';
import { purgeTombstones } from './purge.js';
import { reindex } from './reindex.js';

const USAGE = `usage: indexer <command>
  run       consume graph diffs into the search index until stopped (SIGINT/SIGTERM)
  lag       print the indexer's consumer lag per partition as JSON
  reindex   rebuild the search index from the graph, then swap it in (zero downtime)
  purge [--older-than-days N]
            remove tombstones older than N days (default 30) of nodes the graph no longer has;
            N must exceed the graph diff topic's retention plus the worst consumer lag`;

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const log = createLogger('indexer');
  const kafka = kafkaFromConfig(config, log);
  const client = searchClientFromConfig(config);
  const { topicPrefix } = config.kafka;
  const { indexPrefix } = config.opensearch;

  switch (command) {
    case 'run': {
      const indexer = new GraphDiffIndexer({ kafka, client, topicPrefix, indexPrefix, logger: log });
      // Listen before starting: a stop asked for while start() still waits for the engines
      // must stop cleanly too, not kill the process by the default handler.
      const signalled = new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      const started = indexer.start().then(() => true);
      if (!(await Promise.race([started, signalled.then(() => false)]))) {
        await indexer.stop();
        return 0;
      }
      log.info({ topic: indexer.topic, groupId: indexer.groupId }, 'indexer running');
      const timer = setInterval(() => {
        indexer
          .getLag()
          .then((lag) => log.info({ lag: lag.total, stats: indexer.stats }, 'indexer progress'))
          .catch((err) => log.warn({ err }, 'could not read lag'));
      }, 60_000);
      await signalled;
      clearInterval(timer);
      await indexer.stop();
      return 0;
    }
    case 'lag': {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const lag = await getConsumerLag(admin, defaultGroupId(topicPrefix), graphDiffTopic(topicPrefix));
        console.log(JSON.stringify(lag, null, 2));
      } finally {
        await admin.disconnect();
      }
      return 0;
    }
    case 'reindex': {
      const graph = graphAccess(config);
      try {
        const result = await reindex({
          client,
          kafka,
          topicPrefix,
          indexPrefix,
          source: graph.nodes(),
          logger: log,
          onProgress: ({ phase, documents, replayed }) =>
            process.stderr.write(
              `\rreindex: ${phase} — ${documents} documents, ${replayed} events replayed   `,
            ),
        });
        process.stderr.write('\n');
        console.log(JSON.stringify(result, null, 2));
      } finally {
        await graph.close();
      }
      return 0;
    }
    case 'purge': {
      const flag = argv.indexOf('--older-than-days');
      const days = flag >= 0 ? Number(argv[flag + 1]) : 30;
      if (!Number.isFinite(days) || days < 1) {
        throw new SyncoxideError('INVALID_INPUT', '--older-than-days must be a number of days, at least 1');
      }
      const graph = graphAccess(config);
      try {
        const result = await purgeTombstones({
          client,
          indexPrefix,
          olderThanMs: days * 86_400_000,
          exists: graph.exists,
          logger: log,
        });
        console.log(JSON.stringify(result, null, 2));
      } finally {
        await graph.close();
      }
      return 0;
    }
    default:
      console.error(`unknown command: ${command}\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof SyncoxideError ? `${err.code}: ${err.message}` : String(err);
    console.error(`indexer: ${message}`);
    process.exit(1);
  },
);
