// Operations of the share-link and file-request dialogs and the Links & requests page.
import { graphql } from './gql';

export const CREATE_SHARE_LINK = graphql(`
  mutation CreateShareLink(
    $file: ID!
    $password: String
    $expiresAt: DateTime
    $maxDownloads: Int
    $previewOnly: Boolean
    $requirePgp: Boolean
    $note: String
  ) {
    createShareLink(
      file: $file
      password: $password
      expiresAt: $expiresAt
      maxDownloads: $maxDownloads
      previewOnly: $previewOnly
      requirePgp: $requirePgp
      note: $note
    ) {
      id
      token
      url
      kind
      name
    }
  }
`);

export const CREATE_FILE_REQUEST = graphql(`
  mutation CreateFileRequest(
    $destination: ID!
    $title: String!
    $description: String
    $deadline: DateTime
    $lateUploads: LateUploads
    $password: String
    $maxFileBytes: Float
    $maxFiles: Int
    $allowedTypes: [String!]
  ) {
    createFileRequest(
      destination: $destination
      title: $title
      description: $description
      deadline: $deadline
      lateUploads: $lateUploads
      password: $password
      maxFileBytes: $maxFileBytes
      maxFiles: $maxFiles
      allowedTypes: $allowedTypes
    ) {
      id
      token
      url
      title
    }
  }
`);

export const MY_LINKS = graphql(`
  query MyLinks {
    shareLinks {
      id
      token
      url
      name
      kind
      state
      views
      downloads
      maxDownloads
      expiresAt
      hasPassword
      previewOnly
      requirePgp
      note
      createdAt
    }
    fileRequests {
      id
      token
      url
      title
      folderPath
      open
      closedAt
      deadline
      hasPassword
      createdAt
      uploads {
        path
        size
        late
        uploadedAt
      }
    }
  }
`);

export const REVOKE_SHARE_LINK = graphql(`
  mutation RevokeShareLink($id: ID!) {
    revokeShareLink(id: $id) {
      id
      state
    }
  }
`);

export const SET_FILE_REQUEST_OPEN = graphql(`
  mutation SetFileRequestOpen($id: ID!, $open: Boolean!) {
    setFileRequestOpen(id: $id, open: $open) {
      id
      open
      closedAt
    }
  }
`);
