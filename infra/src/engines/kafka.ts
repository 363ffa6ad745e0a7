// Apache Kafka 4 in KRaft mode: one process that is both broker and controller. Storage is
// formatted once with a fresh cluster id; the configuration is rewritten at each start so that
// ports follow the settings.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { QUICK_JIT } from '../jvm.js';
import { run } from '../process.js';
import { withTimeout } from './neo4j.js';
import {
  errorText,
  type JvmEngine,
  type JvmInstanceOptions,
  type PrepareContext,
  type ProbeResult,
} from './types.js';

export const KAFKA_VERSION = '4.1.1';

/** Connects with kafkajs and describes the cluster; Kafka does not report its release over the wire. */
export async function probeKafka(
  brokers: string[],
  timeoutMs: number,
  version?: string,
): Promise<ProbeResult> {
  const kafka = new Kafka({
    clientId: 'syncoxide-health',
    brokers,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    const cluster = await withTimeout(
      (async () => {
        await admin.connect();
        return admin.describeCluster();
      })(),
      timeoutMs,
    );
    const label = `cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s)`;
    return { ok: true, version: version ? `${version} (${label})` : label };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function serverProperties(options: JvmInstanceOptions): string {
  const { port, secondaryPort: controllerPort, dataDir } = options;
  return `# Written by syncoxide infra at every start: a single-node KRaft broker+controller on loopback.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${join(dataDir, 'kraft')}
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
# One broker: every internal topic has a single replica.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
delete.topic.enable=true
# Tests create many short-lived groups: no need to wait for more members to join.
group.initial.rebalance.delay.ms=0
log.retention.hours=24
log.segment.bytes=67108864
`;
}

const LOG4J2 = `# Written by syncoxide infra: Kafka logs to stdout, which the launcher appends to the engine's log.
status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.state.name = state.change.logger
logger.state.level = warn
`;

async function prepare({ java, classpath, options }: PrepareContext): Promise<void> {
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(join(options.dataDir, 'server.properties'), serverProperties(options));
  writeFileSync(join(options.dataDir, 'log4j2.properties'), LOG4J2);
  if (existsSync(join(options.dataDir, 'kraft', 'meta.properties'))) return;
  // A KRaft cluster id is 16 random bytes in URL-safe base64 without padding.
  const clusterId = randomBytes(16).toString('base64url');
  await run(java, [
    QUICK_JIT,
    `-Dlog4j2.configurationFile=${join(options.dataDir, 'log4j2.properties')}`,
    '-cp',
    classpath,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    join(options.dataDir, 'server.properties'),
  ]);
}

export const kafkaEngine: JvmEngine = {
  name: 'kafka',
  version: KAFKA_VERSION,
  // Kafka's jars log through SLF4J 1.7; the binding routes that to Log4j 2, as Kafka's own distribution does.
  artifacts: [
    `org.apache.kafka:kafka_2.13:${KAFKA_VERSION}`,
    'org.apache.logging.log4j:log4j-slf4j-impl:2.24.3',
  ],
  mainClass: 'kafka.Kafka',
  jvmOptions: ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError'],
  startTimeoutMs: 600_000,
  prepare,
  instanceJvmOptions: (options) => [
    `-Dlog4j2.configurationFile=${join(options.dataDir, 'log4j2.properties')}`,
  ],
  args: (options) => [join(options.dataDir, 'server.properties')],
  probe: (port, timeoutMs) => probeKafka([`127.0.0.1:${port}`], timeoutMs, KAFKA_VERSION),
};
