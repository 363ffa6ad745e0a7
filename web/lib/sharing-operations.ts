// GraphQL operations for sharing between users and the stored notifications, typed by codegen
// from gateway/schema.graphql (kept apart from operations.ts so the two features merge cleanly).
import { graphql } from './gql';

export const USER_SHARE_FIELDS = graphql(`
  fragment UserShareFields on UserShare {
    id
    name
    kind
    access
    state
    byMe
    encrypted
    message
    placement
    createdAt
    respondedAt
    endedAt
    keptCopy
    invitationExpiresAt
    lastSyncedAt
    lastSyncResult
    sharedBy {
      id
      email
      name
    }
    sharedWith {
      id
      email
      name
    }
    location {
      path
      remote {
        id
        name
      }
    }
  }
`);

export const USER_SHARES_BY_ME = graphql(`
  query UserSharesByMe {
    userSharesByMe {
      ...UserShareFields
    }
  }
`);

export const USER_SHARES_WITH_ME = graphql(`
  query UserSharesWithMe {
    userSharesWithMe {
      ...UserShareFields
    }
  }
`);

export const SHARE_WITH_USER = graphql(`
  mutation ShareWithUser(
    $file: ID!
    $email: String!
    $access: ShareAccess!
    $message: String
    $sync: ShareSyncInput
    $encrypted: Boolean
  ) {
    shareWithUser(file: $file, email: $email, access: $access, message: $message, sync: $sync, encrypted: $encrypted) {
      inviteUrl
      share {
        ...UserShareFields
      }
    }
  }
`);

export const ACCEPT_SHARE = graphql(`
  mutation AcceptShare($id: ID!, $placement: SharePlacement!, $remote: ID, $path: String) {
    acceptShare(id: $id, placement: $placement, remote: $remote, path: $path) {
      share {
        ...UserShareFields
      }
      firstSync {
        result
        toRecipient
        toSharer
        conflicts
      }
    }
  }
`);

export const DECLINE_SHARE = graphql(`
  mutation DeclineShare($id: ID!) {
    declineShare(id: $id) {
      ...UserShareFields
    }
  }
`);

export const REDEEM_SHARE_INVITATION = graphql(`
  mutation RedeemShareInvitation($token: String!) {
    redeemShareInvitation(token: $token) {
      ...UserShareFields
    }
  }
`);

export const SYNC_SHARE = graphql(`
  mutation SyncShare($id: ID!) {
    syncShare(id: $id) {
      result
      toRecipient
      toSharer
      conflicts
    }
  }
`);

export const REVOKE_USER_SHARE = graphql(`
  mutation RevokeUserShare($id: ID!, $keepRecipientCopy: Boolean!) {
    revokeUserShare(id: $id, keepRecipientCopy: $keepRecipientCopy) {
      ...UserShareFields
    }
  }
`);

export const LEAVE_SHARE = graphql(`
  mutation LeaveShare($id: ID!, $keepCopy: Boolean) {
    leaveShare(id: $id, keepCopy: $keepCopy) {
      ...UserShareFields
    }
  }
`);

export const NOTIFICATION_LIST = graphql(`
  query NotificationList($first: Int, $unreadOnly: Boolean, $before: DateTime) {
    unreadNotificationCount
    notificationList(first: $first, unreadOnly: $unreadOnly, before: $before) {
      id
      kind
      title
      message
      read
      createdAt
      data
    }
  }
`);

export const UNREAD_NOTIFICATION_COUNT = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

export const NOTIFICATION_SETTINGS = graphql(`
  query NotificationSettings {
    emailNotificationsAvailable
    notificationSettings {
      kind
      about
      inApp
      email
    }
  }
`);

export const UPDATE_NOTIFICATION_SETTINGS = graphql(`
  mutation UpdateNotificationSettings($settings: [NotificationSettingInput!]!) {
    updateNotificationSettings(settings: $settings) {
      kind
      about
      inApp
      email
    }
  }
`);
