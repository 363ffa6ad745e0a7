export { categoryOf, extensionOf, FILE_CATEGORIES, type FileCategory } from './category.js';
export { createSearchClient, type SearchClientOptions, searchClientFromConfig } from './client.js';
export { GraphDiffIndexer, type IndexerOptions, type IndexerStats } from './consumer.js';
export { DEAD_LETTER_HEADERS } from './dead-letter.js';
export { ancestorFolderKeys, type FileDocument, type PhotoFields, toFileDocument } from './document.js';
export { dropFilesIndexes, ensureFilesIndex, resolveFilesAlias } from './indexes.js';
export { createKafka, kafkaFromConfig } from './kafka.js';
export { type ConsumerLag, getConsumerLag, type PartitionLag } from './lag.js';
export { filesMappings } from './mapping.js';
export { deadLetterTopic, defaultGroupId, filesAlias, graphDiffTopic, newFilesIndexName } from './names.js';
export { dropOwnerDocuments } from './owner.js';
export { type PurgeOptions, type PurgeResult, purgeTombstones } from './purge.js';
export { type ReindexOptions, type ReindexResult, reindex, type SourceNode } from './reindex.js';
export {
  buildFileSearch,
  type Facet,
  type FileSearchFilters,
  type FileSearchParams,
  MAX_PAGE_SIZE,
  SIZE_RANGES,
  type SortField,
} from './search/query.js';
export {
  type Bucket,
  type FileFacets,
  type FileHit,
  type FileSearchResult,
  type HistogramBucket,
  type RangeBucket,
  searchFiles,
} from './search/search.js';
