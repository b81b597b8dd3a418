import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KbEntry } from '../../src/engine/kb/types.js';
import { TermMatcher } from '../../src/engine/match.js';
import { bundledKb } from '../helpers.js';

function entry(id: string, term: string, aliases: KbEntry['aliases'] = [], extra: Partial<KbEntry> = {}): KbEntry {
  return {
    id, term, aliases, category: 'supply-chain', summary: 's', why: 'w', related: [], status: 'current', reviewed: '2026-11-28',
    citations: [{ title: 't', url: 'https://example.com', date: '2026-01-01', kind: 'primary' }], body: '', file: `${id}.md`, origin: 'bundled', ...extra,
  };
}

const matcher = new TermMatcher([
  entry('magnet-blank', 'magnet blank', [{ text: 'sintered block' }, { text: 'blank magnet', discouraged: true }]),
  entry('magnet', 'magnet'),
  entry('tax-credit', 'tax credit'),
  entry('subsidy', 'subsidy'),
  entry('ira', 'IRA'),
  entry('usc', 'U.S.C.', [{ text: '26 U.S.C. 45X' }]),
  entry('made-in-usa', 'U.S.-made', [{ text: 'Made in USA' }]),
  entry('s45x', '§ 45X'),
  entry('rare-earth-magnet', 'rare-earth magnet'),
  entry('tax', 'tax', [], { plural: false }),
]);

function found(text: string): [string, string][] {
  return matcher.match(text).map((m) => [text.slice(m.start, m.end), m.entries.join('+')]);
}

test('aliases and generated plurals match', () => {
  assert.deepEqual(found('Two magnet blanks and three sintered blocks.'), [['magnet blanks', 'magnet-blank'], ['sintered blocks', 'magnet-blank']]);
  assert.deepEqual(found('State subsidies differ.'), [['subsidies', 'subsidy']]);
});

test('spaces, hyphens and line breaks between words are interchangeable', () => {
  assert.deepEqual(found('rare earth magnets, rare-earth magnet, rare\nearth\n magnets'), [
    ['rare earth magnets', 'rare-earth-magnet'],
    ['rare-earth magnet', 'rare-earth-magnet'],
    ['rare\nearth\n magnets', 'rare-earth-magnet'],
  ]);
});

test('punctuation other than spaces and hyphens must be as written', () => {
  assert.deepEqual(found('U.S. made parts; US made parts; U.S.-made parts'), [['U.S. made', 'made-in-usa'], ['U.S.-made', 'made-in-usa']]);
  assert.deepEqual(found('Under 26 U.S.C. 45X and §45X and § 45X.'), [['26 U.S.C. 45X', 'usc'], ['§45X', 's45x'], ['§ 45X', 's45x']]);
});

test('acronyms match case-sensitively, words case-insensitively', () => {
  assert.deepEqual(found('The IRA, an ira, TAX CREDIT.'), [['IRA', 'ira'], ['TAX CREDIT', 'tax-credit']]);
});

test('the longest match wins and matches are whole words', () => {
  assert.deepEqual(found('A tax credit, a tax, taxation, magnetism, magnets.'), [['tax credit', 'tax-credit'], ['tax', 'tax'], ['magnets', 'magnet']]);
});

test('an opaque inline element breaks a phrase', () => {
  assert.deepEqual(found('tax \uFFFC credit'), [['tax', 'tax']]);
});

test('discouraged wordings are marked', () => {
  const m = matcher.match('a blank magnet');
  assert.equal(m.length, 1);
  assert.deepEqual(m[0]!.discouraged, ['magnet-blank']);
});

test('seed vocabulary resolves to the right bundled entries', () => {
  const draft =
    'Most magnet blanks are imported. Domestic producers want tax credits, subsidies, grants and loans, ' +
    'because China restricts the export of processing technology for rare earth permanent magnets; the IRA offers one credit.';
  const kb = bundledKb();
  const got = new Map(kb.matcher.match(draft).map((m) => [draft.slice(m.start, m.end).toLowerCase(), m.entries]));
  const expected: Record<string, string> = {
    'magnet blanks': 'magnet-blank',
    domestic: 'domestic',
    'tax credits': 'tax-credit',
    subsidies: 'subsidy',
    grants: 'grant',
    loans: 'loan',
    export: 'export',
    processing: 'rare-earth-processing',
    'rare earth permanent magnets': 'rare-earth-permanent-magnet',
    ira: 'inflation-reduction-act',
  };
  for (const [word, id] of Object.entries(expected)) assert.ok(got.get(word)?.includes(id), `"${word}" → ${id}; got ${JSON.stringify(got.get(word))}`);
});
