import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChangeTracker } from './change-tracker.js';

describe('ChangeTracker', () => {
  it('vouches for nothing on a remote neither watched nor trusted', () => {
    const t = new ChangeTracker();
    const cursor = t.cursor(['s3']);
    assert.equal(t.quiet('s3', 'backup', cursor), false);
  });

  it('a trusted remote is quiet until a change under the folder (or above it) is noted', () => {
    const t = new ChangeTracker();
    t.trust('s3');
    const cursor = t.cursor(['s3']);
    assert.equal(t.quiet('s3', 'backup', cursor), true);
    t.note('s3', ['other/x.txt', 'backupx/y.txt']);
    assert.equal(t.quiet('s3', 'backup', cursor), true, 'sibling names are not the folder');
    t.note('s3', ['backup/a/b.txt']);
    assert.equal(t.quiet('s3', 'backup', cursor), false);
    assert.equal(t.quiet('s3', 'backup', t.cursor(['s3'])), true, 'a later cursor is past it');
    const before = t.cursor(['s3']);
    t.note('s3', ['']); // the root itself (a rename of everything)
    assert.equal(t.quiet('s3', 'backup', before), false);
  });

  it("ignores a rule's own writes for that rule only", () => {
    const t = new ChangeTracker();
    t.trust('s3');
    const cursor = t.cursor(['s3']);
    t.note('s3', ['backup/f.txt'], 'rule-a');
    assert.equal(t.quiet('s3', 'backup', cursor, 'rule-a'), true);
    assert.equal(t.quiet('s3', 'backup', cursor, 'rule-b'), false);
  });

  it('a cursor older than what is remembered is not answered', () => {
    const t = new ChangeTracker({ remember: 3 });
    t.trust('s3');
    const cursor = t.cursor(['s3']);
    t.note('s3', ['x/1', 'x/2', 'x/3', 'x/4', 'x/5']);
    assert.equal(t.quiet('s3', 'backup', cursor), false, 'changes before the window may have touched it');
    const recent = t.cursor(['s3']);
    t.note('s3', ['x/6']);
    assert.equal(t.quiet('s3', 'backup', recent), true);
  });

  it("a rule's own writes past the window leave it confirmable; anyone else's do not", () => {
    // A first sync of more files than are remembered must not force the next run to list.
    const t = new ChangeTracker({ remember: 10 });
    t.trust('s3');
    const cursor = t.cursor(['s3']);
    t.note(
      's3',
      Array.from({ length: 50 }, (_, i) => `backup/f${i}`),
      'rule-a',
    );
    assert.equal(t.quiet('s3', 'backup', cursor, 'rule-a'), true, 'only its own writes were forgotten');
    assert.equal(t.quiet('s3', 'backup', cursor, 'rule-b'), false, 'rule-b cannot know what they touched');
    t.note(
      's3',
      Array.from({ length: 50 }, (_, i) => `elsewhere/g${i}`),
    );
    assert.equal(t.quiet('s3', 'backup', cursor, 'rule-a'), false, 'forgotten foreign changes count');
  });
});
