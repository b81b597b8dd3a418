// The flagship rule scored as ../shared/claims/GUIDELINE.md says, on the shared dev cases
// and on case sets written independently to the same guideline (test/fixtures/claims).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { QUICK, TRIGGER } from '../../src/engine/rules/domestic-claim-imported-blanks.js';
import { parseCases, scoreCases } from '../../src/tools/claims-score.js';
import { fixture, SHARED } from '../helpers.js';

function score(file: string) {
  const cases = parseCases(fs.readFileSync(file, 'utf8'));
  for (const c of cases) if (c.label === 'flag') assert.ok(c.text.includes(c.claim!), `${c.id}: claim is in the text`);
  const s = scoreCases(cases);
  return { p: s.precision, r: s.recall, missed: s.missed, wrong: s.falsePositives };
}

test('dev cases: precision ≥ 0.95 and recall ≥ 0.90', () => {
  const s = score(path.join(SHARED, 'claims', 'cases.jsonl'));
  assert.ok(s.p >= 0.95, `P ${s.p.toFixed(3)}; false positives ${s.wrong.join(', ')}`);
  assert.ok(s.r >= 0.9, `R ${s.r.toFixed(3)}; missed ${s.missed.join(', ')}`);
});

// Case sets written independently to the same guideline (test/fixtures/claims). Each was
// first scored unseen (see CHANGELOG.md for those numbers), then used in development; they
// now guard against regressions.
// Recall floors below 0.95, with the reason. Set m (the newest) still misses claims the rule
// does not read yet: plants that "will produce American magnets" from blanks that "will be
// imported", "our magnets never leave U.S. soil", evidence given in a staff member's quote
// in a social-media post, and a footnote to a table cell.
// Set o (long multi-paragraph documents, the last set written) misses claims and evidence in
// forms not modelled yet; it was used for precision fixes only.
const RECALL_FLOOR: Record<string, number> = { 'heldout-m.jsonl': 0.8, 'heldout-o.jsonl': 0.75 };
for (const name of fs.readdirSync(fixture('claims')).filter((f) => f.endsWith('.jsonl'))) {
  const floor = RECALL_FLOOR[name] ?? 0.95;
  test(`independent cases (${name}): precision ≥ 0.95 and recall ≥ ${floor}`, () => {
    const s = score(fixture('claims', name));
    assert.ok(s.p >= 0.95, `P ${s.p.toFixed(3)}; false positives ${s.wrong.join(', ')}`);
    assert.ok(s.r >= floor, `R ${s.r.toFixed(3)}; missed ${s.missed.join(', ')}`);
  });
}

test('the quick pre-test never hides blanks evidence the full pattern would find', () => {
  const files = [path.join(SHARED, 'claims', 'cases.jsonl'), ...fs.readdirSync(fixture('claims')).map((f) => fixture('claims', f))];
  let checked = 0;
  for (const file of files)
    for (const line of fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
      const { text } = JSON.parse(line) as { text: string };
      for (const part of text.split(/\n\s*\n/)) {
        if (TRIGGER.test(part)) {
          assert.ok(QUICK.test(part), `pre-test misses: ${part.slice(0, 120)}`);
          checked++;
        }
      }
    }
  assert.ok(checked > 300, `${checked} passages with blanks evidence checked`);
});
