import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../../src/engine/lint.js';
import { bundledKb } from '../helpers.js';

const CLAIM = 'Example Magnetics sells U.S.-made magnets. Example Magnetics finishes sintered blocks imported from Ningbo.';
const flagged = (text: string) =>
  lintText(text, bundledKb())
    .findings.filter((f) => f.ruleId === 'domestic-claim-imported-blanks')
    .map((f) => f.start.line);

test('without directives the claim is reported', () => {
  assert.deepEqual(flagged(`# Draft\n\n${CLAIM}\n`), [3]);
});

test('disable-next-line, disable-line, disable/enable and disable-file silence findings', () => {
  assert.deepEqual(flagged(`<!-- policy-lens-disable-next-line domestic-claim-imported-blanks -->\n${CLAIM}\n\n${CLAIM}\n`), [4]);
  assert.deepEqual(flagged(`${CLAIM} <!-- policy-lens-disable-line domestic-claim-imported-blanks -->\n\n${CLAIM}\n`), [3]);
  assert.deepEqual(flagged(`<!-- policy-lens-disable -->\n\n${CLAIM}\n\n<!-- policy-lens-enable -->\n\n${CLAIM}\n`), [7]);
  assert.deepEqual(flagged(`${CLAIM}\n\n<!-- policy-lens-disable-file domestic-claim-imported-blanks -->\n`), []);
  // Another rule's directive leaves this one alone.
  assert.deepEqual(flagged(`<!-- policy-lens-disable-file measure-status -->\n\n${CLAIM}\n`), [3]);
});

test('a directive inside a code block is not a directive', () => {
  assert.deepEqual(flagged('```\n<!-- policy-lens-disable-file -->\n```\n\n' + CLAIM + '\n'), [5]);
});
