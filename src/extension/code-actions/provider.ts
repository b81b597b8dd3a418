// Quick fixes on Policy Lens diagnostics: the engine's own fixes (preferred term, definition or
// citation notes), disable the rule for this line or this file, and look the entry up. Each
// action is one WorkspaceEdit, so one undo step.
import * as vscode from 'vscode';
import type { Edit, Finding, KbEntry } from '../../engine/api.js';
import { diagnosticKey, ruleIdOf, toRange } from '../diagnostics/to-diagnostic.js';
import type { DocumentLinter } from '../diagnostics/document-linter.js';
import { COMMANDS } from '../ids.js';
import { disableFileEdit, disableLineEdit } from './directive-edits.js';

export class PolicyLensCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly linter: DocumentLinter) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => ruleIdOf(d) !== undefined);
    if (!ours.length) return [];
    const lint = this.linter.latest(doc.uri);
    // Engine fixes carry offsets: only valid for the text they were computed on.
    const current = lint && lint.version === doc.version ? lint : undefined;
    const byKey = new Map<string, Finding>();
    for (const f of current?.result.findings ?? []) byKey.set(diagnosticKey(f.ruleId, toRange(f.start, f.end)), f);
    const text = doc.getText();
    const kind = doc.languageId === 'markdown' ? 'markdown' : 'text';
    const actions: vscode.CodeAction[] = [];
    const fileDone = new Set<string>();

    for (const d of ours) {
      const ruleId = ruleIdOf(d)!;
      // Undefined for a diagnostic of an older version: it still gets the disable actions.
      const finding = byKey.get(diagnosticKey(ruleId, d.range));
      for (const fix of finding?.fixes ?? []) {
        const a = this.action(fix.title, d, doc, fix.edits);
        a.isPreferred = !!fix.preferred;
        actions.push(a);
      }
      actions.push(this.action(`Disable ${ruleId} for this line`, d, doc, [disableLineEdit(text, d.range.start.line + 1, ruleId)]));
      if (!fileDone.has(ruleId)) {
        fileDone.add(ruleId);
        actions.push(this.action(`Disable ${ruleId} for this file`, d, doc, [disableFileEdit(text, ruleId, kind)]));
      }
      const entry = finding?.entries.map((id) => current!.kb.get(id)).find((e): e is KbEntry => !!e);
      if (entry) {
        const a = new vscode.CodeAction(`Look up "${entry.term}" in Policy Lens`, vscode.CodeActionKind.QuickFix);
        a.command = { command: COMMANDS.openEntry, title: a.title, arguments: [entry.id] };
        a.diagnostics = [d];
        actions.push(a);
      }
    }
    return actions;
  }

  private action(title: string, d: vscode.Diagnostic, doc: vscode.TextDocument, edits: Edit[]): vscode.CodeAction {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    const we = new vscode.WorkspaceEdit();
    for (const e of edits) we.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
    a.edit = we;
    a.diagnostics = [d];
    return a;
  }
}
