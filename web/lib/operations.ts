// Every GraphQL operation the dashboard sends, typed by codegen from gateway/schema.graphql.
import { graphql } from './gql';

export const FILE_FIELDS = graphql(`
  fragment FileFields on File {
    id
    name
    path
    kind
    size
    mime
    mtime
    updatedAt
    starred
    trashed
    trashedAt
    remoteId
    contentUrl
    sharedWithMe
  }
`);

export const ME = graphql(`
  query Me {
    me {
      id
      name
      email
    }
    remotes {
      id
      name
      type
    }
  }
`);

export const SIGN_IN = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      user {
        id
        name
      }
    }
  }
`);

export const SIGN_UP = graphql(`
  mutation SignUp($email: String!, $name: String!, $password: String!) {
    signUp(email: $email, name: $name, password: $password) {
      user {
        id
        name
      }
    }
  }
`);

export const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const HEALTH = graphql(`
  query Health {
    health {
      status
      engines {
        name
        ok
        version
        error
      }
    }
  }
`);

export const MY_DRIVE = graphql(`
  query MyDrive($sort: SortInput, $remoteId: ID, $after: String) {
    list: myDrive(first: 25, after: $after, sort: $sort, remoteId: $remoteId) {
      edges {
        node {
          ...FileFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RECENTS = graphql(`
  query Recents($sort: SortInput, $after: String) {
    list: recents(first: 25, after: $after, sort: $sort) {
      edges {
        node {
          ...FileFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const STARRED = graphql(`
  query Starred($sort: SortInput, $after: String) {
    list: starred(first: 25, after: $after, sort: $sort) {
      edges {
        node {
          ...FileFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SHARED_BY_ME = graphql(`
  query SharedByMe($sort: SortInput, $after: String) {
    list: sharedByMe(first: 25, after: $after, sort: $sort) {
      edges {
        node {
          ...FileFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SHARED_WITH_ME = graphql(`
  query SharedWithMe($sort: SortInput, $after: String) {
    list: sharedWithMe(first: 25, after: $after, sort: $sort) {
      edges {
        node {
          ...FileFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const TRASH = graphql(`
  query Trash($sort: SortInput, $after: String) {
    list: trash(first: 25, after: $after, sort: $sort) {
      edges {
        node {
          ...FileFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const FOLDER = graphql(`
  query Folder($id: ID!, $sort: SortInput, $after: String) {
    list: folder(id: $id, first: 25, after: $after, sort: $sort) {
      edges {
        node {
          ...FileFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    file(id: $id) {
      id
      name
      remoteId
      details {
        ancestors {
          id
          name
        }
      }
    }
  }
`);

export const COMPUTERS = graphql(`
  query Computers {
    computers(first: 20) {
      edges {
        node {
          id
          name
          hostname
          platform
          remotes {
            id
            name
            type
          }
        }
      }
    }
  }
`);

export const FILE_DETAILS = graphql(`
  query FileDetails($id: ID!) {
    file(id: $id) {
      ...FileFields
      md5
      sha1
      revision
      createdAt
      details {
        ancestors {
          id
          name
        }
        versions {
          id
          current
          size
          md5
          sha1
          etag
          mtime
          firstSeen
          lastSeen
        }
        copies {
          remoteName
          file {
            id
            path
          }
        }
        shares {
          id
          type
          role
          granteeId
          inherited
          expiresAt
        }
        syncRules {
          id
          name
          mode
          enabled
          status {
            result
            lastRunAt
            pendingToPath1
            pendingToPath2
          }
        }
      }
    }
  }
`);

export const SEARCH = graphql(`
  query Search($text: String, $filters: SearchFilters, $sort: SearchSort, $first: Int = 30) {
    search(
      text: $text
      filters: $filters
      sort: $sort
      first: $first
      highlight: true
      facets: [CATEGORY, EXTENSION, REMOTE, SIZE, MTIME]
    ) {
      total
      edges {
        highlight
        node {
          ...FileFields
        }
      }
      facets {
        category {
          key
          count
        }
        extension {
          key
          count
        }
        remote {
          key
          count
        }
        size {
          key
          count
          from
          to
        }
        modified {
          key
          count
          from
          to
        }
      }
    }
  }
`);

export const RENAME = graphql(`
  mutation Rename($id: ID!, $name: String!) {
    renameFile(id: $id, name: $name) {
      ...FileFields
    }
  }
`);

export const MOVE = graphql(`
  mutation Move($id: ID!, $to: ID!) {
    moveFile(id: $id, to: $to) {
      ...FileFields
    }
  }
`);

export const COPY = graphql(`
  mutation Copy($id: ID!, $to: ID!) {
    copyFile(id: $id, to: $to)
  }
`);

export const TRASH_FILE = graphql(`
  mutation TrashFile($id: ID!) {
    trashFile(id: $id) {
      ...FileFields
    }
  }
`);

export const RESTORE_FILE = graphql(`
  mutation RestoreFile($id: ID!) {
    restoreFile(id: $id) {
      ...FileFields
    }
  }
`);

export const PURGE_FILE = graphql(`
  mutation PurgeFile($id: ID!) {
    purgeFile(id: $id)
  }
`);

export const STAR_FILE = graphql(`
  mutation StarFile($id: ID!, $starred: Boolean!) {
    starFile(id: $id, starred: $starred) {
      ...FileFields
    }
  }
`);

export const CREATE_FOLDER = graphql(`
  mutation CreateFolder($parent: ID!, $name: String!) {
    createFolder(parent: $parent, name: $name) {
      ...FileFields
    }
  }
`);

export const REMOTES = graphql(`
  query Remotes {
    remotes {
      id
      name
      type
      root
      hashes
      createdAt
    }
  }
`);

export const REMOTE_STATUS = graphql(`
  query RemoteStatus {
    remotes {
      id
      status {
        connected
        error
        used
        free
        total
      }
    }
  }
`);

export const CONNECT_REMOTE = graphql(`
  mutation ConnectRemote($name: String!, $config: JSON!) {
    connectRemote(name: $name, config: $config) {
      remote {
        id
        name
        type
      }
      scan {
        entries
        created
      }
    }
  }
`);

export const TEST_REMOTE = graphql(`
  mutation TestRemote($config: JSON!) {
    testRemote(config: $config) {
      connected
      error
      used
      free
      total
    }
  }
`);

export const SCAN_REMOTE = graphql(`
  mutation ScanRemote($id: ID!) {
    scanRemote(id: $id) {
      entries
      created
      modified
      deleted
      moved
    }
  }
`);

export const REMOVE_REMOTE = graphql(`
  mutation RemoveRemote($id: ID!) {
    removeRemote(id: $id)
  }
`);

export const SYNC_RULE_FIELDS = graphql(`
  fragment SyncRuleFields on SyncRule {
    id
    name
    mode
    enabled
    rule
    updatedAt
    status {
      result
      reason
      lastRunAt
      movedFiles
      movedBytes
      operationsDone
      operationsFailed
      pendingToPath1
      pendingToPath2
      errors
      notes
    }
  }
`);

export const SYNC_RULES = graphql(`
  query SyncRules {
    syncRules {
      ...SyncRuleFields
    }
    remotes {
      id
      name
      type
    }
  }
`);

export const CREATE_SYNC_RULE = graphql(`
  mutation CreateSyncRule($name: String!, $rule: JSON!) {
    createSyncRule(name: $name, rule: $rule) {
      ...SyncRuleFields
    }
  }
`);

export const RUN_SYNC_RULE = graphql(`
  mutation RunSyncRule($id: ID!, $force: Boolean) {
    runSyncRule(id: $id, force: $force) {
      result
      movedFiles
      operationsDone
      operationsFailed
      errors
    }
  }
`);

export const SET_SYNC_RULE_ENABLED = graphql(`
  mutation SetSyncRuleEnabled($id: ID!, $enabled: Boolean!) {
    setSyncRuleEnabled(id: $id, enabled: $enabled) {
      ...SyncRuleFields
    }
  }
`);

export const DELETE_SYNC_RULE = graphql(`
  mutation DeleteSyncRule($id: ID!) {
    deleteSyncRule(id: $id)
  }
`);

export const SYNC_PROGRESS = graphql(`
  subscription SyncProgress {
    syncProgress {
      ruleId
      stage
      operations
      done
      failed
      bytes
      path
      result
      at
    }
  }
`);

export const FILE_CHANGES = graphql(`
  subscription FileChanges {
    fileChanges {
      change
      fileId
      remoteId
      path
      at
    }
  }
`);

export const NOTIFICATIONS = graphql(`
  subscription Notifications {
    notifications {
      kind
      message
      at
    }
  }
`);
