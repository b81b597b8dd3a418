// Pathological input: every document completes within its time budget, or stops with a
// clear "checked partially" notice, instead of freezing; undecodable files are refused with
// the reason; odd line ends and a BOM keep positions exact; a lint can be cancelled.
//
// Each input is generated here and linted with budgetMs BUDGET. The wall-clock bound asserted
// is a hang guard (HANG_FACTOR × the budget), not a performance target: speed targets belong
// to the benchmark (npm run bench).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { lintText, LintSession, type LintOptions, type LintResult } from '../../src/engine/lint.js';
import { decodeText } from '../../src/engine/text.js';
import { bundledKb, cli, fixture, tmpDir } from '../helpers.js';
import { checkResult } from './check.js';

const BUDGET = 3000;
const HANG_FACTOR = 4;
const HANG_MS = HANG_FACTOR * BUDGET;
const TODAY = '2026-06-01';
const MB = 1024 * 1024;

/** `unit` repeated up to `length` characters. */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

interface Timed {
  result: LintResult;
  ms: number;
}

function lintTimed(text: string, options: LintOptions = {}): Timed {
  const t0 = performance.now();
  const result = lintText(text, bundledKb(), { budgetMs: BUDGET, today: TODAY, ...options });
  return { result, ms: performance.now() - t0 };
}

type Expect = 'complete' | 'partial' | 'either';

interface Case {
  name: string;
  make: () => string;
  /** What the Markdown lint must give; plain text must complete or be partial by budget. */
  markdown: Expect;
}


const POLICY = 'The section 45X credit applies to rare earth magnets made under DFARS 225.7018 and the Defense Production Act; our domestic magnets use NdFeB alloy from a domestic source. ';
const CLAIM = 'Fernhill Magnetics is a domestic magnet producer. The company buys sintered NdFeB blocks from producers in Baotou and slices them in Dayton.';

function table(rows: number, cols: number, cell: (r: number, c: number) => string): string {
  const out = [`| ${Array.from({ length: cols }, (_, c) => `Column ${c}`).join(' | ')} |`, `|${'---|'.repeat(cols)}`];
  for (let r = 0; r < rows; r++) out.push(`| ${Array.from({ length: cols }, (_, c) => cell(r, c)).join(' | ')} |`);
  return out.join('\n');
}

const CASES: Case[] = [
  { name: 'a 1 MB single line of policy prose', make: () => fill(POLICY, MB), markdown: 'either' },
  { name: 'a 1 MB single line with inline markup', make: () => fill('The *domestic* magnets are `made` from [imported](https://example.com) blanks. ', MB), markdown: 'either' },
  {
    name: 'a 1 MB single line repeating a domestic claim and its blanks evidence',
    make: () => fill('The domestic magnets are made from imported blanks. ', MB),
    markdown: 'either',
  },
  {
    name: 'a 1 MB document of 5,000 paragraphs each with a flagged claim',
    make: () => fill(`${CLAIM}\n\n`, MB),
    markdown: 'either',
  },
  { name: '10,000 nested list levels on one line', make: () => '- '.repeat(10_000) + 'domestic magnets', markdown: 'partial' },
  { name: '10,000 nested ordered-list levels on one line', make: () => '1. '.repeat(10_000) + 'domestic magnets', markdown: 'partial' },
  { name: '10,000 nested block quotes on one line', make: () => '>'.repeat(10_000) + ' domestic magnets', markdown: 'partial' },
  { name: '10,000 alternating list and quote levels', make: () => '- > '.repeat(5_000) + 'domestic magnets', markdown: 'partial' },
  {
    name: '10,000 lines each nested 100 block quotes and lists deep',
    make: () => Array.from({ length: 10_000 }, (_, i) => (i % 2 ? '> ' : '- ').repeat(100) + 'domestic magnets').join('\n'),
    markdown: 'partial',
  },
  {
    name: '5,000 list items each holding a nested list (the parser is quadratic in these)',
    make: () => Array.from({ length: 5_000 }, () => '- - domestic magnets').join('\n'),
    markdown: 'either',
  },
  {
    name: '100,000 table cells in one table, after a flagged claim',
    make: () => `${CLAIM}\n\n${table(10_000, 10, (r, c) => (c === 0 ? `Supplier ${r}` : c === 3 ? 'U.S.-made' : 'domestic'))}\n`,
    markdown: 'partial',
  },
  {
    name: '100,000 table cells in 1,000 tables',
    make: () => Array.from({ length: 1_000 }, (_, t) => `## Table ${t}\n\n${table(10, 10, (r, c) => `cell ${r}.${c} domestic`)}`).join('\n\n'),
    markdown: 'either',
  },
  { name: '5,000 unmatched emphasis openers', make: () => '*domestic '.repeat(5_000), markdown: 'either' },
  { name: '5,000 unmatched emphasis closers', make: () => 'domestic* '.repeat(5_000), markdown: 'either' },
  { name: '5,000 unmatched underscores and asterisks, alternating', make: () => '*magnets _blanks '.repeat(2_500), markdown: 'either' },
  { name: 'a run of 5,000 asterisks', make: () => `Domestic ${'*'.repeat(5_000)} magnets ${'_'.repeat(5_000)} end.`, markdown: 'either' },
  { name: '5,000 unmatched brackets', make: () => '[domestic '.repeat(2_500) + 'magnets] '.repeat(2_500), markdown: 'either' },
  { name: "200,000 'U.S.' in a row", make: () => fill('U.S. ', MB), markdown: 'either' },
  { name: 'a 1 MB run of abbreviations that never end a sentence', make: () => fill('U.S. Inc. Sec. No. e.g. i.e. Pub. L. H.R. Dr. U.S.C. ', MB), markdown: 'either' },
  {
    name: "a 1 MB sentence of abbreviations and 'U.S.-made'",
    make: () => fill('U.S. Inc. Sec. No. U.S.-made magnets ', MB),
    markdown: 'either',
  },
  { name: 'a 1 MB word', make: () => 'domestic' + 'x'.repeat(MB), markdown: 'either' },
  { name: '1 MB of NUL characters', make: () => '\0'.repeat(MB), markdown: 'either' },
  { name: '1 MB of lone CRs', make: () => '\r'.repeat(MB), markdown: 'either' },
  { name: '1 MB of CRLFs', make: () => '\r\n'.repeat(MB / 2), markdown: 'either' },
  { name: '1 MB of CRLF and lone-CR lines of prose', make: () => fill(`${POLICY}\r\n\r\nThe U.S.-made magnets\rare domestic.\r\r`, MB), markdown: 'either' },
  { name: 'lone surrogates and unusual Unicode', make: () => fill('domestic \ud800 magnets \udfff İ ß ﬁ \u2028 \u00a0 😀 \uFEFF ', MB), markdown: 'either' },
  { name: '200,000 short paragraphs (many chunks: the budget applies)', make: () => fill('Paragraph with *domestic* magnets.\n\n', 8 * MB), markdown: 'either' },
];

const timings: string[] = [];
after(() => console.log(`pathological inputs (budget ${BUDGET} ms, hang guard ${HANG_MS} ms):\n${timings.join('\n')}`));

for (const c of CASES) {
  let text: string | undefined;
  for (const kind of ['markdown', 'text'] as const) {
    test(`${c.name} (${kind}): completes within the budget or stops with a "checked partially" notice`, () => {
      text ??= c.make();
      const { result, ms } = lintTimed(text, { kind });
      timings.push(`  ${ms.toFixed(0).padStart(6)} ms  ${kind.padEnd(8)}  ${c.name}: ${result.partial ? result.partial.message : `complete, ${result.findings.length} findings, ${result.terms.length} terms`}`);
      assert.ok(ms <= HANG_MS, `took ${ms.toFixed(0)} ms, over the ${HANG_MS} ms hang guard`);
      checkResult(text, result);
      const expect = kind === 'markdown' ? c.markdown : 'either';
      if (expect === 'complete') assert.equal(result.partial, undefined, result.partial?.message);
      if (expect === 'partial') assert.ok(result.partial, 'expected a partial result');
      if (result.partial) {
        assert.notEqual(result.partial.reason, 'cancelled');
        assert.match(result.partial.message, /^checked partially: the document is too large or complex to check/);
      }
    });
  }
}

test('a table too large to parse: the text before it is checked, the notice names the line', () => {
  const text = `${CLAIM}\n\nMore prose.\n\n${table(10_000, 10, () => 'domestic')}\n\nAfter the table.\n`;
  const { result } = lintTimed(text);
  assert.equal(result.partial?.reason, 'complex');
  assert.match(result.partial!.message, /from line 5 \(\d+ thousand characters without a break between blocks\); findings cover lines 1–3$/);
  assert.ok(result.findings.some((f) => f.ruleId === 'domestic-claim-imported-blanks' && f.start.line === 1));
  assert.ok(result.findings.every((f) => f.start.line <= 3));
});

test('without a budget (the CLI), too-deep nesting still ends with a partial result, not a stack overflow', () => {
  const text = `${CLAIM}\n\n${'>'.repeat(10_000)} domestic magnets\n`;
  const result = lintText(text, bundledKb(), { today: TODAY });
  assert.equal(result.partial?.reason, 'complex');
  assert.match(result.partial!.message, /from line 3 \(10000 lists or block quotes nested on one line\)/);
  assert.ok(result.findings.some((f) => f.ruleId === 'domestic-claim-imported-blanks' && f.start.line === 1));
});

test('LintSession.lintAsync finishes on a document too complex to parse (no endless retry)', async () => {
  const session = new LintSession(bundledKb());
  const t0 = performance.now();
  const result = await session.lintAsync('- '.repeat(10_000) + 'x', { today: TODAY });
  assert.ok(performance.now() - t0 < HANG_MS);
  assert.equal(result?.partial?.reason, 'complex');
});

// ------------------------------------------------------------------ cancellation

/** A document of many chunks, for cancellation: policy prose with a flagged claim now and then. */
const MANY = Array.from({ length: 4_000 }, (_, i) => (i % 40 === 0 ? `Paragraph ${i}: ${CLAIM}` : `Paragraph ${i}: ${POLICY}`)).join('\n\n');

test('isCancelled returning true stops the lint at once, partial with reason "cancelled"', () => {
  const { result, ms } = lintTimed(MANY, { isCancelled: () => true });
  assert.equal(result.partial?.reason, 'cancelled');
  assert.match(result.partial!.message, /^checked partially: cancelled after line \d+$/);
  assert.deepEqual(result.findings, []);
  assert.ok(ms < 1000, `${ms} ms`);
});

test('isCancelled turning true mid-lint stops promptly; findings cover the part checked', () => {
  const full = lintTimed(MANY).result;
  let calls = 0;
  const t0 = performance.now();
  const r = lintText(MANY, bundledKb(), { today: TODAY, isCancelled: () => ++calls > 500 });
  const ms = performance.now() - t0;
  assert.equal(r.partial?.reason, 'cancelled');
  const line = r.partial!.checkedTo.line;
  assert.ok(line < 8_000, `checked to line ${line}`);
  assert.ok(r.findings.length < full.findings.length);
  // What was reported is what a full lint reports for those lines.
  assert.deepEqual(r.findings, full.findings.filter((f) => f.start.line <= line).slice(0, r.findings.length));
  assert.ok(ms < HANG_MS, `${ms} ms`);
  // isCancelled is polled between chunks: it stopped right after turning true.
  assert.ok(calls <= 502, `${calls} calls`);
});

test('LintSession.lintAsync is cancelled between slices: resolves to undefined', async () => {
  const session = new LintSession(bundledKb());
  let cancelled = false;
  const t0 = performance.now();
  const pending = session.lintAsync(MANY, { today: TODAY, sliceMs: 5, isCancelled: () => cancelled });
  setImmediate(() => (cancelled = true));
  assert.equal(await pending, undefined);
  assert.ok(performance.now() - t0 < 2000);
  // The work done before the cancel is cached: the next lint is complete and equals a fresh one.
  const again = await session.lintAsync(MANY, { today: TODAY });
  assert.deepEqual(again, lintText(MANY, bundledKb(), { today: TODAY }));
});

// ------------------------------------------------------------------ line ends and BOM

test('CRLF, lone-CR and mixed line ends and a BOM give exact lines and columns', () => {
  const lines = ['# Supplier brief', '', 'Fernhill Magnetics is a domestic magnet producer.', 'It buys sintered NdFeB blocks from producers in Baotou', 'and slices them in Dayton.'];
  const expected = (sep: string) => {
    // "domestic" on line 3, column 25; the claim finding starts there too.
    const offset = lines.slice(0, 2).join(sep).length + sep.length + 'Fernhill Magnetics is a '.length;
    return { offset, line: 3, column: 25 };
  };
  for (const [name, sep] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    const text = lines.join(sep) + sep;
    const r = lintText(text, bundledKb(), { today: TODAY });
    checkResult(text, r);
    const domestic = r.terms.find((t) => t.text === 'domestic');
    assert.deepEqual(domestic?.start, expected(sep), `${name}: term position`);
    const claim = r.findings.find((f) => f.ruleId === 'domestic-claim-imported-blanks');
    assert.deepEqual(claim?.start, expected(sep), `${name}: finding position`);
    assert.equal(claim!.related[0]!.start.line, 4, `${name}: evidence line`);
    // Through the bytes, with a BOM: decodeText drops it and positions do not move.
    const decoded = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    assert.ok(decoded.ok && decoded.bom);
    assert.equal(decoded.text, text);
  }
  // Mixed: LF, CRLF and a lone CR in one document.
  const mixed = 'One line\nTwo line\r\nThree\rFour: the domestic magnets.';
  const r = lintText(mixed, bundledKb(), { today: TODAY });
  assert.deepEqual(r.terms.find((t) => t.text === 'domestic')?.start, { offset: mixed.indexOf('domestic'), line: 4, column: 11 });
});

test('the rule fixtures give the same lines and columns with CRLF and lone-CR line ends', () => {
  for (const name of fs.readdirSync(fixture('rules'))) {
    const lf = fs.readFileSync(fixture('rules', name), 'utf8').replace(/\r\n?/g, '\n');
    const at = (r: LintResult) => r.findings.map((f) => [f.ruleId, f.start.line, f.start.column, f.end.line, f.end.column]);
    const want = at(lintText(lf, bundledKb(), { today: TODAY }));
    for (const sep of ['\r\n', '\r']) {
      const text = lf.replace(/\n/g, sep);
      const r = lintText(text, bundledKb(), { today: TODAY });
      checkResult(text, r);
      assert.deepEqual(at(r), want, `${name} with ${JSON.stringify(sep)}`);
    }
  }
});

// ------------------------------------------------------------------ undecodable bytes

test('decodeText refuses NUL bytes and invalid UTF-8 with the byte that is wrong', () => {
  const refuse = (bytes: number[] | Uint8Array) => {
    const d = decodeText(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    assert.equal(d.ok, false);
    return (d as { reason: string }).reason;
  };
  assert.equal(refuse(new Uint8Array(MB)), 'binary file (NUL byte at byte 0)');
  assert.equal(refuse([0xef, 0xbb, 0xbf, 0x61, 0x00]), 'binary file (NUL byte at byte 4)');
  const invalid: [string, number[], number][] = [
    ['a stray 0xFF', [0x61, 0xff, 0x62], 1],
    ['a lone continuation byte', [0x61, 0x62, 0x80], 2],
    ['a truncated sequence at the end', [0x61, 0x62, 0xe2, 0x82], 2],
    ['an overlong two-byte form', [0x61, 0xc0, 0xaf], 1],
    ['an overlong three-byte form', [0x61, 0xe0, 0x80, 0x80], 1],
    ['an encoded surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a code point over U+10FFFF', [0x61, 0xf4, 0x90, 0x80, 0x80], 1],
    ['a Latin-1 é', [0x63, 0x61, 0x66, 0xe9, 0x20, 0x61], 3],
  ];
  for (const [what, bytes, at] of invalid) assert.equal(refuse(bytes), `not valid UTF-8 (first bad byte at byte ${at})`, what);
  const ok = decodeText(new Uint8Array([0xef, 0xbb, 0xbf]));
  assert.deepEqual(ok, { ok: true, text: '', bom: true });
});

// ------------------------------------------------------------------ through the CLI

const dir = tmpDir('pathological');
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

test('CLI: a 50 MB file is refused by the size limit with a clear message', () => {
  const file = write('huge.md', Buffer.alloc(50 * MB, 'The domestic magnets are U.S.-made.\n'));
  const t0 = performance.now();
  const r = cli(['lint', file]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /huge\.md: skipped: 50\.0 MB is over the size limit of 10\.0 MB \(set maxFileSize in the config, or --max-file-size\)/);
  assert.match(r.stderr, /nothing was linted/);
  assert.ok(performance.now() - t0 < HANG_MS);
});

test('CLI: a file of NUL bytes and a file of invalid UTF-8 are refused with the reason', () => {
  const nul = write('nul.md', new Uint8Array(64 * 1024));
  const bad = write('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  const good = write('good.md', 'Plain words.\n');
  const r = cli(['lint', nul, bad, good]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /nul\.md: skipped: binary file \(NUL byte at byte 0\)/);
  assert.match(r.stderr, /latin1\.md: skipped: not valid UTF-8 \(first bad byte at byte 3\)/);
});

test('CLI: pathological Markdown under the size limit ends with a "checked partially" notice', () => {
  const nested = write('nested.md', `${CLAIM}\n\n${'> '.repeat(10_000)}domestic\n`);
  const tbl = write('table.md', `Intro.\n\n${table(10_000, 10, () => 'domestic')}\n`);
  const t0 = performance.now();
  const r = cli(['lint', nested, tbl, '--format', 'json']);
  assert.ok(performance.now() - t0 < HANG_MS);
  assert.equal(r.status, 1, r.stderr); // the claim in nested.md is an error
  assert.match(r.stderr, /nested\.md: checked partially: the document is too large or complex to check from line 3 \(10000 lists or block quotes nested on one line\); findings cover lines 1–1/);
  assert.match(r.stderr, /table\.md: checked partially: the document is too large or complex to check from line 3/);
});

test('CLI: a BOM and CRLF line ends give exact positions', () => {
  const file = write('bom-crlf.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Brief\r\n\r\nOur magnets are domestic.\r\nU.S.-made\r\n', 'utf8')]));
  const r = cli(['terms', file, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const terms = (JSON.parse(r.stdout) as { terms: { text: string; start: { offset: number; line: number; column: number } }[] }).terms;
  assert.deepEqual(terms.find((t) => t.text === 'domestic')?.start, { offset: 27, line: 3, column: 17 });
  assert.deepEqual(terms.find((t) => t.text === 'U.S.-made')?.start, { offset: 38, line: 4, column: 1 });
});
