// Finding → vscode.Diagnostic: severity, source "Policy Lens", code = rule id with a link to
// the rule's docs page bundled in the extension, related information for the evidence.
import * as vscode from 'vscode';
import type { Finding, Position, Severity } from '../../engine/api.js';
import { SOURCE } from '../ids.js';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Engine positions are 1-based lines and columns in UTF-16 code units, as VS Code counts them. */
export function toRange(start: Position, end: Position): vscode.Range {
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}

export function toDiagnostic(f: Finding, uri: vscode.Uri, ruleDocs: (ruleId: string) => vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.start, f.end), f.message, SEVERITY[f.severity]);
  d.source = SOURCE;
  d.code = { value: f.ruleId, target: ruleDocs(f.ruleId) };
  if (f.related.length)
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.start, r.end)), r.message));
  return d;
}

/** Identifies the finding behind a diagnostic (code actions get copies of our diagnostics back). */
export function diagnosticKey(ruleId: string, range: vscode.Range): string {
  return `${ruleId}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The rule id of a finding's diagnostic; undefined for other diagnostics (ours without a rule too). */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'object') return undefined;
  return typeof d.code.value === 'string' ? d.code.value : undefined;
}
