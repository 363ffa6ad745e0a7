import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportToCsv } from './csv.js';
import type { CleanupItem } from './types.js';

const item: CleanupItem = {
  nodeId: 'n1',
  remoteId: 'r1',
  kind: 'file',
  path: 'docs/a, "quoted".txt',
  name: '=SUM(A1)',
  size: 12,
  mtime: 0,
  md5: null,
  revision: 3,
  group: null,
  keep: false,
  files: 1,
  reclaimableBytes: 12,
};

test('CSV quotes commas and quotes, neutralises formulas, CRLF line ends', () => {
  const csv = reportToCsv([item]);
  const [header, row] = csv.split('\r\n');
  assert.equal(
    header,
    'nodeId,remoteId,kind,path,name,size,mtime,md5,revision,group,keep,files,reclaimableBytes',
  );
  assert.equal(
    row,
    `n1,r1,file,"docs/a, ""quoted"".txt",'=SUM(A1),12,1970-01-01T00:00:00.000Z,,3,,false,1,12`,
  );
  assert.ok(csv.endsWith('\r\n'));
});
