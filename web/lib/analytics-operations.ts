// Operations of the Analytics and Cleanup pages (schema from the analytics package).
import { graphql } from './gql';

export const STORAGE_OVERVIEW = graphql(`
  query StorageOverview {
    storageOverview {
      files
      folders
      bytes
      trashFiles
      trashBytes
      byCategory {
        key
        files
        bytes
      }
      byRemote {
        key
        files
        bytes
      }
      byExtension(first: 10) {
        key
        files
        bytes
      }
      sizeDistribution {
        key
        files
        bytes
      }
      ageDistribution {
        key
        files
        bytes
      }
      growth {
        at
        files
        bytes
        totalFiles
        totalBytes
      }
      largestFolders(first: 8) {
        remoteId
        path
        files
        bytes
      }
    }
    transferStats(interval: MONTH) {
      at
      files
      bytes
    }
  }
`);

export const STORAGE_ACTIVITY = graphql(`
  query StorageActivity {
    storageActivity(days: 30, first: 8) {
      untouchedFiles
      untouchedBytes
      untouchedSince
      mostChangedFiles {
        fileId
        path
        changes
        lastChangedAt
      }
      activeFolders {
        remoteId
        path
        changes
      }
    }
    storageHealth {
      pendingOperations
      pendingBytes
      failedOperations
      indexerLag
      indexerLagError
    }
  }
`);

export const CLEANUP_ITEM_FIELDS = graphql(`
  fragment CleanupItemFields on CleanupItem {
    id
    name
    path
    kind
    size
    files
    group
    keep
    remoteId
    mtime
    reclaimableBytes
  }
`);

export const MAKE_CLEANUP_REPORT = graphql(`
  mutation MakeCleanupReport($kind: CleanupKind!, $options: CleanupReportOptions) {
    makeCleanupReport(kind: $kind, options: $options) {
      id
      kind
      totalItems
      groups
      reclaimableBytes
      truncated
      notes
      csvUrl
      jsonUrl
      items(first: 40) {
        ...CleanupItemFields
      }
    }
  }
`);

export const PLAN_CLEANUP = graphql(`
  mutation PlanCleanup($reportId: ID!, $itemIds: [ID!], $keep: DuplicateKeep) {
    planCleanup(reportId: $reportId, itemIds: $itemIds, keep: $keep) {
      id
      files
      bytes
      items {
        action
        item {
          ...CleanupItemFields
        }
      }
    }
  }
`);

export const EXECUTE_CLEANUP = graphql(`
  mutation ExecuteCleanup($planId: ID!) {
    executeCleanup(planId: $planId) {
      files
      freedBytes
      done {
        action
        item {
          ...CleanupItemFields
        }
      }
      skipped {
        reason
        item {
          ...CleanupItemFields
        }
      }
    }
  }
`);
