/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query StorageOverview {\n    storageOverview {\n      files\n      folders\n      bytes\n      trashFiles\n      trashBytes\n      byCategory {\n        key\n        files\n        bytes\n      }\n      byRemote {\n        key\n        files\n        bytes\n      }\n      byExtension(first: 10) {\n        key\n        files\n        bytes\n      }\n      sizeDistribution {\n        key\n        files\n        bytes\n      }\n      ageDistribution {\n        key\n        files\n        bytes\n      }\n      growth {\n        at\n        files\n        bytes\n        totalFiles\n        totalBytes\n      }\n      largestFolders(first: 8) {\n        remoteId\n        path\n        files\n        bytes\n      }\n    }\n    transferStats(interval: MONTH) {\n      at\n      files\n      bytes\n    }\n  }\n": typeof types.StorageOverviewDocument,
    "\n  query StorageActivity {\n    storageActivity(days: 30, first: 8) {\n      untouchedFiles\n      untouchedBytes\n      untouchedSince\n      mostChangedFiles {\n        fileId\n        path\n        changes\n        lastChangedAt\n      }\n      activeFolders {\n        remoteId\n        path\n        changes\n      }\n    }\n    storageHealth {\n      pendingOperations\n      pendingBytes\n      failedOperations\n      indexerLag\n      indexerLagError\n    }\n  }\n": typeof types.StorageActivityDocument,
    "\n  fragment CleanupItemFields on CleanupItem {\n    id\n    name\n    path\n    kind\n    size\n    files\n    group\n    keep\n    remoteId\n    mtime\n    reclaimableBytes\n  }\n": typeof types.CleanupItemFieldsFragmentDoc,
    "\n  mutation MakeCleanupReport($kind: CleanupKind!, $options: CleanupReportOptions) {\n    makeCleanupReport(kind: $kind, options: $options) {\n      id\n      kind\n      totalItems\n      groups\n      reclaimableBytes\n      truncated\n      notes\n      csvUrl\n      jsonUrl\n      items(first: 40) {\n        ...CleanupItemFields\n      }\n    }\n  }\n": typeof types.MakeCleanupReportDocument,
    "\n  mutation PlanCleanup($reportId: ID!, $itemIds: [ID!], $keep: DuplicateKeep) {\n    planCleanup(reportId: $reportId, itemIds: $itemIds, keep: $keep) {\n      id\n      files\n      bytes\n      items {\n        action\n        item {\n          ...CleanupItemFields\n        }\n      }\n    }\n  }\n": typeof types.PlanCleanupDocument,
    "\n  mutation ExecuteCleanup($planId: ID!) {\n    executeCleanup(planId: $planId) {\n      files\n      freedBytes\n      done {\n        action\n        item {\n          ...CleanupItemFields\n        }\n      }\n      skipped {\n        reason\n        item {\n          ...CleanupItemFields\n        }\n      }\n    }\n  }\n": typeof types.ExecuteCleanupDocument,
    "\n  query MyKeyPair {\n    myKeyPair {\n      fingerprint\n      publicKey\n      privateKey\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.MyKeyPairDocument,
    "\n  mutation SetMyKeyPair($publicKey: String!, $privateKey: String!) {\n    setMyKeyPair(publicKey: $publicKey, privateKey: $privateKey) {\n      fingerprint\n      publicKey\n      privateKey\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.SetMyKeyPairDocument,
    "\n  mutation DeleteMyKeyPair {\n    deleteMyKeyPair\n  }\n": typeof types.DeleteMyKeyPairDocument,
    "\n  query EncryptedShare($id: ID!) {\n    userShare(id: $id) {\n      id\n      name\n      sessionKey\n      encryptedFiles {\n        path\n        size\n        sha256\n        updatedAt\n      }\n    }\n  }\n": typeof types.EncryptedShareDocument,
    "\n  mutation CreateShareLink(\n    $file: ID!\n    $password: String\n    $expiresAt: DateTime\n    $maxDownloads: Int\n    $previewOnly: Boolean\n    $requirePgp: Boolean\n    $note: String\n  ) {\n    createShareLink(\n      file: $file\n      password: $password\n      expiresAt: $expiresAt\n      maxDownloads: $maxDownloads\n      previewOnly: $previewOnly\n      requirePgp: $requirePgp\n      note: $note\n    ) {\n      id\n      token\n      url\n      kind\n      name\n    }\n  }\n": typeof types.CreateShareLinkDocument,
    "\n  mutation CreateFileRequest(\n    $destination: ID!\n    $title: String!\n    $description: String\n    $deadline: DateTime\n    $lateUploads: LateUploads\n    $password: String\n    $maxFileBytes: Float\n    $maxFiles: Int\n    $allowedTypes: [String!]\n  ) {\n    createFileRequest(\n      destination: $destination\n      title: $title\n      description: $description\n      deadline: $deadline\n      lateUploads: $lateUploads\n      password: $password\n      maxFileBytes: $maxFileBytes\n      maxFiles: $maxFiles\n      allowedTypes: $allowedTypes\n    ) {\n      id\n      token\n      url\n      title\n    }\n  }\n": typeof types.CreateFileRequestDocument,
    "\n  query MyLinks {\n    shareLinks {\n      id\n      token\n      url\n      name\n      kind\n      state\n      views\n      downloads\n      maxDownloads\n      expiresAt\n      hasPassword\n      previewOnly\n      requirePgp\n      note\n      createdAt\n    }\n    fileRequests {\n      id\n      token\n      url\n      title\n      folderPath\n      open\n      closedAt\n      deadline\n      hasPassword\n      createdAt\n      uploads {\n        path\n        size\n        late\n        uploadedAt\n      }\n    }\n  }\n": typeof types.MyLinksDocument,
    "\n  mutation RevokeShareLink($id: ID!) {\n    revokeShareLink(id: $id) {\n      id\n      state\n    }\n  }\n": typeof types.RevokeShareLinkDocument,
    "\n  mutation SetFileRequestOpen($id: ID!, $open: Boolean!) {\n    setFileRequestOpen(id: $id, open: $open) {\n      id\n      open\n      closedAt\n    }\n  }\n": typeof types.SetFileRequestOpenDocument,
    "\n  fragment FileFields on File {\n    id\n    name\n    path\n    kind\n    size\n    mime\n    mtime\n    updatedAt\n    starred\n    trashed\n    trashedAt\n    remoteId\n    contentUrl\n    sharedWithMe\n  }\n": typeof types.FileFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n    remotes {\n      id\n      name\n      type\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Health {\n    health {\n      status\n      engines {\n        name\n        ok\n        version\n        error\n      }\n    }\n  }\n": typeof types.HealthDocument,
    "\n  query MyDrive($sort: SortInput, $remoteId: ID, $after: String) {\n    list: myDrive(first: 25, after: $after, sort: $sort, remoteId: $remoteId) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyDriveDocument,
    "\n  query Recents($sort: SortInput, $after: String) {\n    list: recents(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RecentsDocument,
    "\n  query Starred($sort: SortInput, $after: String) {\n    list: starred(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.StarredDocument,
    "\n  query SharedByMe($sort: SortInput, $after: String) {\n    list: sharedByMe(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SharedByMeDocument,
    "\n  query SharedWithMe($sort: SortInput, $after: String) {\n    list: sharedWithMe(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SharedWithMeDocument,
    "\n  query Trash($sort: SortInput, $after: String) {\n    list: trash(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TrashDocument,
    "\n  query Folder($id: ID!, $sort: SortInput, $after: String) {\n    list: folder(id: $id, first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    file(id: $id) {\n      id\n      name\n      remoteId\n      details {\n        ancestors {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.FolderDocument,
    "\n  query Computers {\n    computers(first: 20) {\n      edges {\n        node {\n          id\n          name\n          hostname\n          platform\n          remotes {\n            id\n            name\n            type\n          }\n        }\n      }\n    }\n  }\n": typeof types.ComputersDocument,
    "\n  query FileDetails($id: ID!) {\n    file(id: $id) {\n      ...FileFields\n      md5\n      sha1\n      revision\n      createdAt\n      details {\n        ancestors {\n          id\n          name\n        }\n        versions {\n          id\n          current\n          size\n          md5\n          sha1\n          etag\n          mtime\n          firstSeen\n          lastSeen\n        }\n        copies {\n          remoteName\n          file {\n            id\n            path\n          }\n        }\n        shares {\n          id\n          type\n          role\n          granteeId\n          inherited\n          expiresAt\n        }\n        syncRules {\n          id\n          name\n          mode\n          enabled\n          status {\n            result\n            lastRunAt\n            pendingToPath1\n            pendingToPath2\n          }\n        }\n      }\n    }\n  }\n": typeof types.FileDetailsDocument,
    "\n  query Search($text: String, $filters: SearchFilters, $sort: SearchSort, $first: Int = 30) {\n    search(\n      text: $text\n      filters: $filters\n      sort: $sort\n      first: $first\n      highlight: true\n      facets: [CATEGORY, EXTENSION, REMOTE, SIZE, MTIME]\n    ) {\n      total\n      edges {\n        highlight\n        node {\n          ...FileFields\n        }\n      }\n      facets {\n        category {\n          key\n          count\n        }\n        extension {\n          key\n          count\n        }\n        remote {\n          key\n          count\n        }\n        size {\n          key\n          count\n          from\n          to\n        }\n        modified {\n          key\n          count\n          from\n          to\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  mutation Rename($id: ID!, $name: String!) {\n    renameFile(id: $id, name: $name) {\n      ...FileFields\n    }\n  }\n": typeof types.RenameDocument,
    "\n  mutation Move($id: ID!, $to: ID!) {\n    moveFile(id: $id, to: $to) {\n      ...FileFields\n    }\n  }\n": typeof types.MoveDocument,
    "\n  mutation Copy($id: ID!, $to: ID!) {\n    copyFile(id: $id, to: $to)\n  }\n": typeof types.CopyDocument,
    "\n  mutation TrashFile($id: ID!) {\n    trashFile(id: $id) {\n      ...FileFields\n    }\n  }\n": typeof types.TrashFileDocument,
    "\n  mutation RestoreFile($id: ID!) {\n    restoreFile(id: $id) {\n      ...FileFields\n    }\n  }\n": typeof types.RestoreFileDocument,
    "\n  mutation PurgeFile($id: ID!) {\n    purgeFile(id: $id)\n  }\n": typeof types.PurgeFileDocument,
    "\n  mutation StarFile($id: ID!, $starred: Boolean!) {\n    starFile(id: $id, starred: $starred) {\n      ...FileFields\n    }\n  }\n": typeof types.StarFileDocument,
    "\n  mutation CreateFolder($parent: ID!, $name: String!) {\n    createFolder(parent: $parent, name: $name) {\n      ...FileFields\n    }\n  }\n": typeof types.CreateFolderDocument,
    "\n  query Remotes {\n    remotes {\n      id\n      name\n      type\n      root\n      hashes\n      createdAt\n    }\n  }\n": typeof types.RemotesDocument,
    "\n  query RemoteStatus {\n    remotes {\n      id\n      status {\n        connected\n        error\n        used\n        free\n        total\n      }\n    }\n  }\n": typeof types.RemoteStatusDocument,
    "\n  mutation ConnectRemote($name: String!, $config: JSON!) {\n    connectRemote(name: $name, config: $config) {\n      remote {\n        id\n        name\n        type\n      }\n      scan {\n        entries\n        created\n      }\n    }\n  }\n": typeof types.ConnectRemoteDocument,
    "\n  mutation TestRemote($config: JSON!) {\n    testRemote(config: $config) {\n      connected\n      error\n      used\n      free\n      total\n    }\n  }\n": typeof types.TestRemoteDocument,
    "\n  mutation ScanRemote($id: ID!) {\n    scanRemote(id: $id) {\n      entries\n      created\n      modified\n      deleted\n      moved\n    }\n  }\n": typeof types.ScanRemoteDocument,
    "\n  mutation RemoveRemote($id: ID!) {\n    removeRemote(id: $id)\n  }\n": typeof types.RemoveRemoteDocument,
    "\n  fragment SyncRuleFields on SyncRule {\n    id\n    name\n    mode\n    enabled\n    rule\n    updatedAt\n    status {\n      result\n      reason\n      lastRunAt\n      movedFiles\n      movedBytes\n      operationsDone\n      operationsFailed\n      pendingToPath1\n      pendingToPath2\n      errors\n      notes\n    }\n  }\n": typeof types.SyncRuleFieldsFragmentDoc,
    "\n  query SyncRules {\n    syncRules {\n      ...SyncRuleFields\n    }\n    remotes {\n      id\n      name\n      type\n    }\n  }\n": typeof types.SyncRulesDocument,
    "\n  mutation CreateSyncRule($name: String!, $rule: JSON!) {\n    createSyncRule(name: $name, rule: $rule) {\n      ...SyncRuleFields\n    }\n  }\n": typeof types.CreateSyncRuleDocument,
    "\n  mutation RunSyncRule($id: ID!, $force: Boolean) {\n    runSyncRule(id: $id, force: $force) {\n      result\n      movedFiles\n      operationsDone\n      operationsFailed\n      errors\n    }\n  }\n": typeof types.RunSyncRuleDocument,
    "\n  mutation SetSyncRuleEnabled($id: ID!, $enabled: Boolean!) {\n    setSyncRuleEnabled(id: $id, enabled: $enabled) {\n      ...SyncRuleFields\n    }\n  }\n": typeof types.SetSyncRuleEnabledDocument,
    "\n  mutation DeleteSyncRule($id: ID!) {\n    deleteSyncRule(id: $id)\n  }\n": typeof types.DeleteSyncRuleDocument,
    "\n  subscription SyncProgress {\n    syncProgress {\n      ruleId\n      stage\n      operations\n      done\n      failed\n      bytes\n      path\n      result\n      at\n    }\n  }\n": typeof types.SyncProgressDocument,
    "\n  subscription FileChanges {\n    fileChanges {\n      change\n      fileId\n      remoteId\n      path\n      at\n    }\n  }\n": typeof types.FileChangesDocument,
    "\n  subscription Notifications {\n    notifications {\n      kind\n      message\n      at\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  fragment UserShareFields on UserShare {\n    id\n    name\n    kind\n    access\n    state\n    byMe\n    encrypted\n    message\n    placement\n    createdAt\n    respondedAt\n    endedAt\n    keptCopy\n    invitationExpiresAt\n    lastSyncedAt\n    lastSyncResult\n    sharedBy {\n      id\n      email\n      name\n    }\n    sharedWith {\n      id\n      email\n      name\n    }\n    location {\n      path\n      remote {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UserShareFieldsFragmentDoc,
    "\n  query UserSharesByMe {\n    userSharesByMe {\n      ...UserShareFields\n    }\n  }\n": typeof types.UserSharesByMeDocument,
    "\n  query UserSharesWithMe {\n    userSharesWithMe {\n      ...UserShareFields\n    }\n  }\n": typeof types.UserSharesWithMeDocument,
    "\n  mutation ShareWithUser(\n    $file: ID!\n    $email: String!\n    $access: ShareAccess!\n    $message: String\n    $sync: ShareSyncInput\n    $encrypted: Boolean\n  ) {\n    shareWithUser(file: $file, email: $email, access: $access, message: $message, sync: $sync, encrypted: $encrypted) {\n      inviteUrl\n      share {\n        ...UserShareFields\n      }\n    }\n  }\n": typeof types.ShareWithUserDocument,
    "\n  mutation AcceptShare($id: ID!, $placement: SharePlacement!, $remote: ID, $path: String) {\n    acceptShare(id: $id, placement: $placement, remote: $remote, path: $path) {\n      share {\n        ...UserShareFields\n      }\n      firstSync {\n        result\n        toRecipient\n        toSharer\n        conflicts\n      }\n    }\n  }\n": typeof types.AcceptShareDocument,
    "\n  mutation DeclineShare($id: ID!) {\n    declineShare(id: $id) {\n      ...UserShareFields\n    }\n  }\n": typeof types.DeclineShareDocument,
    "\n  mutation RedeemShareInvitation($token: String!) {\n    redeemShareInvitation(token: $token) {\n      ...UserShareFields\n    }\n  }\n": typeof types.RedeemShareInvitationDocument,
    "\n  mutation SyncShare($id: ID!) {\n    syncShare(id: $id) {\n      result\n      toRecipient\n      toSharer\n      conflicts\n    }\n  }\n": typeof types.SyncShareDocument,
    "\n  mutation RevokeUserShare($id: ID!, $keepRecipientCopy: Boolean!) {\n    revokeUserShare(id: $id, keepRecipientCopy: $keepRecipientCopy) {\n      ...UserShareFields\n    }\n  }\n": typeof types.RevokeUserShareDocument,
    "\n  mutation LeaveShare($id: ID!, $keepCopy: Boolean) {\n    leaveShare(id: $id, keepCopy: $keepCopy) {\n      ...UserShareFields\n    }\n  }\n": typeof types.LeaveShareDocument,
    "\n  query NotificationList($first: Int, $unreadOnly: Boolean, $before: DateTime) {\n    unreadNotificationCount\n    notificationList(first: $first, unreadOnly: $unreadOnly, before: $before) {\n      id\n      kind\n      title\n      message\n      read\n      createdAt\n      data\n    }\n  }\n": typeof types.NotificationListDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query NotificationSettings {\n    emailNotificationsAvailable\n    notificationSettings {\n      kind\n      about\n      inApp\n      email\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($settings: [NotificationSettingInput!]!) {\n    updateNotificationSettings(settings: $settings) {\n      kind\n      about\n      inApp\n      email\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
};
const documents: Documents = {
    "\n  query StorageOverview {\n    storageOverview {\n      files\n      folders\n      bytes\n      trashFiles\n      trashBytes\n      byCategory {\n        key\n        files\n        bytes\n      }\n      byRemote {\n        key\n        files\n        bytes\n      }\n      byExtension(first: 10) {\n        key\n        files\n        bytes\n      }\n      sizeDistribution {\n        key\n        files\n        bytes\n      }\n      ageDistribution {\n        key\n        files\n        bytes\n      }\n      growth {\n        at\n        files\n        bytes\n        totalFiles\n        totalBytes\n      }\n      largestFolders(first: 8) {\n        remoteId\n        path\n        files\n        bytes\n      }\n    }\n    transferStats(interval: MONTH) {\n      at\n      files\n      bytes\n    }\n  }\n": types.StorageOverviewDocument,
    "\n  query StorageActivity {\n    storageActivity(days: 30, first: 8) {\n      untouchedFiles\n      untouchedBytes\n      untouchedSince\n      mostChangedFiles {\n        fileId\n        path\n        changes\n        lastChangedAt\n      }\n      activeFolders {\n        remoteId\n        path\n        changes\n      }\n    }\n    storageHealth {\n      pendingOperations\n      pendingBytes\n      failedOperations\n      indexerLag\n      indexerLagError\n    }\n  }\n": types.StorageActivityDocument,
    "\n  fragment CleanupItemFields on CleanupItem {\n    id\n    name\n    path\n    kind\n    size\n    files\n    group\n    keep\n    remoteId\n    mtime\n    reclaimableBytes\n  }\n": types.CleanupItemFieldsFragmentDoc,
    "\n  mutation MakeCleanupReport($kind: CleanupKind!, $options: CleanupReportOptions) {\n    makeCleanupReport(kind: $kind, options: $options) {\n      id\n      kind\n      totalItems\n      groups\n      reclaimableBytes\n      truncated\n      notes\n      csvUrl\n      jsonUrl\n      items(first: 40) {\n        ...CleanupItemFields\n      }\n    }\n  }\n": types.MakeCleanupReportDocument,
    "\n  mutation PlanCleanup($reportId: ID!, $itemIds: [ID!], $keep: DuplicateKeep) {\n    planCleanup(reportId: $reportId, itemIds: $itemIds, keep: $keep) {\n      id\n      files\n      bytes\n      items {\n        action\n        item {\n          ...CleanupItemFields\n        }\n      }\n    }\n  }\n": types.PlanCleanupDocument,
    "\n  mutation ExecuteCleanup($planId: ID!) {\n    executeCleanup(planId: $planId) {\n      files\n      freedBytes\n      done {\n        action\n        item {\n          ...CleanupItemFields\n        }\n      }\n      skipped {\n        reason\n        item {\n          ...CleanupItemFields\n        }\n      }\n    }\n  }\n": types.ExecuteCleanupDocument,
    "\n  query MyKeyPair {\n    myKeyPair {\n      fingerprint\n      publicKey\n      privateKey\n      createdAt\n      updatedAt\n    }\n  }\n": types.MyKeyPairDocument,
    "\n  mutation SetMyKeyPair($publicKey: String!, $privateKey: String!) {\n    setMyKeyPair(publicKey: $publicKey, privateKey: $privateKey) {\n      fingerprint\n      publicKey\n      privateKey\n      createdAt\n      updatedAt\n    }\n  }\n": types.SetMyKeyPairDocument,
    "\n  mutation DeleteMyKeyPair {\n    deleteMyKeyPair\n  }\n": types.DeleteMyKeyPairDocument,
    "\n  query EncryptedShare($id: ID!) {\n    userShare(id: $id) {\n      id\n      name\n      sessionKey\n      encryptedFiles {\n        path\n        size\n        sha256\n        updatedAt\n      }\n    }\n  }\n": types.EncryptedShareDocument,
    "\n  mutation CreateShareLink(\n    $file: ID!\n    $password: String\n    $expiresAt: DateTime\n    $maxDownloads: Int\n    $previewOnly: Boolean\n    $requirePgp: Boolean\n    $note: String\n  ) {\n    createShareLink(\n      file: $file\n      password: $password\n      expiresAt: $expiresAt\n      maxDownloads: $maxDownloads\n      previewOnly: $previewOnly\n      requirePgp: $requirePgp\n      note: $note\n    ) {\n      id\n      token\n      url\n      kind\n      name\n    }\n  }\n": types.CreateShareLinkDocument,
    "\n  mutation CreateFileRequest(\n    $destination: ID!\n    $title: String!\n    $description: String\n    $deadline: DateTime\n    $lateUploads: LateUploads\n    $password: String\n    $maxFileBytes: Float\n    $maxFiles: Int\n    $allowedTypes: [String!]\n  ) {\n    createFileRequest(\n      destination: $destination\n      title: $title\n      description: $description\n      deadline: $deadline\n      lateUploads: $lateUploads\n      password: $password\n      maxFileBytes: $maxFileBytes\n      maxFiles: $maxFiles\n      allowedTypes: $allowedTypes\n    ) {\n      id\n      token\n      url\n      title\n    }\n  }\n": types.CreateFileRequestDocument,
    "\n  query MyLinks {\n    shareLinks {\n      id\n      token\n      url\n      name\n      kind\n      state\n      views\n      downloads\n      maxDownloads\n      expiresAt\n      hasPassword\n      previewOnly\n      requirePgp\n      note\n      createdAt\n    }\n    fileRequests {\n      id\n      token\n      url\n      title\n      folderPath\n      open\n      closedAt\n      deadline\n      hasPassword\n      createdAt\n      uploads {\n        path\n        size\n        late\n        uploadedAt\n      }\n    }\n  }\n": types.MyLinksDocument,
    "\n  mutation RevokeShareLink($id: ID!) {\n    revokeShareLink(id: $id) {\n      id\n      state\n    }\n  }\n": types.RevokeShareLinkDocument,
    "\n  mutation SetFileRequestOpen($id: ID!, $open: Boolean!) {\n    setFileRequestOpen(id: $id, open: $open) {\n      id\n      open\n      closedAt\n    }\n  }\n": types.SetFileRequestOpenDocument,
    "\n  fragment FileFields on File {\n    id\n    name\n    path\n    kind\n    size\n    mime\n    mtime\n    updatedAt\n    starred\n    trashed\n    trashedAt\n    remoteId\n    contentUrl\n    sharedWithMe\n  }\n": types.FileFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n    remotes {\n      id\n      name\n      type\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Health {\n    health {\n      status\n      engines {\n        name\n        ok\n        version\n        error\n      }\n    }\n  }\n": types.HealthDocument,
    "\n  query MyDrive($sort: SortInput, $remoteId: ID, $after: String) {\n    list: myDrive(first: 25, after: $after, sort: $sort, remoteId: $remoteId) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyDriveDocument,
    "\n  query Recents($sort: SortInput, $after: String) {\n    list: recents(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RecentsDocument,
    "\n  query Starred($sort: SortInput, $after: String) {\n    list: starred(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.StarredDocument,
    "\n  query SharedByMe($sort: SortInput, $after: String) {\n    list: sharedByMe(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SharedByMeDocument,
    "\n  query SharedWithMe($sort: SortInput, $after: String) {\n    list: sharedWithMe(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SharedWithMeDocument,
    "\n  query Trash($sort: SortInput, $after: String) {\n    list: trash(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TrashDocument,
    "\n  query Folder($id: ID!, $sort: SortInput, $after: String) {\n    list: folder(id: $id, first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    file(id: $id) {\n      id\n      name\n      remoteId\n      details {\n        ancestors {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.FolderDocument,
    "\n  query Computers {\n    computers(first: 20) {\n      edges {\n        node {\n          id\n          name\n          hostname\n          platform\n          remotes {\n            id\n            name\n            type\n          }\n        }\n      }\n    }\n  }\n": types.ComputersDocument,
    "\n  query FileDetails($id: ID!) {\n    file(id: $id) {\n      ...FileFields\n      md5\n      sha1\n      revision\n      createdAt\n      details {\n        ancestors {\n          id\n          name\n        }\n        versions {\n          id\n          current\n          size\n          md5\n          sha1\n          etag\n          mtime\n          firstSeen\n          lastSeen\n        }\n        copies {\n          remoteName\n          file {\n            id\n            path\n          }\n        }\n        shares {\n          id\n          type\n          role\n          granteeId\n          inherited\n          expiresAt\n        }\n        syncRules {\n          id\n          name\n          mode\n          enabled\n          status {\n            result\n            lastRunAt\n            pendingToPath1\n            pendingToPath2\n          }\n        }\n      }\n    }\n  }\n": types.FileDetailsDocument,
    "\n  query Search($text: String, $filters: SearchFilters, $sort: SearchSort, $first: Int = 30) {\n    search(\n      text: $text\n      filters: $filters\n      sort: $sort\n      first: $first\n      highlight: true\n      facets: [CATEGORY, EXTENSION, REMOTE, SIZE, MTIME]\n    ) {\n      total\n      edges {\n        highlight\n        node {\n          ...FileFields\n        }\n      }\n      facets {\n        category {\n          key\n          count\n        }\n        extension {\n          key\n          count\n        }\n        remote {\n          key\n          count\n        }\n        size {\n          key\n          count\n          from\n          to\n        }\n        modified {\n          key\n          count\n          from\n          to\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  mutation Rename($id: ID!, $name: String!) {\n    renameFile(id: $id, name: $name) {\n      ...FileFields\n    }\n  }\n": types.RenameDocument,
    "\n  mutation Move($id: ID!, $to: ID!) {\n    moveFile(id: $id, to: $to) {\n      ...FileFields\n    }\n  }\n": types.MoveDocument,
    "\n  mutation Copy($id: ID!, $to: ID!) {\n    copyFile(id: $id, to: $to)\n  }\n": types.CopyDocument,
    "\n  mutation TrashFile($id: ID!) {\n    trashFile(id: $id) {\n      ...FileFields\n    }\n  }\n": types.TrashFileDocument,
    "\n  mutation RestoreFile($id: ID!) {\n    restoreFile(id: $id) {\n      ...FileFields\n    }\n  }\n": types.RestoreFileDocument,
    "\n  mutation PurgeFile($id: ID!) {\n    purgeFile(id: $id)\n  }\n": types.PurgeFileDocument,
    "\n  mutation StarFile($id: ID!, $starred: Boolean!) {\n    starFile(id: $id, starred: $starred) {\n      ...FileFields\n    }\n  }\n": types.StarFileDocument,
    "\n  mutation CreateFolder($parent: ID!, $name: String!) {\n    createFolder(parent: $parent, name: $name) {\n      ...FileFields\n    }\n  }\n": types.CreateFolderDocument,
    "\n  query Remotes {\n    remotes {\n      id\n      name\n      type\n      root\n      hashes\n      createdAt\n    }\n  }\n": types.RemotesDocument,
    "\n  query RemoteStatus {\n    remotes {\n      id\n      status {\n        connected\n        error\n        used\n        free\n        total\n      }\n    }\n  }\n": types.RemoteStatusDocument,
    "\n  mutation ConnectRemote($name: String!, $config: JSON!) {\n    connectRemote(name: $name, config: $config) {\n      remote {\n        id\n        name\n        type\n      }\n      scan {\n        entries\n        created\n      }\n    }\n  }\n": types.ConnectRemoteDocument,
    "\n  mutation TestRemote($config: JSON!) {\n    testRemote(config: $config) {\n      connected\n      error\n      used\n      free\n      total\n    }\n  }\n": types.TestRemoteDocument,
    "\n  mutation ScanRemote($id: ID!) {\n    scanRemote(id: $id) {\n      entries\n      created\n      modified\n      deleted\n      moved\n    }\n  }\n": types.ScanRemoteDocument,
    "\n  mutation RemoveRemote($id: ID!) {\n    removeRemote(id: $id)\n  }\n": types.RemoveRemoteDocument,
    "\n  fragment SyncRuleFields on SyncRule {\n    id\n    name\n    mode\n    enabled\n    rule\n    updatedAt\n    status {\n      result\n      reason\n      lastRunAt\n      movedFiles\n      movedBytes\n      operationsDone\n      operationsFailed\n      pendingToPath1\n      pendingToPath2\n      errors\n      notes\n    }\n  }\n": types.SyncRuleFieldsFragmentDoc,
    "\n  query SyncRules {\n    syncRules {\n      ...SyncRuleFields\n    }\n    remotes {\n      id\n      name\n      type\n    }\n  }\n": types.SyncRulesDocument,
    "\n  mutation CreateSyncRule($name: String!, $rule: JSON!) {\n    createSyncRule(name: $name, rule: $rule) {\n      ...SyncRuleFields\n    }\n  }\n": types.CreateSyncRuleDocument,
    "\n  mutation RunSyncRule($id: ID!, $force: Boolean) {\n    runSyncRule(id: $id, force: $force) {\n      result\n      movedFiles\n      operationsDone\n      operationsFailed\n      errors\n    }\n  }\n": types.RunSyncRuleDocument,
    "\n  mutation SetSyncRuleEnabled($id: ID!, $enabled: Boolean!) {\n    setSyncRuleEnabled(id: $id, enabled: $enabled) {\n      ...SyncRuleFields\n    }\n  }\n": types.SetSyncRuleEnabledDocument,
    "\n  mutation DeleteSyncRule($id: ID!) {\n    deleteSyncRule(id: $id)\n  }\n": types.DeleteSyncRuleDocument,
    "\n  subscription SyncProgress {\n    syncProgress {\n      ruleId\n      stage\n      operations\n      done\n      failed\n      bytes\n      path\n      result\n      at\n    }\n  }\n": types.SyncProgressDocument,
    "\n  subscription FileChanges {\n    fileChanges {\n      change\n      fileId\n      remoteId\n      path\n      at\n    }\n  }\n": types.FileChangesDocument,
    "\n  subscription Notifications {\n    notifications {\n      kind\n      message\n      at\n    }\n  }\n": types.NotificationsDocument,
    "\n  fragment UserShareFields on UserShare {\n    id\n    name\n    kind\n    access\n    state\n    byMe\n    encrypted\n    message\n    placement\n    createdAt\n    respondedAt\n    endedAt\n    keptCopy\n    invitationExpiresAt\n    lastSyncedAt\n    lastSyncResult\n    sharedBy {\n      id\n      email\n      name\n    }\n    sharedWith {\n      id\n      email\n      name\n    }\n    location {\n      path\n      remote {\n        id\n        name\n      }\n    }\n  }\n": types.UserShareFieldsFragmentDoc,
    "\n  query UserSharesByMe {\n    userSharesByMe {\n      ...UserShareFields\n    }\n  }\n": types.UserSharesByMeDocument,
    "\n  query UserSharesWithMe {\n    userSharesWithMe {\n      ...UserShareFields\n    }\n  }\n": types.UserSharesWithMeDocument,
    "\n  mutation ShareWithUser(\n    $file: ID!\n    $email: String!\n    $access: ShareAccess!\n    $message: String\n    $sync: ShareSyncInput\n    $encrypted: Boolean\n  ) {\n    shareWithUser(file: $file, email: $email, access: $access, message: $message, sync: $sync, encrypted: $encrypted) {\n      inviteUrl\n      share {\n        ...UserShareFields\n      }\n    }\n  }\n": types.ShareWithUserDocument,
    "\n  mutation AcceptShare($id: ID!, $placement: SharePlacement!, $remote: ID, $path: String) {\n    acceptShare(id: $id, placement: $placement, remote: $remote, path: $path) {\n      share {\n        ...UserShareFields\n      }\n      firstSync {\n        result\n        toRecipient\n        toSharer\n        conflicts\n      }\n    }\n  }\n": types.AcceptShareDocument,
    "\n  mutation DeclineShare($id: ID!) {\n    declineShare(id: $id) {\n      ...UserShareFields\n    }\n  }\n": types.DeclineShareDocument,
    "\n  mutation RedeemShareInvitation($token: String!) {\n    redeemShareInvitation(token: $token) {\n      ...UserShareFields\n    }\n  }\n": types.RedeemShareInvitationDocument,
    "\n  mutation SyncShare($id: ID!) {\n    syncShare(id: $id) {\n      result\n      toRecipient\n      toSharer\n      conflicts\n    }\n  }\n": types.SyncShareDocument,
    "\n  mutation RevokeUserShare($id: ID!, $keepRecipientCopy: Boolean!) {\n    revokeUserShare(id: $id, keepRecipientCopy: $keepRecipientCopy) {\n      ...UserShareFields\n    }\n  }\n": types.RevokeUserShareDocument,
    "\n  mutation LeaveShare($id: ID!, $keepCopy: Boolean) {\n    leaveShare(id: $id, keepCopy: $keepCopy) {\n      ...UserShareFields\n    }\n  }\n": types.LeaveShareDocument,
    "\n  query NotificationList($first: Int, $unreadOnly: Boolean, $before: DateTime) {\n    unreadNotificationCount\n    notificationList(first: $first, unreadOnly: $unreadOnly, before: $before) {\n      id\n      kind\n      title\n      message\n      read\n      createdAt\n      data\n    }\n  }\n": types.NotificationListDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query NotificationSettings {\n    emailNotificationsAvailable\n    notificationSettings {\n      kind\n      about\n      inApp\n      email\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($settings: [NotificationSettingInput!]!) {\n    updateNotificationSettings(settings: $settings) {\n      kind\n      about\n      inApp\n      email\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorageOverview {\n    storageOverview {\n      files\n      folders\n      bytes\n      trashFiles\n      trashBytes\n      byCategory {\n        key\n        files\n        bytes\n      }\n      byRemote {\n        key\n        files\n        bytes\n      }\n      byExtension(first: 10) {\n        key\n        files\n        bytes\n      }\n      sizeDistribution {\n        key\n        files\n        bytes\n      }\n      ageDistribution {\n        key\n        files\n        bytes\n      }\n      growth {\n        at\n        files\n        bytes\n        totalFiles\n        totalBytes\n      }\n      largestFolders(first: 8) {\n        remoteId\n        path\n        files\n        bytes\n      }\n    }\n    transferStats(interval: MONTH) {\n      at\n      files\n      bytes\n    }\n  }\n"): (typeof documents)["\n  query StorageOverview {\n    storageOverview {\n      files\n      folders\n      bytes\n      trashFiles\n      trashBytes\n      byCategory {\n        key\n        files\n        bytes\n      }\n      byRemote {\n        key\n        files\n        bytes\n      }\n      byExtension(first: 10) {\n        key\n        files\n        bytes\n      }\n      sizeDistribution {\n        key\n        files\n        bytes\n      }\n      ageDistribution {\n        key\n        files\n        bytes\n      }\n      growth {\n        at\n        files\n        bytes\n        totalFiles\n        totalBytes\n      }\n      largestFolders(first: 8) {\n        remoteId\n        path\n        files\n        bytes\n      }\n    }\n    transferStats(interval: MONTH) {\n      at\n      files\n      bytes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorageActivity {\n    storageActivity(days: 30, first: 8) {\n      untouchedFiles\n      untouchedBytes\n      untouchedSince\n      mostChangedFiles {\n        fileId\n        path\n        changes\n        lastChangedAt\n      }\n      activeFolders {\n        remoteId\n        path\n        changes\n      }\n    }\n    storageHealth {\n      pendingOperations\n      pendingBytes\n      failedOperations\n      indexerLag\n      indexerLagError\n    }\n  }\n"): (typeof documents)["\n  query StorageActivity {\n    storageActivity(days: 30, first: 8) {\n      untouchedFiles\n      untouchedBytes\n      untouchedSince\n      mostChangedFiles {\n        fileId\n        path\n        changes\n        lastChangedAt\n      }\n      activeFolders {\n        remoteId\n        path\n        changes\n      }\n    }\n    storageHealth {\n      pendingOperations\n      pendingBytes\n      failedOperations\n      indexerLag\n      indexerLagError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CleanupItemFields on CleanupItem {\n    id\n    name\n    path\n    kind\n    size\n    files\n    group\n    keep\n    remoteId\n    mtime\n    reclaimableBytes\n  }\n"): (typeof documents)["\n  fragment CleanupItemFields on CleanupItem {\n    id\n    name\n    path\n    kind\n    size\n    files\n    group\n    keep\n    remoteId\n    mtime\n    reclaimableBytes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MakeCleanupReport($kind: CleanupKind!, $options: CleanupReportOptions) {\n    makeCleanupReport(kind: $kind, options: $options) {\n      id\n      kind\n      totalItems\n      groups\n      reclaimableBytes\n      truncated\n      notes\n      csvUrl\n      jsonUrl\n      items(first: 40) {\n        ...CleanupItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MakeCleanupReport($kind: CleanupKind!, $options: CleanupReportOptions) {\n    makeCleanupReport(kind: $kind, options: $options) {\n      id\n      kind\n      totalItems\n      groups\n      reclaimableBytes\n      truncated\n      notes\n      csvUrl\n      jsonUrl\n      items(first: 40) {\n        ...CleanupItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanCleanup($reportId: ID!, $itemIds: [ID!], $keep: DuplicateKeep) {\n    planCleanup(reportId: $reportId, itemIds: $itemIds, keep: $keep) {\n      id\n      files\n      bytes\n      items {\n        action\n        item {\n          ...CleanupItemFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PlanCleanup($reportId: ID!, $itemIds: [ID!], $keep: DuplicateKeep) {\n    planCleanup(reportId: $reportId, itemIds: $itemIds, keep: $keep) {\n      id\n      files\n      bytes\n      items {\n        action\n        item {\n          ...CleanupItemFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExecuteCleanup($planId: ID!) {\n    executeCleanup(planId: $planId) {\n      files\n      freedBytes\n      done {\n        action\n        item {\n          ...CleanupItemFields\n        }\n      }\n      skipped {\n        reason\n        item {\n          ...CleanupItemFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExecuteCleanup($planId: ID!) {\n    executeCleanup(planId: $planId) {\n      files\n      freedBytes\n      done {\n        action\n        item {\n          ...CleanupItemFields\n        }\n      }\n      skipped {\n        reason\n        item {\n          ...CleanupItemFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyKeyPair {\n    myKeyPair {\n      fingerprint\n      publicKey\n      privateKey\n      createdAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query MyKeyPair {\n    myKeyPair {\n      fingerprint\n      publicKey\n      privateKey\n      createdAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyKeyPair($publicKey: String!, $privateKey: String!) {\n    setMyKeyPair(publicKey: $publicKey, privateKey: $privateKey) {\n      fingerprint\n      publicKey\n      privateKey\n      createdAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyKeyPair($publicKey: String!, $privateKey: String!) {\n    setMyKeyPair(publicKey: $publicKey, privateKey: $privateKey) {\n      fingerprint\n      publicKey\n      privateKey\n      createdAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMyKeyPair {\n    deleteMyKeyPair\n  }\n"): (typeof documents)["\n  mutation DeleteMyKeyPair {\n    deleteMyKeyPair\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EncryptedShare($id: ID!) {\n    userShare(id: $id) {\n      id\n      name\n      sessionKey\n      encryptedFiles {\n        path\n        size\n        sha256\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query EncryptedShare($id: ID!) {\n    userShare(id: $id) {\n      id\n      name\n      sessionKey\n      encryptedFiles {\n        path\n        size\n        sha256\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateShareLink(\n    $file: ID!\n    $password: String\n    $expiresAt: DateTime\n    $maxDownloads: Int\n    $previewOnly: Boolean\n    $requirePgp: Boolean\n    $note: String\n  ) {\n    createShareLink(\n      file: $file\n      password: $password\n      expiresAt: $expiresAt\n      maxDownloads: $maxDownloads\n      previewOnly: $previewOnly\n      requirePgp: $requirePgp\n      note: $note\n    ) {\n      id\n      token\n      url\n      kind\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateShareLink(\n    $file: ID!\n    $password: String\n    $expiresAt: DateTime\n    $maxDownloads: Int\n    $previewOnly: Boolean\n    $requirePgp: Boolean\n    $note: String\n  ) {\n    createShareLink(\n      file: $file\n      password: $password\n      expiresAt: $expiresAt\n      maxDownloads: $maxDownloads\n      previewOnly: $previewOnly\n      requirePgp: $requirePgp\n      note: $note\n    ) {\n      id\n      token\n      url\n      kind\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFileRequest(\n    $destination: ID!\n    $title: String!\n    $description: String\n    $deadline: DateTime\n    $lateUploads: LateUploads\n    $password: String\n    $maxFileBytes: Float\n    $maxFiles: Int\n    $allowedTypes: [String!]\n  ) {\n    createFileRequest(\n      destination: $destination\n      title: $title\n      description: $description\n      deadline: $deadline\n      lateUploads: $lateUploads\n      password: $password\n      maxFileBytes: $maxFileBytes\n      maxFiles: $maxFiles\n      allowedTypes: $allowedTypes\n    ) {\n      id\n      token\n      url\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFileRequest(\n    $destination: ID!\n    $title: String!\n    $description: String\n    $deadline: DateTime\n    $lateUploads: LateUploads\n    $password: String\n    $maxFileBytes: Float\n    $maxFiles: Int\n    $allowedTypes: [String!]\n  ) {\n    createFileRequest(\n      destination: $destination\n      title: $title\n      description: $description\n      deadline: $deadline\n      lateUploads: $lateUploads\n      password: $password\n      maxFileBytes: $maxFileBytes\n      maxFiles: $maxFiles\n      allowedTypes: $allowedTypes\n    ) {\n      id\n      token\n      url\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLinks {\n    shareLinks {\n      id\n      token\n      url\n      name\n      kind\n      state\n      views\n      downloads\n      maxDownloads\n      expiresAt\n      hasPassword\n      previewOnly\n      requirePgp\n      note\n      createdAt\n    }\n    fileRequests {\n      id\n      token\n      url\n      title\n      folderPath\n      open\n      closedAt\n      deadline\n      hasPassword\n      createdAt\n      uploads {\n        path\n        size\n        late\n        uploadedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyLinks {\n    shareLinks {\n      id\n      token\n      url\n      name\n      kind\n      state\n      views\n      downloads\n      maxDownloads\n      expiresAt\n      hasPassword\n      previewOnly\n      requirePgp\n      note\n      createdAt\n    }\n    fileRequests {\n      id\n      token\n      url\n      title\n      folderPath\n      open\n      closedAt\n      deadline\n      hasPassword\n      createdAt\n      uploads {\n        path\n        size\n        late\n        uploadedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeShareLink($id: ID!) {\n    revokeShareLink(id: $id) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeShareLink($id: ID!) {\n    revokeShareLink(id: $id) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFileRequestOpen($id: ID!, $open: Boolean!) {\n    setFileRequestOpen(id: $id, open: $open) {\n      id\n      open\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetFileRequestOpen($id: ID!, $open: Boolean!) {\n    setFileRequestOpen(id: $id, open: $open) {\n      id\n      open\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FileFields on File {\n    id\n    name\n    path\n    kind\n    size\n    mime\n    mtime\n    updatedAt\n    starred\n    trashed\n    trashedAt\n    remoteId\n    contentUrl\n    sharedWithMe\n  }\n"): (typeof documents)["\n  fragment FileFields on File {\n    id\n    name\n    path\n    kind\n    size\n    mime\n    mtime\n    updatedAt\n    starred\n    trashed\n    trashedAt\n    remoteId\n    contentUrl\n    sharedWithMe\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n    remotes {\n      id\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n    }\n    remotes {\n      id\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($email: String!, $name: String!, $password: String!) {\n    signUp(email: $email, name: $name, password: $password) {\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Health {\n    health {\n      status\n      engines {\n        name\n        ok\n        version\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  query Health {\n    health {\n      status\n      engines {\n        name\n        ok\n        version\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDrive($sort: SortInput, $remoteId: ID, $after: String) {\n    list: myDrive(first: 25, after: $after, sort: $sort, remoteId: $remoteId) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyDrive($sort: SortInput, $remoteId: ID, $after: String) {\n    list: myDrive(first: 25, after: $after, sort: $sort, remoteId: $remoteId) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recents($sort: SortInput, $after: String) {\n    list: recents(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Recents($sort: SortInput, $after: String) {\n    list: recents(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Starred($sort: SortInput, $after: String) {\n    list: starred(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Starred($sort: SortInput, $after: String) {\n    list: starred(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedByMe($sort: SortInput, $after: String) {\n    list: sharedByMe(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SharedByMe($sort: SortInput, $after: String) {\n    list: sharedByMe(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedWithMe($sort: SortInput, $after: String) {\n    list: sharedWithMe(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SharedWithMe($sort: SortInput, $after: String) {\n    list: sharedWithMe(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trash($sort: SortInput, $after: String) {\n    list: trash(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Trash($sort: SortInput, $after: String) {\n    list: trash(first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Folder($id: ID!, $sort: SortInput, $after: String) {\n    list: folder(id: $id, first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    file(id: $id) {\n      id\n      name\n      remoteId\n      details {\n        ancestors {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Folder($id: ID!, $sort: SortInput, $after: String) {\n    list: folder(id: $id, first: 25, after: $after, sort: $sort) {\n      edges {\n        node {\n          ...FileFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    file(id: $id) {\n      id\n      name\n      remoteId\n      details {\n        ancestors {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Computers {\n    computers(first: 20) {\n      edges {\n        node {\n          id\n          name\n          hostname\n          platform\n          remotes {\n            id\n            name\n            type\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Computers {\n    computers(first: 20) {\n      edges {\n        node {\n          id\n          name\n          hostname\n          platform\n          remotes {\n            id\n            name\n            type\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FileDetails($id: ID!) {\n    file(id: $id) {\n      ...FileFields\n      md5\n      sha1\n      revision\n      createdAt\n      details {\n        ancestors {\n          id\n          name\n        }\n        versions {\n          id\n          current\n          size\n          md5\n          sha1\n          etag\n          mtime\n          firstSeen\n          lastSeen\n        }\n        copies {\n          remoteName\n          file {\n            id\n            path\n          }\n        }\n        shares {\n          id\n          type\n          role\n          granteeId\n          inherited\n          expiresAt\n        }\n        syncRules {\n          id\n          name\n          mode\n          enabled\n          status {\n            result\n            lastRunAt\n            pendingToPath1\n            pendingToPath2\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FileDetails($id: ID!) {\n    file(id: $id) {\n      ...FileFields\n      md5\n      sha1\n      revision\n      createdAt\n      details {\n        ancestors {\n          id\n          name\n        }\n        versions {\n          id\n          current\n          size\n          md5\n          sha1\n          etag\n          mtime\n          firstSeen\n          lastSeen\n        }\n        copies {\n          remoteName\n          file {\n            id\n            path\n          }\n        }\n        shares {\n          id\n          type\n          role\n          granteeId\n          inherited\n          expiresAt\n        }\n        syncRules {\n          id\n          name\n          mode\n          enabled\n          status {\n            result\n            lastRunAt\n            pendingToPath1\n            pendingToPath2\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String, $filters: SearchFilters, $sort: SearchSort, $first: Int = 30) {\n    search(\n      text: $text\n      filters: $filters\n      sort: $sort\n      first: $first\n      highlight: true\n      facets: [CATEGORY, EXTENSION, REMOTE, SIZE, MTIME]\n    ) {\n      total\n      edges {\n        highlight\n        node {\n          ...FileFields\n        }\n      }\n      facets {\n        category {\n          key\n          count\n        }\n        extension {\n          key\n          count\n        }\n        remote {\n          key\n          count\n        }\n        size {\n          key\n          count\n          from\n          to\n        }\n        modified {\n          key\n          count\n          from\n          to\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($text: String, $filters: SearchFilters, $sort: SearchSort, $first: Int = 30) {\n    search(\n      text: $text\n      filters: $filters\n      sort: $sort\n      first: $first\n      highlight: true\n      facets: [CATEGORY, EXTENSION, REMOTE, SIZE, MTIME]\n    ) {\n      total\n      edges {\n        highlight\n        node {\n          ...FileFields\n        }\n      }\n      facets {\n        category {\n          key\n          count\n        }\n        extension {\n          key\n          count\n        }\n        remote {\n          key\n          count\n        }\n        size {\n          key\n          count\n          from\n          to\n        }\n        modified {\n          key\n          count\n          from\n          to\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Rename($id: ID!, $name: String!) {\n    renameFile(id: $id, name: $name) {\n      ...FileFields\n    }\n  }\n"): (typeof documents)["\n  mutation Rename($id: ID!, $name: String!) {\n    renameFile(id: $id, name: $name) {\n      ...FileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Move($id: ID!, $to: ID!) {\n    moveFile(id: $id, to: $to) {\n      ...FileFields\n    }\n  }\n"): (typeof documents)["\n  mutation Move($id: ID!, $to: ID!) {\n    moveFile(id: $id, to: $to) {\n      ...FileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Copy($id: ID!, $to: ID!) {\n    copyFile(id: $id, to: $to)\n  }\n"): (typeof documents)["\n  mutation Copy($id: ID!, $to: ID!) {\n    copyFile(id: $id, to: $to)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrashFile($id: ID!) {\n    trashFile(id: $id) {\n      ...FileFields\n    }\n  }\n"): (typeof documents)["\n  mutation TrashFile($id: ID!) {\n    trashFile(id: $id) {\n      ...FileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreFile($id: ID!) {\n    restoreFile(id: $id) {\n      ...FileFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreFile($id: ID!) {\n    restoreFile(id: $id) {\n      ...FileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurgeFile($id: ID!) {\n    purgeFile(id: $id)\n  }\n"): (typeof documents)["\n  mutation PurgeFile($id: ID!) {\n    purgeFile(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StarFile($id: ID!, $starred: Boolean!) {\n    starFile(id: $id, starred: $starred) {\n      ...FileFields\n    }\n  }\n"): (typeof documents)["\n  mutation StarFile($id: ID!, $starred: Boolean!) {\n    starFile(id: $id, starred: $starred) {\n      ...FileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFolder($parent: ID!, $name: String!) {\n    createFolder(parent: $parent, name: $name) {\n      ...FileFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFolder($parent: ID!, $name: String!) {\n    createFolder(parent: $parent, name: $name) {\n      ...FileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Remotes {\n    remotes {\n      id\n      name\n      type\n      root\n      hashes\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Remotes {\n    remotes {\n      id\n      name\n      type\n      root\n      hashes\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RemoteStatus {\n    remotes {\n      id\n      status {\n        connected\n        error\n        used\n        free\n        total\n      }\n    }\n  }\n"): (typeof documents)["\n  query RemoteStatus {\n    remotes {\n      id\n      status {\n        connected\n        error\n        used\n        free\n        total\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectRemote($name: String!, $config: JSON!) {\n    connectRemote(name: $name, config: $config) {\n      remote {\n        id\n        name\n        type\n      }\n      scan {\n        entries\n        created\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConnectRemote($name: String!, $config: JSON!) {\n    connectRemote(name: $name, config: $config) {\n      remote {\n        id\n        name\n        type\n      }\n      scan {\n        entries\n        created\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRemote($config: JSON!) {\n    testRemote(config: $config) {\n      connected\n      error\n      used\n      free\n      total\n    }\n  }\n"): (typeof documents)["\n  mutation TestRemote($config: JSON!) {\n    testRemote(config: $config) {\n      connected\n      error\n      used\n      free\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScanRemote($id: ID!) {\n    scanRemote(id: $id) {\n      entries\n      created\n      modified\n      deleted\n      moved\n    }\n  }\n"): (typeof documents)["\n  mutation ScanRemote($id: ID!) {\n    scanRemote(id: $id) {\n      entries\n      created\n      modified\n      deleted\n      moved\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveRemote($id: ID!) {\n    removeRemote(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveRemote($id: ID!) {\n    removeRemote(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncRuleFields on SyncRule {\n    id\n    name\n    mode\n    enabled\n    rule\n    updatedAt\n    status {\n      result\n      reason\n      lastRunAt\n      movedFiles\n      movedBytes\n      operationsDone\n      operationsFailed\n      pendingToPath1\n      pendingToPath2\n      errors\n      notes\n    }\n  }\n"): (typeof documents)["\n  fragment SyncRuleFields on SyncRule {\n    id\n    name\n    mode\n    enabled\n    rule\n    updatedAt\n    status {\n      result\n      reason\n      lastRunAt\n      movedFiles\n      movedBytes\n      operationsDone\n      operationsFailed\n      pendingToPath1\n      pendingToPath2\n      errors\n      notes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncRules {\n    syncRules {\n      ...SyncRuleFields\n    }\n    remotes {\n      id\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  query SyncRules {\n    syncRules {\n      ...SyncRuleFields\n    }\n    remotes {\n      id\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSyncRule($name: String!, $rule: JSON!) {\n    createSyncRule(name: $name, rule: $rule) {\n      ...SyncRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSyncRule($name: String!, $rule: JSON!) {\n    createSyncRule(name: $name, rule: $rule) {\n      ...SyncRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunSyncRule($id: ID!, $force: Boolean) {\n    runSyncRule(id: $id, force: $force) {\n      result\n      movedFiles\n      operationsDone\n      operationsFailed\n      errors\n    }\n  }\n"): (typeof documents)["\n  mutation RunSyncRule($id: ID!, $force: Boolean) {\n    runSyncRule(id: $id, force: $force) {\n      result\n      movedFiles\n      operationsDone\n      operationsFailed\n      errors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSyncRuleEnabled($id: ID!, $enabled: Boolean!) {\n    setSyncRuleEnabled(id: $id, enabled: $enabled) {\n      ...SyncRuleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetSyncRuleEnabled($id: ID!, $enabled: Boolean!) {\n    setSyncRuleEnabled(id: $id, enabled: $enabled) {\n      ...SyncRuleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSyncRule($id: ID!) {\n    deleteSyncRule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSyncRule($id: ID!) {\n    deleteSyncRule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SyncProgress {\n    syncProgress {\n      ruleId\n      stage\n      operations\n      done\n      failed\n      bytes\n      path\n      result\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription SyncProgress {\n    syncProgress {\n      ruleId\n      stage\n      operations\n      done\n      failed\n      bytes\n      path\n      result\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FileChanges {\n    fileChanges {\n      change\n      fileId\n      remoteId\n      path\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription FileChanges {\n    fileChanges {\n      change\n      fileId\n      remoteId\n      path\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Notifications {\n    notifications {\n      kind\n      message\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription Notifications {\n    notifications {\n      kind\n      message\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserShareFields on UserShare {\n    id\n    name\n    kind\n    access\n    state\n    byMe\n    encrypted\n    message\n    placement\n    createdAt\n    respondedAt\n    endedAt\n    keptCopy\n    invitationExpiresAt\n    lastSyncedAt\n    lastSyncResult\n    sharedBy {\n      id\n      email\n      name\n    }\n    sharedWith {\n      id\n      email\n      name\n    }\n    location {\n      path\n      remote {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment UserShareFields on UserShare {\n    id\n    name\n    kind\n    access\n    state\n    byMe\n    encrypted\n    message\n    placement\n    createdAt\n    respondedAt\n    endedAt\n    keptCopy\n    invitationExpiresAt\n    lastSyncedAt\n    lastSyncResult\n    sharedBy {\n      id\n      email\n      name\n    }\n    sharedWith {\n      id\n      email\n      name\n    }\n    location {\n      path\n      remote {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSharesByMe {\n    userSharesByMe {\n      ...UserShareFields\n    }\n  }\n"): (typeof documents)["\n  query UserSharesByMe {\n    userSharesByMe {\n      ...UserShareFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSharesWithMe {\n    userSharesWithMe {\n      ...UserShareFields\n    }\n  }\n"): (typeof documents)["\n  query UserSharesWithMe {\n    userSharesWithMe {\n      ...UserShareFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareWithUser(\n    $file: ID!\n    $email: String!\n    $access: ShareAccess!\n    $message: String\n    $sync: ShareSyncInput\n    $encrypted: Boolean\n  ) {\n    shareWithUser(file: $file, email: $email, access: $access, message: $message, sync: $sync, encrypted: $encrypted) {\n      inviteUrl\n      share {\n        ...UserShareFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ShareWithUser(\n    $file: ID!\n    $email: String!\n    $access: ShareAccess!\n    $message: String\n    $sync: ShareSyncInput\n    $encrypted: Boolean\n  ) {\n    shareWithUser(file: $file, email: $email, access: $access, message: $message, sync: $sync, encrypted: $encrypted) {\n      inviteUrl\n      share {\n        ...UserShareFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptShare($id: ID!, $placement: SharePlacement!, $remote: ID, $path: String) {\n    acceptShare(id: $id, placement: $placement, remote: $remote, path: $path) {\n      share {\n        ...UserShareFields\n      }\n      firstSync {\n        result\n        toRecipient\n        toSharer\n        conflicts\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptShare($id: ID!, $placement: SharePlacement!, $remote: ID, $path: String) {\n    acceptShare(id: $id, placement: $placement, remote: $remote, path: $path) {\n      share {\n        ...UserShareFields\n      }\n      firstSync {\n        result\n        toRecipient\n        toSharer\n        conflicts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineShare($id: ID!) {\n    declineShare(id: $id) {\n      ...UserShareFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineShare($id: ID!) {\n    declineShare(id: $id) {\n      ...UserShareFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemShareInvitation($token: String!) {\n    redeemShareInvitation(token: $token) {\n      ...UserShareFields\n    }\n  }\n"): (typeof documents)["\n  mutation RedeemShareInvitation($token: String!) {\n    redeemShareInvitation(token: $token) {\n      ...UserShareFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncShare($id: ID!) {\n    syncShare(id: $id) {\n      result\n      toRecipient\n      toSharer\n      conflicts\n    }\n  }\n"): (typeof documents)["\n  mutation SyncShare($id: ID!) {\n    syncShare(id: $id) {\n      result\n      toRecipient\n      toSharer\n      conflicts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeUserShare($id: ID!, $keepRecipientCopy: Boolean!) {\n    revokeUserShare(id: $id, keepRecipientCopy: $keepRecipientCopy) {\n      ...UserShareFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeUserShare($id: ID!, $keepRecipientCopy: Boolean!) {\n    revokeUserShare(id: $id, keepRecipientCopy: $keepRecipientCopy) {\n      ...UserShareFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveShare($id: ID!, $keepCopy: Boolean) {\n    leaveShare(id: $id, keepCopy: $keepCopy) {\n      ...UserShareFields\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveShare($id: ID!, $keepCopy: Boolean) {\n    leaveShare(id: $id, keepCopy: $keepCopy) {\n      ...UserShareFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationList($first: Int, $unreadOnly: Boolean, $before: DateTime) {\n    unreadNotificationCount\n    notificationList(first: $first, unreadOnly: $unreadOnly, before: $before) {\n      id\n      kind\n      title\n      message\n      read\n      createdAt\n      data\n    }\n  }\n"): (typeof documents)["\n  query NotificationList($first: Int, $unreadOnly: Boolean, $before: DateTime) {\n    unreadNotificationCount\n    notificationList(first: $first, unreadOnly: $unreadOnly, before: $before) {\n      id\n      kind\n      title\n      message\n      read\n      createdAt\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    emailNotificationsAvailable\n    notificationSettings {\n      kind\n      about\n      inApp\n      email\n    }\n  }\n"): (typeof documents)["\n  query NotificationSettings {\n    emailNotificationsAvailable\n    notificationSettings {\n      kind\n      about\n      inApp\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($settings: [NotificationSettingInput!]!) {\n    updateNotificationSettings(settings: $settings) {\n      kind\n      about\n      inApp\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationSettings($settings: [NotificationSettingInput!]!) {\n    updateNotificationSettings(settings: $settings) {\n      kind\n      about\n      inApp\n      email\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;