// The Markdown report of Export Findings…: files, then rules, line numbers, messages, the KB
// entries involved with their first citation; message text cannot inject HTML or links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText, type Finding } from '../../../src/engine/api.js';
import { markdownReport } from '../../../src/extension/commands/markdown-report.js';
import { bundledKb } from '../../helpers.js';

const kb = bundledKb();

test('grouped by file then rule, with lines, severities, messages, related evidence and entries with their first citation', () => {
  const a = lintText('Example Magnetics produces domestic magnets in Ohio from blanks sintered in China.\n', kb);
  const b = lintText('Blank magnets are finished here.\n', kb);
  const report = markdownReport(
    [
      { path: 'z/second.md', findings: b.findings },
      { path: 'a/first.md', findings: a.findings },
      { path: 'clean.txt', findings: [] },
    ],
    (id) => kb.get(id),
    '2026-11-28',
  );
  assert.match(report, /^# Policy Lens findings\n\nGenerated 2026-11-28\. 3 files, \d+ findings: 1 errors, 1 warnings, 1 notes\.\n/);
  const order = ['## a/first.md', '## clean.txt', '## z/second.md'].map((h) => report.indexOf(h));
  assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, 'files sorted by path');
  const claim = a.findings.find((f) => f.ruleId === 'domestic-claim-imported-blanks')!;
  assert.ok(
    report.includes(`### domestic-claim-imported-blanks (1)\n\n- **Line ${claim.start.line}, column ${claim.start.column}** (error): ${claim.message.slice(0, 30)}`),
    'the finding under its rule, with line, column, severity and message',
  );
  assert.match(report, /  - line 1: blanks made abroad: "blanks"/);
  const blank = kb.get('magnet-blank')!;
  assert.ok(report.includes(`  - *magnet blank*: ${blank.citations[0]!.title.replace(/[\\`*_[\]<>#|]/g, '\\$&')}, ${blank.citations[0]!.date}, <${blank.citations[0]!.url}>`));
  assert.match(report, /## clean\.txt\n\nNo findings\./);
  assert.match(report, /### preferred-term \(1\)\n\n- \*\*Line 1, column 1\*\* \(info\): Prefer "Magnet blanks" to "Blank magnets"/);
});

test('message text is literal: no HTML, links or headings from a finding', () => {
  const f: Finding = {
    ruleId: 'measure-status',
    severity: 'warning',
    message: '<script>x</script> [click](command:evil) # not a heading | pipe',
    start: { offset: 0, line: 2, column: 3 },
    end: { offset: 1, line: 2, column: 4 },
    related: [],
    entries: [],
    fixes: [],
  };
  const report = markdownReport([{ path: 'x.md', findings: [f] }], () => undefined, '2026-11-28');
  assert.ok(report.includes('\\<script\\>x\\</script\\> \\[click\\](command:evil) \\# not a heading \\| pipe'));
});
