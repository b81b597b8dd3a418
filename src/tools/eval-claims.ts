// npm run eval:claims [cases.jsonl] [--verbose] — scores the flagship rule on labeled cases
// (default: ../shared/claims/cases.jsonl) and prints precision, recall, F1 and the ids missed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCases, scoreCases } from './claims-score.js';

function main(): number {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const file = args.find((a) => !a.startsWith('--')) ?? path.resolve(__dirname, '../../shared/claims/cases.jsonl');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`eval-claims: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const cases = parseCases(text, (m) => process.stderr.write(`eval-claims: ${file}: ${m}\n`));
  for (const c of cases) if (c.label === 'flag' && (!c.claim || !c.text.includes(c.claim))) process.stderr.write(`eval-claims: ${c.id}: claim span not found in text; counted as missed\n`);
  const s = scoreCases(cases);
  if (verbose) {
    for (const c of cases) {
      const got = JSON.stringify(s.reported.get(c.id));
      if (s.missed.includes(c.id)) process.stdout.write(`MISSED ${c.id}: ${got}\n`);
      else if (s.falsePositives.includes(c.id)) process.stdout.write(`FALSE POSITIVE ${c.id}: ${got}\n`);
      else if (c.label === 'either') process.stdout.write(`either ${c.id}: ${s.reported.get(c.id)!.length ? 'flagged' : 'silent'}\n`);
    }
  }
  process.stdout.write(
    `cases: ${cases.length} (${s.counts.flag} flag, ${s.counts.clean} clean, ${s.counts.either} either, not scored)\n` +
      `TP ${s.tp}  FP ${s.fp}  FN ${s.fn}\n` +
      `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}\n` +
      `missed (false negatives): ${s.missed.join(', ') || 'none'}\n` +
      `false positives: ${s.falsePositives.join(', ') || 'none'}\n`,
  );
  return 0;
}

process.exitCode = main();
