// `syncoxide worker relay|indexer|photos|activity`: the product's background processes. Each runs until
// SIGINT/SIGTERM and stops cleanly, so a service manager (or `npm start`) can supervise it.

import { GraphEventsRecorder } from '@syncoxide/analytics';
import { createLogger, loadConfig } from '@syncoxide/core';
import { createGraphDriver, createGraphStore, OutboxRelay } from '@syncoxide/graph';
import { GraphDiffIndexer, kafkaFromConfig, searchClientFromConfig } from '@syncoxide/indexer';
import { photoWorkerFromConfig } from '@syncoxide/photos';
import { Command } from 'commander';

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function runRelay(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('relay', { level: config.logLevel });
  const driver = createGraphDriver(config);
  await createGraphStore({ driver, logger }).migrate();
  const relay = new OutboxRelay({
    driver,
    database: config.neo4j.database,
    kafka: kafkaFromConfig(config, logger),
    topicPrefix: config.kafka.topicPrefix,
    logger,
    pollIntervalMs: 200,
  });
  relay.start();
  logger.info({ topic: relay.topic }, 'outbox relay running');
  await untilSignal();
  await relay.stop();
  await driver.close();
}

async function runIndexer(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('indexer', { level: config.logLevel });
  const indexer = new GraphDiffIndexer({
    kafka: kafkaFromConfig(config, logger),
    client: searchClientFromConfig(config),
    topicPrefix: config.kafka.topicPrefix,
    indexPrefix: config.opensearch.indexPrefix,
    logger,
  });
  await indexer.start();
  logger.info({ topic: indexer.topic, groupId: indexer.groupId }, 'indexer running');
  await untilSignal();
  await indexer.stop();
}

async function runPhotos(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('photos', { level: config.logLevel });
  const worker = await photoWorkerFromConfig(config, { logger });
  await worker.consumer.start();
  logger.info({ topic: worker.consumer.topic, groupId: worker.consumer.groupId }, 'photos worker running');
  const timer = setInterval(() => logger.info({ stats: worker.consumer.stats }, 'photos progress'), 60_000);
  await untilSignal();
  clearInterval(timer);
  await worker.close();
}

async function runActivity(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('activity', { level: config.logLevel });
  const recorder = new GraphEventsRecorder({
    kafka: kafkaFromConfig(config, logger),
    client: searchClientFromConfig(config),
    topicPrefix: config.kafka.topicPrefix,
    indexPrefix: config.opensearch.indexPrefix,
    logger,
  });
  await recorder.start();
  logger.info({ topic: recorder.topic, groupId: recorder.groupId }, 'activity recorder running');
  await untilSignal();
  await recorder.stop();
}

export function workerCommand(): Command {
  const worker = new Command('worker').description('run a background worker in the foreground');
  worker.command('relay').description('publish the graph outbox to Kafka').action(runRelay);
  worker.command('indexer').description('index graph diffs into the search engine').action(runIndexer);
  worker
    .command('photos')
    .description('thumbnails, EXIF and perceptual hashes of photos from graph diffs')
    .action(runPhotos);
  worker
    .command('activity')
    .description('record graph diffs into the events index (analytics activity)')
    .action(runActivity);
  return worker;
}
