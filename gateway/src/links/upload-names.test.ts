import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downloadTypeOf } from './preview-types.js';
import { checkUploadPath, typeAllowed, withSuffix } from './upload-names.js';

test('plain relative paths pass, split into names', () => {
  assert.deepEqual(checkUploadPath('a/b/report.pdf'), ['a', 'b', 'report.pdf']);
  assert.deepEqual(checkUploadPath('été – notes.txt'), ['été – notes.txt']);
});

test('escaping, hiding and reserved names are refused', () => {
  for (const p of [
    '../x',
    'a/../../x',
    '/etc/passwd',
    'C:\\x',
    'a\\b',
    'nul\u0000.txt',
    'tab\there',
    'x'.repeat(256),
    'CON',
    'com1.txt',
    'lpt9',
    'trailing.',
    'a//b',
    '.syncoxide-x.partial',
    'what?.txt',
    '',
  ]) {
    assert.throws(() => checkUploadPath(p), { code: 'INVALID_INPUT' }, JSON.stringify(p));
  }
});

test('suffixes keep the extension', () => {
  assert.equal(withSuffix('a.pdf', 0), 'a.pdf');
  assert.equal(withSuffix('a.pdf', 2), 'a (2).pdf');
  assert.equal(withSuffix('Makefile', 1), 'Makefile (1)');
  assert.equal(withSuffix('.env', 1), '.env (1)');
});

test('allowed types by extension or media type, not by what the client claims', () => {
  assert.ok(typeAllowed('x.PDF', ['pdf'], downloadTypeOf));
  assert.ok(typeAllowed('x.jpg', ['image/*'], downloadTypeOf));
  assert.ok(!typeAllowed('x.html', ['pdf', 'image/*'], downloadTypeOf));
  assert.ok(!typeAllowed('pdf', ['pdf'], downloadTypeOf));
  assert.ok(typeAllowed('anything', [], downloadTypeOf));
});
