// Share links and file requests in PostgreSQL (the store of share-link secrets). Idempotent: run
// on every start, and by each test in its own schema. Rows are scoped by owner_id.
import type { Sql } from '../db/sql.js';

export async function migrateLinks({ pool, schema }: Sql): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.share_links (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      token text NOT NULL UNIQUE,
      node_id text NOT NULL,
      remote_id text NOT NULL,
      path text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('file', 'folder')),
      name text NOT NULL,
      note text,
      password_hash text,
      expires_at timestamptz,
      max_downloads integer,
      downloads integer NOT NULL DEFAULT 0,
      views integer NOT NULL DEFAULT 0,
      preview_only boolean NOT NULL DEFAULT false,
      require_pgp boolean NOT NULL DEFAULT false,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX IF NOT EXISTS share_links_owner ON ${schema}.share_links (owner_id, node_id);
    -- Piece hashes of a shared file, per content version (etag): computed once per version.
    CREATE TABLE IF NOT EXISTS ${schema}.share_torrents (
      link_id uuid NOT NULL REFERENCES ${schema}.share_links(id) ON DELETE CASCADE,
      etag text NOT NULL,
      info bytea NOT NULL,
      info_hash text NOT NULL,
      PRIMARY KEY (link_id, etag)
    );
    CREATE TABLE IF NOT EXISTS ${schema}.file_requests (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      token text NOT NULL UNIQUE,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      remote_id text NOT NULL,
      folder_path text NOT NULL,
      deadline timestamptz,
      late_uploads text NOT NULL DEFAULT 'none',
      password_hash text,
      max_file_bytes bigint,
      max_files integer,
      allowed_types text[] NOT NULL DEFAULT '{}',
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX IF NOT EXISTS file_requests_owner ON ${schema}.file_requests (owner_id);
    -- One row per tus upload into a request; the chosen path is reserved from creation on, so two
    -- uploaders sending the same name never aim at the same destination.
    CREATE TABLE IF NOT EXISTS ${schema}.request_uploads (
      id text PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES ${schema}.file_requests(id) ON DELETE CASCADE,
      remote_id text NOT NULL,
      path text NOT NULL,
      size bigint NOT NULL,
      "offset" bigint NOT NULL DEFAULT 0,
      state jsonb NOT NULL,
      late boolean NOT NULL,
      sha1 text,
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (remote_id, path)
    );
    -- The :Share {type: link|request} node recording the link in the graph (views: shared by me).
    ALTER TABLE ${schema}.share_links ADD COLUMN IF NOT EXISTS graph_share_id text;
    ALTER TABLE ${schema}.file_requests ADD COLUMN IF NOT EXISTS graph_share_id text;
    CREATE INDEX IF NOT EXISTS request_uploads_request ON ${schema}.request_uploads (request_id);
  `);
}
