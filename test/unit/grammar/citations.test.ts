// The citation grammar (syntaxes/citations.injection.tmLanguage.json), tokenized by the same
// TextMate engine VS Code uses, injected into Markdown and plain text; and the hover's regexes
// (src/extension/hover/citations.ts) on the same samples, so the two stay in step. No Markdown
// grammar is installed here, so a small stand-in provides the scopes the injection selector
// excludes (code spans, fenced code, link destinations).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { findCitations, type CitationKind } from '../../../src/extension/hover/citations.js';
import { ROOT } from '../../helpers.js';

const SCOPE = 'policylens.citations.injection';
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes', 'citations.injection.tmLanguage.json');

const MARKDOWN_STAND_IN = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { match: '\\[([^\\]]*)\\]\\(([^)]*)\\)', captures: { 1: { name: 'string.other.link.title.markdown' }, 2: { name: 'markup.underline.link.markdown' } } },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
  ],
};
const PLAIN = { scopeName: 'text.plain', patterns: [] };

let markdown: IGrammar;
let plain: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new OnigScanner(p), createOnigString: (s: string) => new OnigString(s) }),
    loadGrammar: async (scope: string) => {
      if (scope === SCOPE) return parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE);
      if (scope === 'text.html.markdown') return parseRawGrammar(JSON.stringify(MARKDOWN_STAND_IN), 'markdown.json');
      if (scope === 'text.plain') return parseRawGrammar(JSON.stringify(PLAIN), 'plain.json');
      return null;
    },
    // What VS Code does for a grammar contributed with injectTo.
    getInjections: (scope: string) => (scope === 'text.html.markdown' || scope === 'text.plain' ? [SCOPE] : undefined),
  });
  markdown = (await registry.loadGrammar('text.html.markdown'))!;
  plain = (await registry.loadGrammar('text.plain'))!;
});

/** The citations the grammar scopes in `text` (one or more lines): [text, kind] each. */
function scoped(grammar: IGrammar, text: string): [string, string][] {
  const out: [string, string][] = [];
  let state: StateStack = INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    for (const t of r.tokens) {
      const s = t.scopes.find((x) => x.startsWith('markup.underline.link.citation.'));
      if (!s) continue;
      const kind = s.split('.')[4]!;
      assert.equal(s, `markup.underline.link.citation.${kind}.policylens`);
      // One match is one token (the rules have no captures), so a token is a whole citation.
      out.push([line.slice(t.startIndex, t.endIndex), kind]);
    }
  }
  return out;
}

const SAMPLES: [string, string, CitationKind][] = [
  ['The credit under § 45X is 10% of costs.', '§ 45X', 'statute'],
  ['See §45X for the credit.', '§45X', 'statute'],
  ['See §45X(c)(6) for the minerals.', '§45X(c)(6)', 'statute'],
  ['It is codified at 26 U.S.C. 45X.', '26 U.S.C. 45X', 'statute'],
  ['The ban in 10 U.S.C. 4872 covers magnets.', '10 U.S.C. 4872', 'statute'],
  ['Under 48 CFR 225.7018 the rule applies.', '48 CFR 225.7018', 'regulation'],
  ['The clause DFARS 252.225-7052 is required.', 'DFARS 252.225-7052', 'regulation'],
  ['DFARS 225.7018-2 defines the terms.', 'DFARS 225.7018-2', 'regulation'],
  ['It reaches DFARS 225.7018-3(c)(1)(iii) too.', 'DFARS 225.7018-3(c)(1)(iii)', 'regulation'],
  ['The FTC rule, 16 CFR part 323, applies.', '16 CFR part 323', 'regulation'],
  ['Enacted as Pub. L. 117-169 in 2022.', 'Pub. L. 117-169', 'public-law'],
  ['H.R. 1496 was introduced in the House.', 'H.R. 1496', 'bill'],
  ['S. 1979 would create a magnet credit.', 'S. 1979', 'bill'],
  ['The final rule is at 89 FR 46816.', '89 FR 46816', 'federal-register'],
  ['Magnets fall under HTS 8505.11.00 today.', 'HTS 8505.11.00', 'tariff'],
];

const ORDINARY = [
  'This section of the report explains the credit.',
  'S. Smith wrote the memo.',
  '1979 was a year of change.',
  'Sales in the U.S. 1979 were higher.',
  'Part 323 of the plan and FR staff.',
  'Chapter 45 of the handbook; HTS codes vary.',
  'A DFARS clause applies.',
];

test('each citation form is scoped, with its kind, in Markdown and in plain text', () => {
  for (const [line, citation, kind] of SAMPLES) {
    assert.deepEqual(scoped(markdown, line), [[citation, kind]], `markdown: ${line}`);
    assert.deepEqual(scoped(plain, line), [[citation, kind]], `plain: ${line}`);
  }
});

test('ordinary text is not scoped', () => {
  for (const line of ORDINARY) {
    assert.deepEqual(scoped(markdown, line), [], line);
    assert.deepEqual(scoped(plain, line), [], line);
  }
});

test('several citations on one line are scoped separately', () => {
  assert.deepEqual(scoped(markdown, 'Compare § 45X with 10 U.S.C. 4872 and S. 1979.'), [
    ['§ 45X', 'statute'],
    ['10 U.S.C. 4872', 'statute'],
    ['S. 1979', 'bill'],
  ]);
});

test('Markdown code, link destinations and comments are left alone', () => {
  assert.deepEqual(scoped(markdown, 'Use `§ 45X` in code.'), []);
  assert.deepEqual(scoped(markdown, '```\n26 U.S.C. 45X\n```\nThen § 45X.'), [['§ 45X', 'statute']]);
  assert.deepEqual(scoped(markdown, '[the statute](https://example.org/26 U.S.C. 45X)'), []);
  assert.deepEqual(scoped(markdown, '<!-- S. 1979 -->'), []);
});

test('the hover finds the same citations as the grammar, and says what each is', () => {
  for (const [line, citation, kind] of SAMPLES) {
    const found = findCitations(line);
    assert.deepEqual(
      found.map((c) => [c.text, c.kind]),
      [[citation, kind]],
      line,
    );
    assert.ok(found[0]!.description.length > 20);
    assert.equal(line.slice(found[0]!.start, found[0]!.end), citation);
  }
  for (const line of ORDINARY) assert.deepEqual(findCitations(line), [], line);
  assert.match(findCitations('Pub. L. 117-169')[0]!.description, /117th Congress/);
  assert.match(findCitations('48 CFR 225.7018')[0]!.description, /title 48/);
  assert.match(findCitations('DFARS 252.225-7052')[0]!.description, /Defense Federal Acquisition Regulation Supplement/);
});
