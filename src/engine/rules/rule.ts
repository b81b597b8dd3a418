// What a rule is, and what it sees. One rule per file in this folder, each with a docs page
// at docs/rules/<id>.md.
import type { ProseDocument } from '../document.js';
import type { Report, Severity } from '../findings.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { TermMatch } from '../match.js';
import type { Sentence } from '../sentences.js';

export interface Rule {
  id: string;
  /** One line, shown in rule lists and SARIF. */
  description: string;
  defaultSeverity: Severity;
  check(ctx: RuleContext): void;
}

export interface RuleContext {
  doc: ProseDocument;
  kb: KnowledgeBase;
  /** Term matches per block (same index as doc.blocks). */
  matches: readonly (readonly TermMatch[])[];
  /** Sentences of a block, computed on first request. */
  sentences(block: number): readonly Sentence[];
  /** Today's date, YYYY-MM-DD. */
  today: string;
  /** Index of the section (text under one heading) each block belongs to. */
  section: readonly number[];
  /**
   * A fact about one block that depends only on its text (what a rule's patterns find in
   * it), computed once and cached with the block's chunk, so a re-lint after an edit
   * recomputes it only for the edited chunk.
   */
  fact<T>(name: string, block: number, compute: (text: string) => T): T;
  /** Absolute source offset of a text offset in a block. */
  source(block: number, textOffset: number, end?: boolean): number;
  report(r: Report): void;
}
