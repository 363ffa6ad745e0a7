// GraphQL operations for the user's OpenPGP key pair and for reading encrypted shares in the
// app (kept apart from sharing-operations.ts so features merge cleanly).
import { graphql } from './gql';

export const MY_KEY_PAIR = graphql(`
  query MyKeyPair {
    myKeyPair {
      fingerprint
      publicKey
      privateKey
      createdAt
      updatedAt
    }
  }
`);

export const SET_MY_KEY_PAIR = graphql(`
  mutation SetMyKeyPair($publicKey: String!, $privateKey: String!) {
    setMyKeyPair(publicKey: $publicKey, privateKey: $privateKey) {
      fingerprint
      publicKey
      privateKey
      createdAt
      updatedAt
    }
  }
`);

export const DELETE_MY_KEY_PAIR = graphql(`
  mutation DeleteMyKeyPair {
    deleteMyKeyPair
  }
`);

export const ENCRYPTED_SHARE = graphql(`
  query EncryptedShare($id: ID!) {
    userShare(id: $id) {
      id
      name
      sessionKey
      encryptedFiles {
        path
        size
        sha256
        updatedAt
      }
    }
  }
`);
