// npm run eval:claims [cases.jsonl] — scores the flagship rule on labeled cases as
// ../shared/claims/GUIDELINE.md says: a `flag` case is a hit when a finding overlaps its
// claim span (else a false negative); any finding on a `clean` case is a false positive;
// `either` cases are not scored. Prints precision, recall, F1 and the ids missed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../engine/config.js';
import { KnowledgeBase } from '../engine/kb/knowledge-base.js';
import { lintText } from '../engine/lint.js';
import { RULE_ID } from '../engine/rules/domestic-claim-imported-blanks.js';
import { RULE_IDS } from '../engine/rules/index.js';

interface Case {
  id: string;
  label: 'flag' | 'clean' | 'either';
  text: string;
  claim?: string;
  note?: string;
}

function main(): number {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const file = args.find((a) => !a.startsWith('--')) ?? path.resolve(__dirname, '../../shared/claims/cases.jsonl');
  let lines: string[];
  try {
    lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  } catch (e) {
    process.stderr.write(`eval-claims: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const config = defaultConfig();
  for (const id of RULE_IDS) config.rules[id] = id === RULE_ID ? 'error' : 'off';
  const kb = new KnowledgeBase([]);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const missed: string[] = [];
  const falsePositives: string[] = [];
  const counts = { flag: 0, clean: 0, either: 0 };
  lines.forEach((line, n) => {
    let c: Case;
    try {
      c = JSON.parse(line) as Case;
    } catch {
      process.stderr.write(`eval-claims: ${file}:${n + 1}: not valid JSON; skipped\n`);
      return;
    }
    counts[c.label]++;
    const findings = lintText(c.text, kb, { config, withoutTerms: true }).findings.filter((f) => f.ruleId === RULE_ID);
    if (c.label === 'flag') {
      const at = c.claim ? c.text.indexOf(c.claim) : -1;
      if (at < 0) {
        process.stderr.write(`eval-claims: ${c.id}: claim span not found in text; counted as missed\n`);
      }
      const hit = at >= 0 && findings.some((f) => f.start.offset < at + c.claim!.length && at < f.end.offset);
      if (hit) tp++;
      else {
        fn++;
        missed.push(c.id);
      }
      if (verbose && !hit) process.stdout.write(`MISSED ${c.id}: ${JSON.stringify(findings.map((f) => c.text.slice(f.start.offset, f.end.offset)))}\n`);
    } else if (c.label === 'clean') {
      if (findings.length) {
        fp++;
        falsePositives.push(c.id);
        if (verbose) process.stdout.write(`FALSE POSITIVE ${c.id}: ${JSON.stringify(findings.map((f) => c.text.slice(f.start.offset, f.end.offset)))}\n`);
      }
    } else if (verbose) {
      process.stdout.write(`either ${c.id}: ${findings.length ? 'flagged' : 'silent'}\n`);
    }
  });
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  process.stdout.write(
    `cases: ${lines.length} (${counts.flag} flag, ${counts.clean} clean, ${counts.either} either, not scored)\n` +
      `TP ${tp}  FP ${fp}  FN ${fn}\n` +
      `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}\n` +
      `missed (false negatives): ${missed.join(', ') || 'none'}\n` +
      `false positives: ${falsePositives.join(', ') || 'none'}\n`,
  );
  return 0;
}

process.exitCode = main();
