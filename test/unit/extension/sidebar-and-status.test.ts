// How the sidebar groups terms and findings, and what the status bar says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORY_LABELS, lintText } from '../../../src/engine/api.js';
import { countSeverities, firstSentence, groupEntries, groupFindings, groupTerms } from '../../../src/extension/sidebar/grouping.js';
import { statusText } from '../../../src/extension/status-bar/status-text.js';
import { bundledKb } from '../../helpers.js';

const kb = bundledKb();
const label = (c: keyof typeof CATEGORY_LABELS) => CATEGORY_LABELS[c];
const TEXT = [
  'Example Magnetics produces domestic magnets in Ohio from blanks sintered in China.',
  '',
  'The tax credit will help. Blank magnets are finished here. Section 45X applies, and the magnet blank',
  'arrives by sea. The export control rules apply.',
  '',
].join('\n');

test('terms: by category (A–Z), then term (A–Z), with every occurrence in order', () => {
  const r = lintText(TEXT, kb, { kind: 'markdown' });
  const groups = groupTerms(r.terms, (id) => kb.get(id), label);
  assert.deepEqual(
    groups.map((g) => g.label),
    [...new Set(groups.map((g) => g.label))].sort((a, b) => a.localeCompare(b)),
  );
  const supply = groups.find((g) => g.category === 'supply-chain')!;
  const blank = supply.items.find((t) => t.entry.id === 'magnet-blank')!;
  assert.deepEqual(
    blank.occurrences.map((o) => `${o.start.line}:${o.text}`),
    ['3:Blank magnets', '3:magnet blank'],
  );
  const terms = supply.items.map((t) => t.entry.term);
  assert.deepEqual(terms, [...terms].sort((a, b) => a.localeCompare(b)));
});

test('an ambiguous occurrence counts under each of its entries; unknown ids are skipped', () => {
  const occ = { entries: ['magnet-blank', 'sintering', 'gone'], text: 'x', start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };
  const groups = groupTerms([occ], (id) => kb.get(id), label);
  assert.deepEqual(groups.flatMap((g) => g.items.map((t) => t.entry.id)).sort(), ['magnet-blank', 'sintering']);
});

test('findings: by rule, errors first, then by rule id; findings in document order; worst severity', () => {
  const r = lintText(TEXT, kb, { kind: 'markdown' });
  const groups = groupFindings(r.findings);
  assert.equal(groups[0]!.worst, 'error');
  assert.equal(groups[0]!.ruleId, 'domestic-claim-imported-blanks');
  const order = { error: 0, warning: 1, info: 2, hint: 3 };
  for (let i = 1; i < groups.length; i++) assert.ok(order[groups[i - 1]!.worst] <= order[groups[i]!.worst]);
  assert.equal(groups.reduce((n, g) => n + g.findings.length, 0), r.findings.length);
});

test('KB entries by category, terms A–Z', () => {
  const groups = groupEntries(kb.entries.values(), label);
  assert.equal(groups.reduce((n, g) => n + g.items.length, 0), kb.size);
  assert.deepEqual(groups.map((g) => g.label), ['Domestic standards', 'Export controls', 'Incentives', 'Supply chain', 'Trade']);
});

test('status bar: non-zero counts with icons, a check when clean, partial and oversize states', () => {
  const counts = { error: 1, warning: 3, info: 1, hint: 1 };
  assert.equal(statusText({ state: 'linted', counts, partial: false }).text, '$(law) $(error) 1 $(warning) 3 $(info) 2');
  assert.equal(statusText({ state: 'linted', counts: { error: 0, warning: 2, info: 0, hint: 0 }, partial: false }).text, '$(law) $(warning) 2');
  assert.equal(statusText({ state: 'linted', counts: { error: 0, warning: 0, info: 0, hint: 0 }, partial: false }).text, '$(law) $(check)');
  assert.match(statusText({ state: 'linted', counts, partial: true }).tooltip, /1 error, 3 warnings, 2 notes \(checked partially\)/);
  assert.match(statusText({ state: 'oversize', bytesText: '12.0 MB', limitText: '10.0 MB' }).tooltip, /not checked: the document is 12\.0 MB, over the 10\.0 MB limit/);
  const findings = lintText(TEXT, kb).findings;
  const counts2 = countSeverities(findings);
  for (const sev of ['error', 'warning', 'info', 'hint'] as const) assert.equal(counts2[sev], findings.filter((f) => f.severity === sev).length, sev);
});

test('tree labels use the first sentence of a message, shortened', () => {
  assert.equal(firstSentence('First one. Second one.'), 'First one.');
  assert.equal(firstSentence('No stop\nat all'), 'No stop at all');
  assert.equal(firstSentence('x'.repeat(200), 10), `${'x'.repeat(9)}…`);
});
