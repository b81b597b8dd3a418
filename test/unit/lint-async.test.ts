import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LintSession, lintText } from '../../src/engine/lint.js';
import { bundledKb, SHARED } from '../helpers.js';

const big = fs.readFileSync(path.join(SHARED, 'corpus', 'usc26-business-credits.md'), 'utf8');

test('lintAsync gives what lint gives, yielding between slices', async () => {
  const session = new LintSession(bundledKb());
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const r = await session.lintAsync(big, { sliceMs: 5 });
  clearInterval(timer);
  assert.ok(r);
  assert.deepEqual(r, lintText(big, bundledKb()));
  assert.ok(ticks > 0, 'the event loop ran while linting');
});

test('lintAsync stops when cancelled between slices', async () => {
  const session = new LintSession(bundledKb());
  let calls = 0;
  const r = await session.lintAsync(big + '\n\nchanged', { sliceMs: 1, isCancelled: () => ++calls > 2 });
  assert.equal(r, undefined);
});

test('lintAsync over its overall budget gives a partial result with the budget in the message', async () => {
  const session = new LintSession(bundledKb());
  const r = await session.lintAsync(big.repeat(3), { sliceMs: 1, budgetMs: 5 });
  assert.ok(r?.partial, 'partial');
  assert.equal(r.partial.reason, 'budget');
  assert.match(r.partial.message, /^checked partially: .* within 5 ms; findings cover lines 1–\d+$/);
});
