// Keyset pagination over nodes: a view gives the MATCH that binds `n`; this adds the stable
// order (folders first where asked, the sort value, then the id) and the cursor condition.
import { int, num, type Tx } from '../db.js';
import type { StoredNode } from '../model.js';
import { nodeFromProps } from '../nodes/node-props.js';
import type { Key, Sort } from './cursor.js';

const VALUE: Record<Sort['field'], string> = {
  name: 'toLower(n.name)',
  // Unknown sizes and times sort before every known one.
  size: 'coalesce(n.size, -1)',
  mtime: 'coalesce(n.mtime, -1)',
  updatedAt: 'n.updatedAt',
  createdAt: 'n.createdAt',
  trashedAt: 'coalesce(n.trashedAt, -1)',
};

export interface NodePageQuery {
  /** Cypher that binds `n` (a :Node) using the given params; ends without RETURN. */
  match: string;
  params: Record<string, unknown>;
  sort: Sort;
  foldersFirst: boolean;
  after: Key | null;
  limit: number;
}

export interface KeyedNode {
  node: StoredNode;
  key: Key;
}

/** Up to `limit + 1` nodes after the cursor: the extra one tells whether a next page exists. */
export async function pageNodes(tx: Tx, q: NodePageQuery): Promise<KeyedNode[]> {
  const op = q.sort.direction === 'asc' ? '>' : '<';
  const dir = q.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const rank = q.foldersFirst ? "CASE n.kind WHEN 'folder' THEN 0 ELSE 1 END" : '0';
  const result = await tx.run(
    `${q.match}
     WITH n, ${rank} AS rank, ${VALUE[q.sort.field]} AS value
     WHERE $after IS NULL OR rank > $after.r OR (rank = $after.r AND (value ${op} $after.v OR (value = $after.v AND n.id ${op} $after.id)))
     RETURN n {.*} AS props, rank, value
     ORDER BY rank ASC, value ${dir}, n.id ${dir}
     LIMIT $limit`,
    { ...q.params, after: q.after, limit: int(q.limit + 1) },
  );
  return result.records.map((r) => {
    const node = nodeFromProps(r.get('props'));
    const value = r.get('value') as unknown;
    return {
      node,
      key: { r: num(r.get('rank')) ?? 0, v: typeof value === 'string' ? value : num(value), id: node.id },
    };
  });
}
