// Helpers for the public-link tests: GraphQL calls to make links and requests, outsider
// requests (optionally from another loopback address, so per-IP limits can be told apart).
import { request } from 'node:http';
import type { Client, TestGateway } from './harness.js';

export const LINK_FIELDS =
  'id token url name kind hasPassword expiresAt maxDownloads downloads views previewOnly requirePgp state';

export async function createLink(c: Client, file: string, opts: Record<string, unknown> = {}) {
  const r = await c.ok<{ createShareLink: Record<string, unknown> & { id: string; token: string } }>(
    `mutation($file: ID!, $password: String, $expiresAt: DateTime, $maxDownloads: Int, $previewOnly: Boolean,
      $requirePgp: Boolean, $note: String) {
      createShareLink(file: $file, password: $password, expiresAt: $expiresAt, maxDownloads: $maxDownloads,
        previewOnly: $previewOnly, requirePgp: $requirePgp, note: $note) { ${LINK_FIELDS} } }`,
    { file, ...opts },
  );
  return r.createShareLink;
}

export async function nodeId(c: Client, path: string): Promise<string> {
  const r = await c.ok<{ search?: unknown }>(
    `query { myDrive(first: 200) { edges { node { id path kind } } } }`,
  );
  // Walk folders by name from the root.
  const parts = path.split('/');
  let edges = (r as unknown as { myDrive: { edges: { node: { id: string; path: string } }[] } }).myDrive
    .edges;
  let id = '';
  for (let i = 0; i < parts.length; i++) {
    const want = parts.slice(0, i + 1).join('/');
    const hit = edges.find((e) => e.node.path === want || e.node.path.endsWith(`/${want}`));
    if (!hit) throw new Error(`no ${want} in ${edges.map((e) => e.node.path).join(', ')}`);
    id = hit.node.id;
    if (i < parts.length - 1) {
      const f = await c.ok<{ folder: { edges: { node: { id: string; path: string } }[] } }>(
        'query($id: ID!) { folder(id: $id, first: 200) { edges { node { id path } } } }',
        { id },
      );
      edges = f.folder.edges;
    }
  }
  return id;
}

/** A POST from a chosen loopback address (127.0.0.x): the gateway sees it as another client. */
export function postFrom(gw: TestGateway, from: string, path: string, body: unknown) {
  const url = new URL(`${gw.base}${path}`);
  const data = JSON.stringify(body);
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
