// Settings and mappings of the files index. Only features Elasticsearch shares with OpenSearch
// (composable template, edge_ngram, word_delimiter_graph, path_hierarchy, geo_point), so an
// Elasticsearch cluster can take OpenSearch's place.
import { FILES_MAPPING_VERSION, filesIndexPattern } from './names.js';

/**
 * Name analysis. A name is split on whitespace first, then into word parts by
 * word_delimiter_graph (camelCase, snake_case, dots, hyphens, letter/digit boundaries) while
 * keeping the original token, so "quarterlyReport_final.pdf" is found by "report", by "final"
 * and by itself. The standard tokenizer is avoided because it would glue "final.pdf" and
 * "quarterlyReport_final" into single tokens before the word parts could be split.
 */
const analysis = {
  normalizer: {
    lowercase_folded: { type: 'custom', filter: ['lowercase', 'asciifolding'] },
  },
  filter: {
    name_parts: {
      type: 'word_delimiter_graph',
      preserve_original: true,
      split_on_case_change: true,
      split_on_numerics: true,
      generate_word_parts: true,
      generate_number_parts: true,
      stem_english_possessive: false,
    },
    // At search time the original is not kept: the parts alone must match, so a typed
    // "quarterlyReport" matches "QuarterlyReport.xlsx" and "quarterly-report.pdf" alike.
    name_parts_query: {
      type: 'word_delimiter_graph',
      preserve_original: false,
      split_on_case_change: true,
      split_on_numerics: true,
      generate_word_parts: true,
      generate_number_parts: true,
      stem_english_possessive: false,
    },
    name_edge: { type: 'edge_ngram', min_gram: 1, max_gram: 30 },
  },
  tokenizer: {
    path_tree: { type: 'path_hierarchy', delimiter: '/' },
  },
  analyzer: {
    // flatten_graph: a graph token stream (preserve_original makes one) must be flattened
    // before it is indexed.
    name_words: {
      type: 'custom',
      tokenizer: 'whitespace',
      filter: ['name_parts', 'flatten_graph', 'lowercase', 'asciifolding'],
    },
    name_prefix: {
      type: 'custom',
      tokenizer: 'whitespace',
      filter: ['name_parts', 'flatten_graph', 'lowercase', 'asciifolding', 'name_edge'],
    },
    name_query: {
      type: 'custom',
      tokenizer: 'whitespace',
      filter: ['name_parts_query', 'lowercase', 'asciifolding'],
    },
    path_tree: { type: 'custom', tokenizer: 'path_tree' },
  },
};

const keyword = { type: 'keyword' } as const;
const date = { type: 'date', format: 'strict_date_optional_time||epoch_millis' } as const;

export const filesMappings = {
  // Unknown fields are kept in _source but not indexed: a newer writer adding a field must
  // not make an older index refuse (and dead-letter) every event until the next reindex.
  dynamic: false,
  _meta: { mappingVersion: FILES_MAPPING_VERSION },
  properties: {
    nodeId: keyword,
    kind: keyword,
    ownerId: keyword,
    remoteId: keyword,
    name: {
      type: 'text',
      analyzer: 'name_words',
      search_analyzer: 'name_query',
      fields: {
        prefix: { type: 'text', analyzer: 'name_prefix', search_analyzer: 'name_query' },
        sort: { type: 'keyword', normalizer: 'lowercase_folded', ignore_above: 1024 },
      },
    },
    // path_hierarchy turns "a/b/c.txt" into "a", "a/b", "a/b/c.txt": a term on a folder
    // path then selects its whole subtree. Paths are matched case-sensitively, like providers.
    path: {
      type: 'text',
      analyzer: 'path_tree',
      search_analyzer: 'keyword',
      norms: false,
      fields: { keyword: { type: 'keyword', ignore_above: 4096 } },
    },
    // Indexes created before this field fall back to a script (analytics checks the mapping).
    folders: keyword,
    extension: { type: 'keyword', normalizer: 'lowercase_folded' },
    category: keyword,
    mime: { type: 'keyword', normalizer: 'lowercase_folded' },
    size: { type: 'long' },
    mtime: date,
    md5: keyword,
    sha1: keyword,
    providerId: keyword,
    logicalId: keyword,
    sharedWith: keyword,
    starred: { type: 'boolean' },
    trashed: { type: 'boolean' },
    deleted: { type: 'boolean' },
    deletedAt: date,
    revision: { type: 'long' },
    /** When the graph committed the change this document reflects. */
    changedAt: date,
    photo: {
      properties: {
        takenAt: date,
        camera: keyword,
        lens: keyword,
        width: { type: 'integer' },
        height: { type: 'integer' },
        location: { type: 'geo_point' },
      },
    },
  },
} as const;

export interface FilesIndexOptions {
  /** Primary shards of a new physical index (default 1: one user's files are small). */
  shards?: number;
  /** Extra index settings, e.g. `{ 'index.gc_deletes': '0ms' }` in a test. */
  settings?: Record<string, unknown>;
}

export function filesSettings(options: FilesIndexOptions = {}): Record<string, unknown> {
  return {
    'index.number_of_shards': options.shards ?? 1,
    // One replica once a second node exists; none on a single node (else the index is yellow).
    'index.auto_expand_replicas': '0-1',
    'index.analysis': analysis,
  };
}

/** Body of the composable index template that gives every physical files index its mapping. */
export function filesTemplate(indexPrefix: string, options: FilesIndexOptions = {}) {
  return {
    index_patterns: [filesIndexPattern(indexPrefix)],
    priority: 100,
    template: { settings: filesSettings(options), mappings: filesMappings },
    _meta: { owner: 'syncoxide-indexer', mappingVersion: FILES_MAPPING_VERSION },
  };
}
