// The committed SDL is the contract with the dashboard and third parties: a change to the
// schema must be deliberate (run `npm run schema:print -w @syncoxide/gateway` and commit).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

test('committed schema.graphql matches the code', () => {
  const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
  assert.equal(
    committed,
    `${printSchema(schema)}\n`,
    'schema drifted: run npm run schema:print -w @syncoxide/gateway',
  );
});
