// Ids and naming helpers shared by every package.
import { randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** A short unique prefix for names a test creates (topics, indexes, databases, folders). */
export function uniqueName(label: string): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`.toLowerCase();
}
