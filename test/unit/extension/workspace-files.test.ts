// Which files Lint Workspace reads: files.exclude merged with node_modules (findFiles drops
// files.exclude once an exclude is given), and .gitignore files at every level.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excludeGlob, expandBraces } from '../../../src/extension/workspace-lint/exclude-glob.js';
import { GitignoreFilter } from '../../../src/extension/workspace-lint/gitignore.js';

test('exclude glob: node_modules plus the true entries of files.exclude, braces expanded', () => {
  assert.equal(excludeGlob(undefined), '{**/node_modules/**}');
  assert.equal(
    excludeGlob({ '**/.git': true, '**/build': false, '**/*.{tmp,bak}': true, '**/*.js': { when: '$(basename).ts' }, '**/node_modules/**': true }),
    '{**/node_modules/**,**/.git,**/*.tmp,**/*.bak}',
  );
});

test('brace expansion handles nesting, several groups and unbalanced input', () => {
  assert.deepEqual(expandBraces('a/{b,c{d,e}}/f'), ['a/b/f', 'a/cd/f', 'a/ce/f']);
  assert.deepEqual(expandBraces('{x,y}.{md,txt}'), ['x.md', 'x.txt', 'y.md', 'y.txt']);
  assert.deepEqual(expandBraces('plain/**'), ['plain/**']);
  assert.deepEqual(expandBraces('broken{a,b'), ['broken{a,b']);
});

test('.gitignore: root and nested files, deeper negations re-include, directories ignore their contents', async () => {
  const files: Record<string, string> = {
    '': 'drafts/private/\n*.tmp.md\nbuild\n',
    drafts: 'old-*.md\n!old-keep.md\n',
    'drafts/sub': '# nothing\n',
  };
  const reads: string[] = [];
  const filter = new GitignoreFilter(async (dir) => {
    reads.push(dir);
    return files[dir];
  });
  const cases: [string, boolean][] = [
    ['README.md', false],
    ['notes.tmp.md', true],
    ['build/out.md', true],
    ['drafts/a.md', false],
    ['drafts/old-a.md', true],
    ['drafts/old-keep.md', false],
    ['drafts/private/secret.md', true],
    ['drafts/sub/old-b.md', true],
    ['drafts/sub/c.txt', false],
  ];
  for (const [p, ignored] of cases) assert.equal(await filter.ignores(p), ignored, p);
  assert.equal(new Set(reads).size, reads.length, 'each .gitignore is read once');
});
