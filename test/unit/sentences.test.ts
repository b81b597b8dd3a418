import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../src/engine/sentences.js';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

test('abbreviations of policy text do not end sentences', () => {
  assert.deepEqual(split('Under 26 U.S.C. 45X, see Sec. 2. The credit applies.'), ['Under 26 U.S.C. 45X, see Sec. 2.', 'The credit applies.']);
  assert.deepEqual(split('Pub. L. 117-169 amended No. 18 and H.R. 1496 e.g. here.'), ['Pub. L. 117-169 amended No. 18 and H.R. 1496 e.g. here.']);
  assert.deepEqual(split('Example Magnetics Inc. sells to Example Co. in Ohio.'), ['Example Magnetics Inc. sells to Example Co. in Ohio.']);
  assert.deepEqual(split('S. 1979 was introduced. J. Doe spoke.'), ['S. 1979 was introduced.', 'J. Doe spoke.']);
  assert.deepEqual(split('The duty is 2.1 percent. It applies.'), ['The duty is 2.1 percent.', 'It applies.']);
  assert.deepEqual(split('See § 45X(c)(6). Then § 48C.'), ['See § 45X(c)(6).', 'Then § 48C.']);
});

test('an abbreviation that may end a sentence ends it before a sentence starter', () => {
  assert.deepEqual(split('The magnets are made in the U.S. The blanks are not.'), ['The magnets are made in the U.S.', 'The blanks are not.']);
  assert.deepEqual(split('Made in the U.S. Example Magnetics says so.'), ['Made in the U.S. Example Magnetics says so.']);
});

test('questions, exclamations, closing quotes and a lower-case continuation', () => {
  assert.deepEqual(split('Is it domestic? "No!" she said. the end'), ['Is it domestic?', '"No!" she said. the end']);
});

test('empty and whitespace-only text has no sentences', () => {
  assert.deepEqual(split(''), []);
  assert.deepEqual(split('   \n '), []);
});
