// Maps stored shares, links and versions to the records views return.
import { num, str } from '../db.js';
import type { LinkRecord, ShareRecord } from '../model.js';

export function shareFromProps(p: Record<string, unknown>): ShareRecord {
  const type = p.type === 'link' || p.type === 'request' ? p.type : 'user';
  const role = p.role === 'editor' || p.role === 'commenter' ? p.role : 'viewer';
  return {
    id: String(p.id),
    ownerId: String(p.ownerId),
    nodeId: String(p.nodeId),
    type,
    granteeId: str(p.granteeId),
    role,
    linkRef: str(p.linkRef),
    expiresAt: num(p.expiresAt),
    createdAt: num(p.createdAt) ?? 0,
  };
}

export function linkFromProps(p: Record<string, unknown>): LinkRecord {
  return {
    id: String(p.id),
    ownerId: String(p.ownerId),
    fromId: String(p.fromId),
    toId: String(p.toId),
    note: str(p.note),
    createdAt: num(p.createdAt) ?? 0,
  };
}
