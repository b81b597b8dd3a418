// How the sidebar groups a document's terms and findings, and the KB. Pure (no `vscode`).
import type { Category, Finding, KbEntry, Severity, TermOccurrence } from '../../engine/api.js';

export interface TermGroup {
  entry: KbEntry;
  occurrences: TermOccurrence[];
}

export interface CategoryGroup<T> {
  category: Category;
  label: string;
  items: T[];
}

export interface RuleGroup {
  ruleId: string;
  /** The most severe finding's severity (the group's icon). */
  worst: Severity;
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Terms found in a document, by category (by label), then term (A–Z); an ambiguous occurrence counts under each entry. */
export function groupTerms(
  terms: readonly TermOccurrence[],
  lookup: (id: string) => KbEntry | undefined,
  categoryLabel: (c: Category) => string,
): CategoryGroup<TermGroup>[] {
  const byEntry = new Map<string, TermGroup>();
  for (const t of terms)
    for (const id of t.entries) {
      const entry = lookup(id);
      if (!entry) continue;
      let g = byEntry.get(id);
      if (!g) byEntry.set(id, (g = { entry, occurrences: [] }));
      g.occurrences.push(t);
    }
  return byCategory([...byEntry.values()], (g) => g.entry, categoryLabel);
}

/** KB entries by category (by label), then term (A–Z). */
export function groupEntries(entries: Iterable<KbEntry>, categoryLabel: (c: Category) => string): CategoryGroup<KbEntry>[] {
  return byCategory([...entries], (e) => e, categoryLabel);
}

function byCategory<T>(items: T[], entryOf: (x: T) => KbEntry, categoryLabel: (c: Category) => string): CategoryGroup<T>[] {
  const groups = new Map<Category, CategoryGroup<T>>();
  for (const x of items) {
    const c = entryOf(x).category;
    let g = groups.get(c);
    if (!g) groups.set(c, (g = { category: c, label: categoryLabel(c), items: [] }));
    g.items.push(x);
  }
  for (const g of groups.values()) g.items.sort((a, b) => entryOf(a).term.localeCompare(entryOf(b).term));
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Findings by rule: rules with errors first, then by id; findings in document order. */
export function groupFindings(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of findings) {
    let g = groups.get(f.ruleId);
    if (!g) groups.set(f.ruleId, (g = { ruleId: f.ruleId, worst: f.severity, findings: [] }));
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[g.worst]) g.worst = f.severity;
    g.findings.push(f);
  }
  for (const g of groups.values()) g.findings.sort((a, b) => a.start.offset - b.start.offset);
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.worst] - SEVERITY_ORDER[b.worst] || a.ruleId.localeCompare(b.ruleId));
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The first line of a message, for one-line tree labels. */
export function firstSentence(message: string, max = 120): string {
  const m = /^(.+?[.!?])(?:\s|$)/.exec(message);
  const s = (m ? m[1]! : message).replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
