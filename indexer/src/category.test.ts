import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryOf, extensionOf } from './category.js';

test('extension is the lowercased part after the last dot', () => {
  assert.equal(extensionOf('Quarterly Report.XLSX'), 'xlsx');
  assert.equal(extensionOf('archive.tar.gz'), 'gz');
  assert.equal(extensionOf('.bashrc'), null);
  assert.equal(extensionOf('README'), null);
  assert.equal(extensionOf('trailing.'), null);
  assert.equal(extensionOf('Report v2.final draft'), null);
});

test('extension decides the category', () => {
  assert.equal(categoryOf('xlsx', null), 'spreadsheet');
  assert.equal(categoryOf('PDF', 'application/octet-stream'), 'pdf');
  assert.equal(categoryOf('jpg', null), 'image');
  assert.equal(categoryOf('mkv', null), 'video');
  assert.equal(categoryOf('flac', null), 'audio');
  assert.equal(categoryOf('7z', null), 'archive');
  assert.equal(categoryOf('rs', null), 'code');
  assert.equal(categoryOf('pptx', null), 'presentation');
  assert.equal(categoryOf('docx', null), 'document');
  assert.equal(categoryOf('woff2', null), 'font');
});

test('MIME type decides when the extension says nothing', () => {
  assert.equal(categoryOf(null, 'image/heic'), 'image');
  assert.equal(categoryOf('bin', 'video/mp4'), 'video');
  assert.equal(categoryOf(null, 'application/pdf; charset=binary'), 'pdf');
  assert.equal(categoryOf(null, 'text/plain'), 'document');
  assert.equal(
    categoryOf(null, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    'spreadsheet',
  );
  assert.equal(categoryOf(null, 'application/octet-stream'), 'other');
  assert.equal(categoryOf(null, null), 'other');
  assert.equal(categoryOf('xyz', null), 'other');
});

test('an ambiguous code extension with a media MIME type is media', () => {
  assert.equal(categoryOf('ts', null), 'code');
  assert.equal(categoryOf('ts', 'video/mp2t'), 'video');
});
