// The files index's physical indexes, template and alias: create, resolve, swap, drop.
// Searches and writes always go through the alias; physical indexes are versioned and
// replaced whole by `reindex`.
import type { Client } from '@opensearch-project/opensearch';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import { searchEngineError } from './engine-errors.js';
import { type FilesIndexOptions, filesTemplate } from './mapping.js';
import { filesAlias, filesIndexPattern, filesTemplateName, newFilesIndexName } from './names.js';

/** Writes the index template (idempotent), so every new physical index gets today's mapping. */
export async function putFilesTemplate(
  client: Client,
  indexPrefix: string,
  options: FilesIndexOptions = {},
): Promise<void> {
  try {
    await client.indices.putIndexTemplate({
      name: filesTemplateName(indexPrefix),
      body: filesTemplate(indexPrefix, options) as never,
    });
  } catch (err) {
    throw searchEngineError(err, 'put files index template');
  }
}

/** Physical indexes the alias points at (normally exactly one); [] when there is no alias. */
export async function resolveFilesAlias(client: Client, indexPrefix: string): Promise<string[]> {
  try {
    const response = await client.indices.getAlias({ name: filesAlias(indexPrefix) });
    return Object.keys(response.body).sort();
  } catch (err) {
    const wrapped = searchEngineError(err, 'resolve files alias');
    if (wrapped.code === 'NOT_FOUND') return [];
    throw wrapped;
  }
}

export interface CreateIndexOptions extends FilesIndexOptions {
  /** Attach the alias (as the write index) in the same request. */
  withAlias?: boolean;
  /** Settings of this index alone, over the template's (e.g. index.gc_deletes in a test). */
  indexSettings?: Record<string, unknown>;
  now?: Date;
}

/** Creates a new physical index (its mapping comes from the template). Returns its name. */
export async function createFilesIndex(
  client: Client,
  indexPrefix: string,
  options: CreateIndexOptions = {},
): Promise<string> {
  const index = newFilesIndexName(indexPrefix, options.now);
  const body: Record<string, unknown> = {};
  if (options.indexSettings) body.settings = options.indexSettings;
  // is_write_index makes a racing second creator fail atomically ("more than one write
  // index") instead of leaving an alias over two indexes, which no one could write to.
  if (options.withAlias) body.aliases = { [filesAlias(indexPrefix)]: { is_write_index: true } };
  try {
    await client.indices.create({ index, body: body as never, wait_for_active_shards: '1' });
  } catch (err) {
    throw searchEngineError(err, `create index ${index}`);
  }
  return index;
}

/**
 * Makes sure the template, a physical index and the alias exist; returns the physical index.
 * Safe to call from several processes at once.
 */
export async function ensureFilesIndex(
  client: Client,
  indexPrefix: string,
  options: CreateIndexOptions = {},
): Promise<string> {
  await putFilesTemplate(client, indexPrefix, options);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await resolveFilesAlias(client, indexPrefix);
    if (current.length === 1) return current[0]!;
    if (current.length > 1) {
      throw new SyncoxideError(
        'CONFLICT',
        `alias ${filesAlias(indexPrefix)} points at ${current.join(', ')}`,
      );
    }
    try {
      return await createFilesIndex(client, indexPrefix, { ...options, withAlias: true });
    } catch (err) {
      // Lost a race with another creator (same index name, or the alias already has a write
      // index): the engine refused with a 400 and the next round finds the winner's alias.
      if (!isSyncoxideError(err, 'INVALID_INPUT')) throw err;
    }
  }
  throw new SyncoxideError('CONFLICT', `could not set up alias ${filesAlias(indexPrefix)}`);
}

/** Points the alias from `from` to `to` in one atomic `_aliases` call. */
export async function swapFilesAlias(
  client: Client,
  indexPrefix: string,
  from: string | null,
  to: string,
): Promise<void> {
  const alias = filesAlias(indexPrefix);
  const actions: object[] = [];
  // remove before add: a concurrent swap that already moved the alias makes this fail whole.
  if (from) actions.push({ remove: { index: from, alias } });
  actions.push({ add: { index: to, alias, is_write_index: true } });
  try {
    await client.indices.updateAliases({ body: { actions } as never });
  } catch (err) {
    throw searchEngineError(err, `swap alias ${alias} from ${from ?? '(none)'} to ${to}`);
  }
}

export async function deleteIndex(client: Client, index: string): Promise<void> {
  try {
    await client.indices.delete({ index });
  } catch (err) {
    const wrapped = searchEngineError(err, `delete index ${index}`);
    if (wrapped.code !== 'NOT_FOUND') throw wrapped;
  }
}

export async function refreshIndex(client: Client, index: string): Promise<void> {
  try {
    await client.indices.refresh({ index });
  } catch (err) {
    throw searchEngineError(err, `refresh ${index}`);
  }
}

export async function putIndexSettings(
  client: Client,
  index: string,
  settings: Record<string, unknown>,
): Promise<void> {
  try {
    await client.indices.putSettings({ index, body: settings as never });
  } catch (err) {
    throw searchEngineError(err, `update settings of ${index}`);
  }
}

/** Removes every physical index and the template of a prefix (tests, uninstall). */
export async function dropFilesIndexes(client: Client, indexPrefix: string): Promise<void> {
  try {
    await client.indices.delete({ index: filesIndexPattern(indexPrefix), expand_wildcards: 'all' });
    await client.indices.deleteIndexTemplate({ name: filesTemplateName(indexPrefix) });
  } catch (err) {
    const wrapped = searchEngineError(err, `drop files indexes of ${indexPrefix}`);
    if (wrapped.code !== 'NOT_FOUND') throw wrapped;
  }
}
