// Names of the indexer's engine objects, all derived from the configured prefixes so that
// several installations (or tests) can share one broker and one cluster.
import { graphDiffTopic } from '@syncoxide/core';

/** Version of the mapping below; a mapping change that needs a rebuild bumps it. */
export const FILES_MAPPING_VERSION = 1;

/** The alias every search and every write goes through (read and write). */
export function filesAlias(indexPrefix: string): string {
  return `${indexPrefix}-files`;
}

/** Pattern that matches every physical files index of this prefix and mapping version. */
export function filesIndexPattern(indexPrefix: string): string {
  return `${indexPrefix}-files-v${FILES_MAPPING_VERSION}-*`;
}

export function filesTemplateName(indexPrefix: string): string {
  return `${indexPrefix}-files-v${FILES_MAPPING_VERSION}`;
}

/** A new physical index: `<prefix>-files-v1-<UTC timestamp to the millisecond>`. */
export function newFilesIndexName(indexPrefix: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '').replace('T', 't').replace('Z', 'z');
  return `${indexPrefix}-files-v${FILES_MAPPING_VERSION}-${stamp}`;
}

/** Topic that receives events the indexer can never apply, with the reason. */
export function deadLetterTopic(topicPrefix: string): string {
  return `${topicPrefix}graph-diffs.dead-letter`;
}

export function defaultGroupId(topicPrefix: string): string {
  return `${topicPrefix}indexer`;
}

export { graphDiffTopic };
