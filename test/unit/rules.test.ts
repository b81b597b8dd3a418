// Fixture tests, as markdownlint has them: each test/fixtures/rules/<rule-id>*.md marks with
// `<!-- expect rule-id -->` every line where a finding of that rule must start; no other line
// may have one.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintText } from '../../src/engine/lint.js';
import { RULE_IDS, RULES } from '../../src/engine/rules/index.js';
import { bundledKb, expectedMarkers, fixture, ROOT } from '../helpers.js';

const dir = fixture('rules');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md') || f.endsWith('.txt'));

for (const file of files) {
  const ruleId = RULE_IDS.find((id) => file.startsWith(id));
  test(`${file}: findings of ${ruleId} start exactly on the marked lines`, () => {
    assert.ok(ruleId, `${file} is named after a rule`);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const kind = file.endsWith('.txt') ? 'text' : 'markdown';
    for (const mode of ['fast', 'full'] as const) {
      const got: number[] = lintText(text, bundledKb(), { kind, mode })
        .findings.filter((f) => f.ruleId === ruleId)
        .map((f) => f.start.line);
      const want = expectedMarkers(text)
        .filter((m) => m.ruleId === ruleId)
        .map((m) => m.line);
      assert.deepEqual(got, want, `${mode} parse`);
    }
  });
}

test('every rule has a fixture and a docs page', () => {
  for (const rule of RULES) {
    assert.ok(files.some((f) => f.startsWith(rule.id)), `fixture for ${rule.id}`);
    const doc = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(fs.existsSync(doc), `docs/rules/${rule.id}.md`);
    assert.match(fs.readFileSync(doc, 'utf8'), new RegExp(`^# ${rule.id}\\b`));
  }
});

test('findings carry the message, the KB entries and related evidence', () => {
  const text = fs.readFileSync(path.join(dir, 'domestic-claim-imported-blanks.md'), 'utf8');
  const f = lintText(text, bundledKb()).findings.find((x) => x.ruleId === 'domestic-claim-imported-blanks')!;
  assert.equal(text.slice(f.start.offset, f.end.offset), 'domestic magnet producer');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /DFARS 225\.7018-2/);
  assert.match(f.message, /S\. 1979/);
  assert.ok(f.entries.includes('magnet-blank') && f.entries.includes('dfars-magnet-restriction'));
  assert.equal(f.related.length, 1);
  assert.equal(text.slice(f.related[0]!.start.offset, f.related[0]!.end.offset), 'sintered NdFeB blocks');
});

test('the notes a fix inserts cite the KB and apply as one edit set', () => {
  const text = 'Example Agency wants domestic magnets for its pumps.\n';
  const f = lintText(text, bundledKb()).findings.find((x) => x.ruleId === 'domestic-undefined')!;
  const fix = f.fixes[0]!;
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  assert.match(out, /^Example Agency wants domestic\[\^domestic\] magnets/);
  assert.match(out, /\n\[\^domestic\]: "domestic" in this document means: TODO .*DFARS/);
  assert.match(out, /https?:\/\//, 'the note cites a source URL');
  // Once defined, the finding goes away.
  assert.equal(lintText(out, bundledKb()).findings.filter((x) => x.ruleId === 'domestic-undefined').length, 0);
});

test('measure-status: a suspension that has run out is reported as unconfirmed, with its dates', () => {
  const text = 'MOFCOM Announcement No. 61 of 2025 requires licences for foreign-made magnets.\n';
  const before = lintText(text, bundledKb(), { today: '2026-06-01' }).findings.find((f) => f.ruleId === 'measure-status')!;
  assert.match(before.message, /is suspended, but this sentence speaks of it as in force\. Knowledge base: status suspended \(effective [\d-]+, suspended until 2026-11-10\)/);
  const after = lintText(text, bundledKb(), { today: '2026-11-28' }).findings.find((f) => f.ruleId === 'measure-status')!;
  assert.match(after.message, /was suspended until 2026-11-10; whether it is back in force is not confirmed/);
  const hedged = 'MOFCOM Announcement No. 61 of 2025 was suspended until 10 November 2026.\n';
  assert.equal(lintText(hedged, bundledKb()).findings.filter((f) => f.ruleId === 'measure-status').length, 0);
});

test('preferred-term keeps the plural and the capital the writer used', () => {
  const fix = (text: string) => {
    const f = lintText(text, bundledKb()).findings.find((x) => x.ruleId === 'preferred-term')!;
    const e = f.fixes[0]!.edits[0]!;
    return text.slice(0, e.start) + e.text + text.slice(e.end);
  };
  assert.equal(fix('The plant finishes blank magnets.'), 'The plant finishes magnet blanks.');
  assert.equal(fix('Blank magnet supply is short.'), 'Magnet blank supply is short.');
});
