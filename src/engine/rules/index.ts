// The rules, in the order they run. Each has a docs page at docs/rules/<id>.md.
import { domesticClaimImportedBlanks } from './domestic-claim-imported-blanks.js';
import { domesticUndefined } from './domestic-undefined.js';
import { exportControlUnspecified } from './export-control-unspecified.js';
import { measureStatus } from './measure-status.js';
import { preferredTerm } from './preferred-term.js';
import type { Rule } from './rule.js';
import { taxCreditUnspecified } from './tax-credit-unspecified.js';

export const RULES: readonly Rule[] = [
  domesticClaimImportedBlanks,
  domesticUndefined,
  taxCreditUnspecified,
  exportControlUnspecified,
  measureStatus,
  preferredTerm,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
