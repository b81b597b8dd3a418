// The engine and the bundled KB load on first need, from the built dist/ folder.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { EngineLoader } from '../../../src/extension/engine-loader.js';
import { ROOT } from '../../helpers.js';

test('nothing is loaded until asked; then dist/engine.js and dist/kb.json, once', () => {
  const loader = new EngineLoader(path.join(ROOT, 'dist'));
  assert.equal(loader.loaded, false);
  const engine = loader.get();
  assert.equal(loader.loaded, true);
  assert.equal(typeof engine.LintSession, 'function');
  assert.ok(engine.RULE_IDS.includes('domestic-claim-imported-blanks'));
  const entries = loader.bundledEntries();
  assert.ok(entries.length >= 90);
  assert.equal(loader.bundledEntries(), entries, 'read once');
  assert.equal(loader.get(), engine);
  assert.ok((loader.loadMs ?? -1) >= 0);
});
