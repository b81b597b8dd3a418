// Scoring the flagship rule on labeled cases, as ../shared/claims/GUIDELINE.md says: a `flag`
// case is a hit when a finding of the rule overlaps its claim span (else a false negative);
// any finding on a `clean` case is a false positive; `either` cases are not scored.
// Shared by `npm run eval:claims` and the tests.
import { defaultConfig } from '../engine/config.js';
import { KnowledgeBase } from '../engine/kb/knowledge-base.js';
import { lintText } from '../engine/lint.js';
import { RULE_ID } from '../engine/rules/domestic-claim-imported-blanks.js';
import { RULE_IDS } from '../engine/rules/index.js';

export interface Case {
  id: string;
  label: 'flag' | 'clean' | 'either';
  text: string;
  claim?: string;
  note?: string;
}

export interface Score {
  counts: Record<Case['label'], number>;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  falsePositives: string[];
  /** What the rule reported per case (claim-span texts), for --verbose. */
  reported: Map<string, string[]>;
}

export function scoreCases(cases: Case[]): Score {
  const config = defaultConfig();
  for (const id of RULE_IDS) config.rules[id] = id === RULE_ID ? 'error' : 'off';
  const kb = new KnowledgeBase([]);
  const s: Score = { counts: { flag: 0, clean: 0, either: 0 }, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 0, missed: [], falsePositives: [], reported: new Map() };
  for (const c of cases) {
    s.counts[c.label]++;
    const findings = lintText(c.text, kb, { config, withoutTerms: true }).findings.filter((f) => f.ruleId === RULE_ID);
    s.reported.set(c.id, findings.map((f) => c.text.slice(f.start.offset, f.end.offset)));
    if (c.label === 'flag') {
      const at = c.claim ? c.text.indexOf(c.claim) : -1;
      const hit = at >= 0 && findings.some((f) => f.start.offset < at + c.claim!.length && at < f.end.offset);
      if (hit) s.tp++;
      else {
        s.fn++;
        s.missed.push(c.id);
      }
    } else if (c.label === 'clean' && findings.length) {
      s.fp++;
      s.falsePositives.push(c.id);
    }
  }
  s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  return s;
}

/** Cases from JSON lines; a bad line is reported through `warn` and skipped. */
export function parseCases(text: string, warn: (message: string) => void = () => {}): Case[] {
  const cases: Case[] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    if (!line.trim()) return;
    try {
      cases.push(JSON.parse(line) as Case);
    } catch {
      warn(`line ${n + 1}: not valid JSON; skipped`);
    }
  });
  return cases;
}
