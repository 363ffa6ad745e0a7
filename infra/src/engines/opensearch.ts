// OpenSearch 2.19 (the newest line that runs on Java 17), assembled from its Maven Central jars
// and modules and started by our launcher (infra/java/OpenSearchMain.java): single node, HTTP on
// loopback, no security plugin (it is not part of the core distribution's modules).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorText, type JvmEngine, type PrepareContext, type ProbeResult } from './types.js';

export const OPENSEARCH_VERSION = '2.19.6';

/** Modules loaded into the node: artifact name and plugin class. */
const MODULES: ReadonlyArray<readonly [string, string]> = [
  // HTTP and transport; without it the node has no network layer at all.
  ['transport-netty4-client', 'org.opensearch.transport.Netty4Plugin'],
  // edge_ngram, word_delimiter_graph, path_hierarchy and the other common analyzers.
  ['analysis-common', 'org.opensearch.analysis.common.CommonAnalysisPlugin'],
  // Scripts in queries, sorts and updates.
  ['lang-painless', 'org.opensearch.painless.PainlessPlugin'],
  // _reindex, _update_by_query and _delete_by_query, which the indexer's rebuilds use.
  ['reindex-client', 'org.opensearch.index.reindex.ReindexPlugin'],
  // scaled_float, search_as_you_type, rank_feature field types.
  ['mapper-extras-client', 'org.opensearch.index.mapper.MapperExtrasPlugin'],
];

export async function probeOpenSearch(url: string, timeoutMs: number): Promise<ProbeResult> {
  try {
    const response = await fetch(`${url.replace(/\/$/, '')}/`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    const body = (await response.json()) as { version?: { number?: string; distribution?: string } };
    const health = await fetch(`${url.replace(/\/$/, '')}/_cluster/health`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const status = health.ok ? ((await health.json()) as { status?: string }).status : undefined;
    if (status !== 'green' && status !== 'yellow')
      return { ok: false, error: `cluster status ${status ?? 'unknown'}` };
    return {
      ok: true,
      version: `${body.version?.distribution ?? 'opensearch'} ${body.version?.number ?? '?'}`,
    };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
}

const LOG4J2 = `# Written by syncoxide infra: OpenSearch logs to stdout, which the launcher appends to the engine's log.
status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %m%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
logger.deprecation.name = org.opensearch.deprecation
logger.deprecation.level = error
`;

async function prepare({ options }: PrepareContext): Promise<void> {
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(join(options.dataDir, 'log4j2.properties'), LOG4J2);
}

export const opensearchEngine: JvmEngine = {
  name: 'opensearch',
  version: OPENSEARCH_VERSION,
  artifacts: [
    `org.opensearch:opensearch:${OPENSEARCH_VERSION}`,
    ...MODULES.map(([artifact]) => `org.opensearch.plugin:${artifact}:${OPENSEARCH_VERSION}`),
    // OpenSearch declares Log4j's core as provided by its distribution; we are the distribution.
    'org.apache.logging.log4j:log4j-core:2.25.4',
  ],
  launcher: 'OpenSearchMain.java',
  mainClass: 'OpenSearchMain',
  jvmOptions: [
    '-Xms512m',
    '-Xmx1g',
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-Dio.netty.noUnsafe=true',
    '-Dio.netty.recycler.maxCapacityPerThread=0',
    '-Dlog4j2.disable.jmx=true',
  ],
  instanceJvmOptions: (options) => [
    `-Dlog4j2.configurationFile=${join(options.dataDir, 'log4j2.properties')}`,
  ],
  startTimeoutMs: 600_000,
  prepare,
  args: (options) => [
    options.dataDir,
    String(options.port),
    String(options.secondaryPort),
    ...MODULES.map(([, cls]) => cls),
  ],
  probe: (port, timeoutMs) => probeOpenSearch(`http://127.0.0.1:${port}`, timeoutMs),
};
