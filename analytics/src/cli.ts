// Command line of analytics: `tsx analytics/src/cli.ts events` records graph diffs into the
// events index (activity statistics) until SIGINT/SIGTERM. A service manager or the root
// `syncoxide worker` command runs it beside the indexer.
import { createLogger, loadConfig } from '@syncoxide/core';
import { kafkaFromConfig, searchClientFromConfig } from '@syncoxide/indexer';
import { GraphEventsRecorder } from './events/consumer.js';

const USAGE = `usage: analytics <command>
  events    record graph diffs into the events index until stopped (SIGINT/SIGTERM)`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] !== 'events') {
    console.log(USAGE);
    return argv[0] === '--help' || argv[0] === '-h' ? 0 : 2;
  }
  const config = loadConfig();
  const logger = createLogger('analytics-events');
  const recorder = new GraphEventsRecorder({
    kafka: kafkaFromConfig(config, logger),
    client: searchClientFromConfig(config),
    topicPrefix: config.kafka.topicPrefix,
    indexPrefix: config.opensearch.indexPrefix,
    logger,
  });
  const signalled = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await recorder.start();
  logger.info({ topic: recorder.topic, groupId: recorder.groupId }, 'recording graph diffs');
  await signalled;
  await recorder.stop();
  logger.info({ recorded: recorder.recorded }, 'stopped');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
