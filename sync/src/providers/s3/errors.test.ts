import assert from 'node:assert/strict';
import { test } from 'node:test';
import { s3Error } from './errors.js';

// Errors shaped like the AWS SDK's (name + $metadata) and Node's (code): each maps to the
// SyncoxideError code the retry logic and the gateway rely on, with the path in the message.
const sdk = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

test('S3 and network errors map onto typed errors naming the path', () => {
  const cases: [unknown, string, boolean][] = [
    [sdk('NoSuchKey', 404), 'NOT_FOUND', false],
    [sdk('NotFound', 404), 'NOT_FOUND', false],
    [sdk('AccessDenied', 403), 'PERMISSION_DENIED', false],
    [sdk('Forbidden', 403), 'PERMISSION_DENIED', false],
    [sdk('InvalidAccessKeyId', 403), 'UNAUTHENTICATED', false],
    [sdk('SignatureDoesNotMatch', 403), 'UNAUTHENTICATED', false],
    [sdk('PreconditionFailed', 412), 'PRECONDITION_FAILED', false],
    [sdk('InvalidRange', 416), 'INVALID_INPUT', false],
    [sdk('SlowDown', 503), 'RATE_LIMITED', true],
    [sdk('InternalError', 500), 'UNAVAILABLE', true],
    [sdk('Whatever', 503), 'UNAVAILABLE', true],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'NETWORK', true],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'NETWORK', true],
  ];
  for (const [err, code, retriable] of cases) {
    const mapped = s3Error(err, 'dir/file.txt', 'cannot read');
    assert.equal(mapped.code, code, String(err));
    assert.equal(mapped.retriable, retriable, String(err));
    assert.match(mapped.message, /dir\/file\.txt/);
  }
});
