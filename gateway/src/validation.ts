// Input validation at the service edge: zod schemas, failures as INVALID_INPUT naming each
// problem (the error masking turns that into extensions.code).
import { SyncoxideError } from '@syncoxide/core';
import type { z } from 'zod';

export function invalidInput<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) =>
    i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message,
  );
  throw new SyncoxideError('INVALID_INPUT', problems.join('; '));
}

/** A file or folder name: no separators, no NUL or control characters, not . or .., ≤ 255 bytes. */
export function checkName(name: unknown): string {
  const n = typeof name === 'string' ? name : '';
  const bad =
    n.trim() === '' ||
    n === '.' ||
    n === '..' ||
    /[/\\]/.test(n) ||
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
    /[\u0000-\u001f\u007f]/.test(n) ||
    Buffer.byteLength(n) > 255;
  if (bad) throw new SyncoxideError('INVALID_INPUT', 'not a valid file or folder name');
  return n;
}
