// The "disable" quick fixes: the edit they make, and that the engine then silences the finding
// (so the fix does what its title says), in Markdown and plain text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText, type Edit } from '../../../src/engine/api.js';
import { disableFileEdit, disableLineEdit, frontMatterEnd } from '../../../src/extension/code-actions/directive-edits.js';
import { bundledKb } from '../../helpers.js';

const kb = bundledKb();
const apply = (text: string, e: Edit) => text.slice(0, e.start) + e.text + text.slice(e.end);

const DRAFT = [
  '# Draft',
  '',
  'Example Magnetics produces domestic magnets in Ohio.',
  'The blank magnets arrive from abroad.',
  '',
  'Another paragraph about domestic magnets and the tax credit.',
  '',
].join('\n');

test('disable for this line: a comment at the end of the line, and the engine no longer reports the rule there', () => {
  for (const kind of ['markdown', 'text'] as const) {
    const before = lintText(DRAFT, kb, { kind }).findings.find((f) => f.ruleId === 'preferred-term');
    assert.ok(before, `${kind}: a preferred-term finding to silence`);
    const edit = disableLineEdit(DRAFT, before.start.line, 'preferred-term');
    const after = apply(DRAFT, edit);
    assert.equal(after.split('\n')[3], 'The blank magnets arrive from abroad. <!-- policy-lens-disable-line preferred-term -->');
    const findings = lintText(after, kb, { kind }).findings;
    assert.ok(!findings.some((f) => f.ruleId === 'preferred-term'), `${kind}: silenced`);
    // Only that rule on that line: the paragraph is not split, the other findings stay.
    assert.deepEqual(
      findings.map((f) => f.ruleId).sort(),
      lintText(DRAFT, kb, { kind }).findings.map((f) => f.ruleId).filter((r) => r !== 'preferred-term').sort(),
    );
  }
});

test('disable for this line adds the rule to a directive already on the line', () => {
  const text = 'Some text. <!-- policy-lens-disable-line domestic-undefined -->\nmore\n';
  const after = apply(text, disableLineEdit(text, 1, 'preferred-term'));
  assert.equal(after, 'Some text. <!-- policy-lens-disable-line domestic-undefined preferred-term -->\nmore\n');
  const tight = 'x <!--policy-lens-disable-line a-->';
  assert.equal(apply(tight, disableLineEdit(tight, 1, 'b')), 'x <!--policy-lens-disable-line a b -->');
});

test('disable for this line keeps CRLF line ends and trailing spaces out of the way', () => {
  const text = 'first\r\nsecond line   \r\nthird';
  assert.equal(apply(text, disableLineEdit(text, 2, 'measure-status')), 'first\r\nsecond line <!-- policy-lens-disable-line measure-status -->   \r\nthird');
  const empty = 'a\n\nb';
  assert.equal(apply(empty, disableLineEdit(empty, 2, 'r')), 'a\n<!-- policy-lens-disable-line r -->\nb');
});

test('disable for this file: at the top, after front matter, and the engine no longer reports the rule anywhere', () => {
  const withFm = `---\ntitle: Draft\ntags: [magnets]\n---\n${DRAFT}`;
  for (const [text, kind] of [[DRAFT, 'markdown'], [withFm, 'markdown'], [DRAFT, 'text']] as const) {
    assert.ok(lintText(text, kb, { kind }).findings.some((f) => f.ruleId === 'domestic-undefined'));
    const edit = disableFileEdit(text, 'domestic-undefined', kind);
    const after = apply(text, edit);
    assert.ok(!lintText(after, kb, { kind }).findings.some((f) => f.ruleId === 'domestic-undefined'), `${kind}: silenced`);
  }
  assert.ok(apply(withFm, disableFileEdit(withFm, 'x', 'markdown')).startsWith('---\ntitle: Draft\ntags: [magnets]\n---\n<!-- policy-lens-disable-file x -->\n# Draft'));
  assert.ok(apply(DRAFT, disableFileEdit(DRAFT, 'x', 'markdown')).startsWith('<!-- policy-lens-disable-file x -->\n# Draft'));
});

test('disable for this file extends a directive already at the top; CRLF files get CRLF', () => {
  const text = '<!-- policy-lens-disable-file measure-status -->\n# Draft\n';
  assert.equal(apply(text, disableFileEdit(text, 'preferred-term', 'markdown')), '<!-- policy-lens-disable-file measure-status preferred-term -->\n# Draft\n');
  const crlf = '# Draft\r\nText\r\n';
  assert.equal(apply(crlf, disableFileEdit(crlf, 'r', 'markdown')), '<!-- policy-lens-disable-file r -->\r\n# Draft\r\nText\r\n');
});

test('front matter: YAML and TOML, closed by --- or ..., only at the very top, unclosed is not front matter', () => {
  assert.equal(frontMatterEnd('---\na: 1\n---\nbody'), 13);
  assert.equal(frontMatterEnd('---\na: 1\n...\nbody'), 13);
  assert.equal(frontMatterEnd('+++\na = 1\n+++\nbody'), 14);
  assert.equal(frontMatterEnd('---\n---\nbody'), 8);
  assert.equal(frontMatterEnd('---\r\na: 1\r\n---\r\nbody'), 16);
  assert.equal(frontMatterEnd('text\n---\na: 1\n---\n'), 0);
  assert.equal(frontMatterEnd('---\na: 1\nno close\n'), 0);
  const endsInFm = '---\na: 1\n---';
  assert.equal(apply(endsInFm, disableFileEdit(endsInFm, 'r', 'markdown')), '---\na: 1\n---\n<!-- policy-lens-disable-file r -->\n');
});
