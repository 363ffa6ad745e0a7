// GraphQL of the photos pages (typed by hand: a small surface, kept beside the pages).
import { gql, type TypedDocumentNode } from '@apollo/client';

export interface PhotoInfo {
  kind: string;
  takenAt: string | null;
  camera: string | null;
  lens: string | null;
  width: number | null;
  height: number | null;
  location: { lat: number; lon: number } | null;
  iso: number | null;
  exposureTime: number | null;
  fNumber: number | null;
  focalLength: number | null;
  note: string | null;
  thumbnailUrl: string | null;
  previewUrl: string | null;
  largeUrl: string | null;
  albums: { id: string; name: string }[];
}

export interface PhotoFile {
  id: string;
  name: string;
  path: string;
  size: number | null;
  mtime: string | null;
  starred: boolean;
  contentUrl: string | null;
  photo: PhotoInfo | null;
}

export interface TimelineItem {
  day: string;
  source: string;
  file: PhotoFile;
}

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

export interface Album {
  id: string;
  name: string;
  photoCount: number;
  cover: { id: string; photo: { thumbnailUrl: string | null } | null } | null;
}

const FILE = `id name path size mtime starred contentUrl photo { kind takenAt camera lens width height
  location { lat lon } iso exposureTime fNumber focalLength note thumbnailUrl previewUrl largeUrl albums { id name } }`;

export const TIMELINE: TypedDocumentNode<
  { photoTimeline: TimelinePage },
  { first?: number; after?: string | null; favourites?: boolean; albumId?: string | null }
> = gql`
  query PhotoTimeline($first: Int, $after: String, $favourites: Boolean, $albumId: ID) {
    photoTimeline(first: $first, after: $after, favourites: $favourites, albumId: $albumId) {
      items { day source file { ${FILE} } }
      nextCursor
    }
  }
`;

export const PHOTO: TypedDocumentNode<{ node: PhotoFile | null }, { id: string }> = gql`
  query Photo($id: ID!) { node(id: $id) { ... on File { ${FILE} } } }
`;

export const ALBUMS: TypedDocumentNode<{ albums: Album[] }, Record<string, never>> = gql`
  query Albums { albums { id name photoCount cover { id photo { thumbnailUrl } } } }
`;

export const ALBUM: TypedDocumentNode<{ album: Album }, { id: string }> = gql`
  query Album($id: ID!) { album(id: $id) { id name photoCount cover { id photo { thumbnailUrl } } } }
`;

export const DUPLICATES: TypedDocumentNode<
  { photoDuplicates: { bytes: number; files: PhotoFile[] }[] },
  { threshold?: number }
> = gql`
  query PhotoDuplicates($threshold: Int) { photoDuplicates(threshold: $threshold) { bytes files { ${FILE} } } }
`;

export const CREATE_ALBUM: TypedDocumentNode<{ createAlbum: Album }, { name: string; photoIds?: string[] }> =
  gql`
  mutation CreateAlbum($name: String!, $photoIds: [ID!]) { createAlbum(name: $name, photoIds: $photoIds) { id name photoCount } }
`;

export const RENAME_ALBUM: TypedDocumentNode<{ renameAlbum: Album }, { id: string; name: string }> = gql`
  mutation RenameAlbum($id: ID!, $name: String!) { renameAlbum(id: $id, name: $name) { id name photoCount } }
`;

export const DELETE_ALBUM: TypedDocumentNode<{ deleteAlbum: boolean }, { id: string }> = gql`
  mutation DeleteAlbum($id: ID!) { deleteAlbum(id: $id) }
`;

export const ADD_TO_ALBUM: TypedDocumentNode<
  { addPhotosToAlbum: Album },
  { id: string; photoIds: string[] }
> = gql`
  mutation AddPhotosToAlbum($id: ID!, $photoIds: [ID!]!) { addPhotosToAlbum(id: $id, photoIds: $photoIds) { id name photoCount } }
`;

export const REMOVE_FROM_ALBUM: TypedDocumentNode<
  { removePhotosFromAlbum: Album },
  { id: string; photoIds: string[] }
> = gql`
  mutation RemovePhotosFromAlbum($id: ID!, $photoIds: [ID!]!) {
    removePhotosFromAlbum(id: $id, photoIds: $photoIds) { id name photoCount }
  }
`;

export const STAR: TypedDocumentNode<
  { starFile: { id: string; starred: boolean } },
  { id: string; starred: boolean }
> = gql`
  mutation StarPhoto($id: ID!, $starred: Boolean) { starFile(id: $id, starred: $starred) { id starred } }
`;

export type EditKind = 'ROTATE' | 'CROP' | 'RESIZE';

export const EDIT: TypedDocumentNode<
  { editPhoto: { id: string } },
  {
    id: string;
    edits: {
      kind: EditKind;
      degrees?: number;
      left?: number;
      top?: number;
      width?: number;
      height?: number;
    }[];
  }
> = gql`
  mutation EditPhoto($id: ID!, $edits: [PhotoEditInput!]!) { editPhoto(id: $id, edits: $edits) { id } }
`;

/** Renditions are served by the gateway at /photos/…; the dashboard proxies it under /api. */
export function viaProxy(url: string | null | undefined): string | undefined {
  return url ? `/api${url}` : undefined;
}

export const PHOTO_SETTINGS: TypedDocumentNode<
  { photoSettings: { hideLocation: boolean } },
  Record<string, never>
> = gql`
  query PhotoSettings { photoSettings { hideLocation } }
`;

export const SET_PHOTO_SETTINGS: TypedDocumentNode<
  { setPhotoSettings: { hideLocation: boolean } },
  { hideLocation: boolean }
> = gql`
  mutation SetPhotoSettings($hideLocation: Boolean!) { setPhotoSettings(hideLocation: $hideLocation) { hideLocation } }
`;
