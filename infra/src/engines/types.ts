// What every engine module provides, and what a health probe reports.

export interface ProbeResult {
  ok: boolean;
  version?: string;
  error?: string;
}

/** One private or shared instance of a JVM engine: its ports and files. */
export interface JvmInstanceOptions {
  /** The client port: Bolt, Kafka clients, or OpenSearch HTTP. */
  port: number;
  /** Kafka's controller port or OpenSearch's transport port; unused by Neo4j. */
  secondaryPort: number;
  dataDir: string;
  logFile: string;
  pidFile: string;
}

export interface JvmEngine {
  name: 'neo4j' | 'kafka' | 'opensearch';
  version: string;
  /** Maven coordinates (group:artifact:version); their runtime dependencies come along. */
  artifacts: readonly string[];
  /** Our launcher's source file in infra/java, compiled once against the artifacts. */
  launcher?: string;
  mainClass: string;
  jvmOptions: readonly string[];
  /** JVM options that depend on the instance, such as the path of its logging configuration. */
  instanceJvmOptions?(options: JvmInstanceOptions): string[];
  /**
   * How long a start may take before we call it failed. Generous: on a 2-core machine loaded by
   * test suites Neo4j took over 5 minutes; an engine that dies is noticed at once anyway.
   */
  startTimeoutMs: number;
  /** Writes configuration, formats storage: whatever must exist before the first start. */
  prepare?(context: PrepareContext): Promise<void>;
  args(options: JvmInstanceOptions): string[];
  /** A log the engine writes itself, beside our stdout log; shown when a start fails. */
  detailLog?(options: JvmInstanceOptions): string;
  /** A fast check of a running instance on loopback; ok with the server's version. */
  probe(port: number, timeoutMs: number): Promise<ProbeResult>;
}

export interface PrepareContext {
  java: string;
  classpath: string;
  options: JvmInstanceOptions;
}

/** One short line for a failed probe: the root cause, not the driver's advice. */
export function errorText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return errorText(err.errors[0]);
  let message = err instanceof Error ? err.message : String(err);
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, ...) is its cause.
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error && cause.message && !message.includes(cause.message)) {
    message = `${message}: ${errorText(cause)}`;
  }
  // The Neo4j driver wraps the socket error in two sentences of advice.
  const causedBy = /Caused by: (.*)$/s.exec(message);
  if (causedBy?.[1]) message = `cannot connect: ${causedBy[1]}`;
  return message.split('\n')[0] || (err instanceof Error ? err.name : 'error');
}
