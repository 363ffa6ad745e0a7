// @syncoxide/analytics: storage statistics, activity and cleanup reports over the search
// engine (files and events indexes) and the sync journal. Every query is scoped to one owner.
export { type ActivityOptions, storageActivity } from './activity.js';
export { type DuplicateOptions, duplicatesReport, groupDuplicates } from './cleanup/duplicates.js';
export { emptyFoldersReport } from './cleanup/empty-folders.js';
export { type ItemDoc, itemOf } from './cleanup/items.js';
export { type SimilarPhoto, similarPhotosReport } from './cleanup/similar-photos.js';
export { type SimpleReportOptions, simpleReport } from './cleanup/simple-reports.js';
export { reportToCsv } from './csv.js';
export { type EventsConsumerOptions, GraphEventsRecorder } from './events/consumer.js';
export {
  ensureEventsIndex,
  eventDocument,
  eventsIndex,
  eventsMappings,
  writeEvents,
} from './events/events-index.js';
export { folderTotals, largestFolders } from './folders.js';
export { AGE_BUCKETS, storageOverview } from './overview.js';
export type { Scope } from './scope.js';
export { TransfersRepository } from './transfers.repository.js';
export * from './types.js';
