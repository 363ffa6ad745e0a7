// The graph's schema as versioned steps: schema statements, then data statements, every one
// idempotent (IF NOT EXISTS / IF EXISTS, WHERE … IS NULL), so a step interrupted half-way or run by two processes at once
// is simply run again. Never edit an applied step: add a new one.

export interface Migration {
  version: number;
  name: string;
  /** Schema statements, each idempotent. */
  statements: string[];
  /** Data statements run after them (auto-commit, so they may batch), each idempotent. */
  data?: string[];
}

const unique = (label: string, prop = 'id') =>
  `CREATE CONSTRAINT ${label.toLowerCase()}_${prop}_unique IF NOT EXISTS FOR (x:${label}) REQUIRE x.${prop} IS UNIQUE`;
const index = (name: string, label: string, props: string[]) =>
  `CREATE INDEX ${name} IF NOT EXISTS FOR (x:${label}) ON (${props.map((p) => `x.${p}`).join(', ')})`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'identities',
    statements: [
      unique('User'),
      unique('Remote'),
      unique('Device'),
      unique('Node'),
      unique('Version'),
      unique('LogicalFile'),
      unique('Share'),
      unique('SyncRule'),
      unique('Album'),
      unique('Outbox'),
    ],
  },
  {
    version: 2,
    name: 'file tree lookups',
    statements: [
      // Ingest: one listing entry → its node, by path or by the provider's id.
      index('node_path', 'Node', ['ownerId', 'remoteId', 'path']),
      index('node_provider_id', 'Node', ['ownerId', 'remoteId', 'providerId']),
      // Hash moves and duplicate/copy detection.
      index('node_md5', 'Node', ['ownerId', 'md5']),
      index('node_sha1', 'Node', ['ownerId', 'sha1']),
      // Folder listings and My Drive: children of a folder or of a remote's root.
      index('node_parent', 'Node', ['ownerId', 'parentId']),
      index('node_logical', 'Node', ['ownerId', 'logicalId']),
      index('node_trash_root', 'Node', ['ownerId', 'trashRootId']),
      index('node_starred', 'Node', ['ownerId', 'starred']),
      index('node_mtime', 'Node', ['ownerId', 'mtime']),
      index('node_updated', 'Node', ['ownerId', 'updatedAt']),
      index('remote_owner', 'Remote', ['ownerId']),
      index('device_owner', 'Device', ['ownerId']),
      index('share_owner', 'Share', ['ownerId']),
      index('share_grantee', 'Share', ['granteeId']),
      index('sync_rule_owner', 'SyncRule', ['ownerId']),
      index('album_owner', 'Album', ['ownerId']),
    ],
  },
  {
    version: 3,
    name: 'outbox order',
    statements: [index('outbox_ts', 'Outbox', ['ts', 'seq']), index('outbox_owner', 'Outbox', ['ownerId'])],
  },
  {
    version: 4,
    name: 'fewer index entries per write',
    // Every index entry costs at commit. Versions are reached through their node and outbox
    // entries through the (ts, seq) order (the relay deletes by element id, checking the id),
    // so their uuid indexes only slowed ingest down.
    statements: [
      'DROP CONSTRAINT version_id_unique IF EXISTS',
      'DROP CONSTRAINT outbox_id_unique IF EXISTS',
      'DROP INDEX outbox_owner IF EXISTS',
      'DROP INDEX node_updated IF EXISTS',
    ],
  },
  {
    version: 5,
    name: 'no mtime index',
    // Recents orders by a computed key with a cursor condition, which no index serves.
    statements: ['DROP INDEX node_mtime IF EXISTS'],
  },
  {
    version: 6,
    name: 'children through IN',
    // Folder listings follow IN relationships; an index on parentId cost every write.
    statements: ['DROP INDEX node_parent IF EXISTS'],
  },
  {
    version: 7,
    name: 'outbox lanes',
    // A relay reads one lane in (ts, seq) order straight from this index.
    statements: [
      'CREATE INDEX outbox_lane_ts IF NOT EXISTS FOR (x:Outbox) ON (x.lane, x.ts, x.seq)',
      'DROP INDEX outbox_ts IF EXISTS',
    ],
    // Entries written before lanes belong to the main lane.
    data: ["MATCH (o:Outbox) WHERE o.lane IS NULL CALL (o) { SET o.lane = '' } IN TRANSACTIONS OF 5000 ROWS"],
  },
];
