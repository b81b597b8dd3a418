// Property and fuzz tests of the engine: random Markdown from a block/inline grammar and
// mutated slices of the fixtures and the shared corpus (see generators.ts).
//
// Properties, each over FUZZ_RUNS inputs per generator:
//   1. lintText never throws (Markdown and plain text), and every range is sound: findings,
//      related ranges, term occurrences and fix edits lie inside the text with start ≤ end,
//      and line/column agree with the offsets (LF, CRLF and lone-CR line ends).
//   2. Results are deterministic: two runs give deep-equal results.
//   3. The fast path (the default) and the full parse (`mode: 'full'`) give deep-equal
//      findings and terms, and the same blocks (prose and source offsets, character by
//      character).
//   4. The incremental cache is sound: LintSession.lint after random edits gives what a
//      fresh lintText of the edited text gives.
//
// CI runs 300 inputs per property (2,400 in all, about 40 s on 2 cores). A longer run:
//   POLICY_LENS_FUZZ_RUNS=5000 node scripts/test.mjs fuzz/engine
// On failure fast-check prints the seed, the path and the shrunk counterexample; replay with
//   POLICY_LENS_FUZZ_SEED=<seed> POLICY_LENS_FUZZ_PATH=<path> node scripts/test.mjs fuzz/engine
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { lintText, LintSession, type LintOptions, type LintResult } from '../../src/engine/lint.js';
import { bundledKb } from '../helpers.js';
import { blockView, checkResult as checkRanges } from './check.js';
import { applyEdit, edit, FUZZ_PATH, FUZZ_RUNS, FUZZ_SEED, mutatedText, structuredMarkdown } from './generators.js';

const TODAY = '2026-06-01';
const params = (): fc.Parameters<unknown> => ({
  numRuns: FUZZ_RUNS,
  ...(FUZZ_SEED !== undefined ? { seed: FUZZ_SEED } : {}),
  ...(FUZZ_SEED !== undefined && FUZZ_PATH ? { path: FUZZ_PATH } : {}),
});

// ------------------------------------------------------------------ counting

const counts = new Map<string, number>();
const started = Date.now();
function count(property: string): void {
  counts.set(property, (counts.get(property) ?? 0) + 1);
}
after(() => {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const lines = [...counts].map(([p, n]) => `  ${String(n).padStart(6)}  ${p}`);
  // Shown by the test runner; the CI log keeps how much fuzzing ran.
  console.log(`engine fuzz: ${total} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s (${FUZZ_RUNS} per property; POLICY_LENS_FUZZ_RUNS to change)\n${lines.join('\n')}`);
});

// ------------------------------------------------------------------ checks

/** Ranges sound; no partial result without a budget, except for input too complex to parse. */
function checkResult(text: string, r: LintResult): void {
  checkRanges(text, r);
  if (r.partial) assert.equal(r.partial.reason, 'complex', `unexpected partial result: ${r.partial.message}`);
}

function lint(text: string, options: LintOptions = {}): LintResult {
  return lintText(text, bundledKb(), { today: TODAY, ...options });
}

/** A short description of an input for assertion messages (fast-check prints the input too). */
const show = (text: string) => JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text);

// ------------------------------------------------------------------ the generators

const structured = structuredMarkdown().map((text) => ({ seed: 'grammar', text }));
const mutated = mutatedText();
const GENERATORS = [
  ['structured Markdown', structured],
  ['mutated fixtures and corpus', mutated],
] as const;

for (const [name, arb] of GENERATORS) {
  test(`${name}: lintText never throws and every range lies inside the text (markdown and text)`, () => {
    fc.assert(
      fc.property(arb, ({ text }) => {
        count(`${name}: never throws, ranges sound`);
        for (const kind of ['markdown', 'text'] as const) checkResult(text, lint(text, { kind }));
      }),
      params(),
    );
  });

  test(`${name}: results are deterministic`, () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('markdown' as const, 'text' as const), ({ text }, kind) => {
        count(`${name}: deterministic`);
        const a = lint(text, { kind });
        const b = lint(text, { kind });
        assert.deepEqual(b, a, `two runs differ on ${show(text)}`);
      }),
      params(),
    );
  });

  test(`${name}: the fast path and the full parse agree`, () => {
    fc.assert(
      fc.property(arb, ({ text }) => {
        count(`${name}: fast path = full parse`);
        const fast = lint(text);
        const full = lint(text, { mode: 'full' });
        checkResult(text, full);
        assert.deepEqual(fast.terms, full.terms, `terms differ on ${show(text)}`);
        assert.deepEqual(fast.findings, full.findings, `findings differ on ${show(text)}`);
        assert.deepEqual(fast.partial, full.partial, `partial differs on ${show(text)}`);
        // Stronger: the blocks the rules read, character by character.
        assert.deepEqual(blockView(text, 'fast'), blockView(text, 'full'), `blocks differ on ${show(text)}`);
      }),
      params(),
    );
  });

  test(`${name}: LintSession after random edits equals a fresh lint (the incremental cache is sound)`, () => {
    fc.assert(
      fc.property(arb, fc.array(edit, { minLength: 1, maxLength: 3 }), fc.constantFrom('markdown' as const, 'markdown' as const, 'text' as const), ({ text }, edits, kind) => {
        count(`${name}: incremental = fresh`);
        const session = new LintSession(bundledKb());
        const opts: LintOptions = { kind, today: TODAY };
        assert.deepEqual(session.lint(text, opts), lint(text, { kind }), 'first session lint differs from lintText');
        let current = text;
        for (const e of edits) {
          current = applyEdit(current, e);
          const incremental = session.lint(current, opts);
          checkResult(current, incremental);
          assert.deepEqual(incremental, lint(current, { kind }), `session lint after an edit differs from a fresh lint on ${show(current)}`);
        }
      }),
      params(),
    );
  });
}

test('evidence across a table cell and the next column header keeps to the row (a fuzz regression)', () => {
  // The range ran from the row's cell into the next column's header label, above it: start > end.
  const text = '| Process | China |\n|---|---|\n| sintering blocks | domestic |';
  const r = lintText(text, bundledKb(), { today: TODAY });
  const claim = r.findings.find((f) => f.ruleId === 'domestic-claim-imported-blanks');
  assert.ok(claim, 'the row is still a domestic claim on imported blanks');
  for (const f of r.findings) for (const rel of f.related) assert.ok(rel.start.offset <= rel.end.offset, `${f.ruleId}: related [${rel.start.offset}, ${rel.end.offset}) "${rel.message}"`);
  const row = text.lastIndexOf('| sintering');
  for (const rel of claim.related) assert.ok(rel.start.offset >= row, `related "${rel.message}" lies in the row`);
});
