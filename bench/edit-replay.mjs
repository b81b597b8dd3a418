#!/usr/bin/env node
// The editor's re-lint, measured without VS Code: the engine's incremental API (LintSession,
// from the built dist/engine.js — the bundle the extension loads on first need) lints a
// document once, then replays one-character edits (insert, delete or replace at a random
// offset, from a seeded PRNG, applied cumulatively like typing), timing each re-lint: the
// work the extension does after the debounce. No budget is passed, so each time is the whole
// re-lint (the extension runs the same work in 50 ms slices; their sum is this number).
//
//   node bench/edit-replay.mjs FILE [--edits 200] [--seed 1] [--kind markdown]
//
// Prints one JSON object: initial lint, per-edit times (ms), p50/p95/max, cache stats, and a
// check that the last incremental result equals a one-shot lint of the final text.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** mulberry32: a small seeded PRNG, so every run replays the same edits. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Mostly letters and spaces, some punctuation and line breaks: what typing inserts.
const CHARS = 'etaoinshrdlucmfwypvbgk     ETAOIN.,;:-()\n';

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function main(argv) {
  const opts = { edits: 200, seed: 1, kind: undefined, file: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--edits') opts.edits = parseInt(argv[++i], 10);
    else if (a === '--seed') opts.seed = parseInt(argv[++i], 10);
    else if (a === '--kind') opts.kind = argv[++i];
    else opts.file = a;
  }
  if (!opts.file) {
    process.stderr.write('usage: node bench/edit-replay.mjs FILE [--edits N] [--seed N] [--kind markdown|text]\n');
    return 2;
  }
  const engine = require(path.join(here, '..', 'dist', 'engine.js'));
  const { LintSession, KnowledgeBase, readBundle, lintText } = engine;
  const kind = opts.kind ?? (/\.(md|markdown)$/i.test(opts.file) ? 'markdown' : 'text');

  let t = performance.now();
  const kb = new KnowledgeBase([readBundle(path.join(here, '..', 'dist', 'kb.json'))], []);
  const kbMs = performance.now() - t;

  let text = fs.readFileSync(opts.file, 'utf8');
  const session = new LintSession(kb);
  t = performance.now();
  let result = session.lint(text, { kind });
  const initialMs = performance.now() - t;
  const initialPartial = !!result.partial;

  const rand = prng(opts.seed);
  const times = [];
  const ops = { insert: 0, delete: 0, replace: 0 };
  let partial = 0;
  for (let n = 0; n < opts.edits; n++) {
    const at = Math.floor(rand() * text.length);
    const r = rand();
    const ch = CHARS[Math.floor(rand() * CHARS.length)];
    if (r < 0.6 || text.length === 0) {
      text = text.slice(0, at) + ch + text.slice(at);
      ops.insert++;
    } else if (r < 0.85) {
      text = text.slice(0, at) + text.slice(at + 1);
      ops.delete++;
    } else {
      text = text.slice(0, at) + ch + text.slice(at + 1);
      ops.replace++;
    }
    t = performance.now();
    result = session.lint(text, { kind });
    times.push(performance.now() - t);
    if (result.partial) partial++;
  }

  // The incremental result must be the one a fresh lint gives, or the timing means nothing.
  const fresh = lintText(text, kb, { kind });
  const key = (r) => JSON.stringify(r.findings.map((f) => [f.ruleId, f.start.offset, f.end.offset, f.message]));
  const sameAsFresh = key(result) === key(fresh) && result.terms.length === fresh.terms.length;

  const sorted = [...times].sort((a, b) => a - b);
  const out = {
    file: opts.file,
    bytes: Buffer.byteLength(text),
    kind,
    edits: opts.edits,
    seed: opts.seed,
    ops,
    kbLoadMs: kbMs,
    initialMs,
    initialPartial,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    partial,
    slowest: times.map((ms, i) => [i, ms]).sort((a, b) => b[1] - a[1]).slice(0, 5),
    findings: result.findings.length,
    terms: result.terms.length,
    cache: session.cacheStats,
    sameAsFresh,
    times,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
