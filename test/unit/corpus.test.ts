// Real legal text: the flagship rule must stay silent on it, and the fast path must give
// exactly what the full parse gives.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintText } from '../../src/engine/lint.js';
import { bundledKb, SHARED } from '../helpers.js';

const corpus = [
  path.join(SHARED, 'corpus', 'usc26-business-credits.md'),
  path.join(SHARED, 'corpus', 'usc10-acquisition.md'),
  ...fs.readdirSync(path.join(SHARED, 'corpus', 'policy')).map((f) => path.join(SHARED, 'corpus', 'policy', f)),
];

for (const file of corpus) {
  test(`${path.basename(file)}: no domestic-claim-imported-blanks finding; fast path equals full parse`, () => {
    const text = fs.readFileSync(file, 'utf8');
    const kind = file.endsWith('.md') ? 'markdown' : 'text';
    const fast = lintText(text, bundledKb(), { kind });
    assert.deepEqual(
      fast.findings.filter((f) => f.ruleId === 'domestic-claim-imported-blanks').map((f) => f.message),
      [],
    );
    if (kind === 'markdown') {
      const full = lintText(text, bundledKb(), { kind, mode: 'full' });
      assert.deepEqual(fast.terms, full.terms);
      assert.deepEqual(fast.findings, full.findings);
      assert.ok(fast.terms.length > 100, `${fast.terms.length} terms found`);
    }
  });
}
