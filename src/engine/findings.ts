// The one Finding type every surface maps: a Diagnostic, a SARIF result, a JSON record, a
// sidebar row. Rules report offsets; the runner adds lines and columns.
import type { Position } from './text.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Edit {
  /** Source offsets of the replaced range; start === end inserts. */
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  /** Applied together, as one undo step. */
  edits: Edit[];
  /** Preferred fix (the one a "fix all" would take). */
  preferred?: boolean;
}

export interface Related {
  message: string;
  start: Position;
  end: Position;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: Position;
  end: Position;
  related: Related[];
  /** KB entry ids involved. */
  entries: string[];
  fixes: Fix[];
}

/** What a rule reports: offsets only. */
export interface Report {
  start: number;
  end: number;
  message: string;
  related?: { start: number; end: number; message: string }[];
  entries?: string[];
  fixes?: Fix[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.start.offset - b.start.offset || a.end.offset - b.end.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
