import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseEntry } from '../../src/engine/kb/entry.js';
import { KnowledgeBase } from '../../src/engine/kb/knowledge-base.js';
import { loadEntryDir } from '../../src/engine/kb/load.js';
import { CATEGORIES } from '../../src/engine/kb/types.js';
import { fixture, ROOT, sourceKb } from '../helpers.js';

test('the bundled knowledge base has no problems and at least 80 entries', () => {
  const kb = sourceKb();
  assert.deepEqual(kb.problems.filter((p) => p.severity === 'error'), []);
  assert.ok(kb.size >= 80, `${kb.size} entries`);
  for (const c of CATEGORIES) assert.ok([...kb.entries.values()].some((e) => e.category === c), `category ${c} has entries`);
});

test('every bundled entry has a citation with title, URL and date, and a review date', () => {
  for (const e of sourceKb().entries.values()) {
    assert.ok(e.citations.length >= 1, e.id);
    for (const c of e.citations) {
      assert.ok(c.title && /^https?:\/\//.test(c.url) && /^\d{4}-\d{2}-\d{2}$/.test(c.date), `${e.id}: ${JSON.stringify(c)}`);
    }
    assert.match(e.reviewed, /^\d{4}-\d{2}-\d{2}$/);
    if (e.status === 'suspended' || e.status === 'expired') assert.ok(e.ends, `${e.id} is ${e.status} and needs an end date`);
  }
});

test('time-bound measures say what is not confirmed after their last source', () => {
  const kb = sourceKb();
  for (const id of ['mofcom-announcement-61-2025', 'mofcom-announcement-62-2025']) {
    const e = kb.get(id)!;
    assert.equal(e.status, 'suspended');
    assert.equal(e.ends, '2026-11-10');
    assert.match(e.caveat ?? '', /confirm/i, `${id} says what is not confirmed`);
  }
  assert.equal(kb.get('rare-earth-magnet-security-act')!.status, 'proposed');
  assert.match(kb.get('section-45x')!.body + kb.get('section-45x')!.summary, /magnet/i);
});

test('entry errors name the file, the line and the field', () => {
  const dir = fixture('kb-broken');
  const { problems } = loadEntryDir(dir, 'workspace');
  const byFile = (name: string) => problems.filter((p) => path.basename(p.file) === name).map((p) => `${p.line}:${p.field ?? ''}:${p.message}`);
  const yaml = byFile('bad-yaml.md');
  assert.equal(yaml.length, 1, yaml.join('\n'));
  // The parser notices the unclosed list on the next line, and says so.
  assert.match(yaml[0]!, /^4::YAML: Flow sequence .* end with a \]$/);
  const wrong = byFile('wrong-fields.md');
  assert.ok(wrong.some((l) => /^3:category:`category` must be one of/.test(l)), wrong.join('\n'));
  assert.ok(wrong.some((l) => /^4:summary:`summary` is \d+ characters; the limit is 300/.test(l)), wrong.join('\n'));
  assert.ok(wrong.some((l) => /^\d+:sumary:unknown field `sumary` \(did you mean `summary`\?\)/.test(l)), wrong.join('\n'));
  assert.ok(wrong.some((l) => /citations\[0\]\.url:citation url must be an http\(s\) address/.test(l)), wrong.join('\n'));
  assert.ok(wrong.some((l) => /:ends:a suspended measure needs `ends`/.test(l)), wrong.join('\n'));
  assert.deepEqual(byFile('no-front-matter.md'), ['1::missing YAML front matter: the file must start with a line `---`']);
});

test('an alias shared by two entries is an error unless both mark it ambiguous', () => {
  const text = (id: string, alias: string) =>
    `---\nid: ${id}\nterm: ${id} term\naliases: [${alias}]\ncategory: trade\nsummary: s\nwhy: w\nstatus: current\nreviewed: 2026-11-28\ncitations:\n  - { title: t, url: https://example.com, date: 2026-01-01 }\n---\nBody.\n`;
  const a = parseEntry(text('first', 'shared words'), 'first.md', 'workspace', 'first').entry!;
  const b = parseEntry(text('second', 'shared-words'), 'second.md', 'workspace', 'second').entry!;
  const kb = new KnowledgeBase([[a, b]]);
  assert.equal(kb.problems.length, 2);
  assert.match(kb.problems[0]!.message, /"shared words" also names second/);
  const a2 = parseEntry(text('first', '{ text: shared words, ambiguous: true }'), 'first.md', 'workspace', 'first').entry!;
  const b2 = parseEntry(text('second', '{ text: shared-words, ambiguous: true }'), 'second.md', 'workspace', 'second').entry!;
  assert.deepEqual(new KnowledgeBase([[a2, b2]]).problems, []);
});

test('team entries override bundled ones by id and may not point at missing entries', () => {
  const bundled = [...sourceKb().entries.values()];
  const team = loadEntryDir(fixture('kb-team'), 'workspace');
  assert.deepEqual(team.problems, []);
  const kb = new KnowledgeBase([bundled, team.entries]);
  assert.equal(kb.get('magnet-blank')!.origin, 'workspace');
  assert.equal(kb.get('example-offtake-program')!.origin, 'workspace');
  assert.ok(kb.problems.some((p) => p.field === 'related' && /no-such-entry/.test(p.message)));
});

test('docs/kb.md is the generated index of the current KB', () => {
  const index = fs.readFileSync(path.join(ROOT, 'docs', 'kb.md'), 'utf8');
  for (const e of sourceKb().entries.values()) assert.ok(index.includes(`(../kb/${e.id}.md)`), `${e.id} is in docs/kb.md`);
});
