// "Findings": the active document's findings grouped by rule, with severity icons; clicking a
// finding reveals it.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../../engine/api.js';
import type { ActiveDocument } from '../active-document.js';
import type { DocumentLinter } from '../diagnostics/document-linter.js';
import { toRange } from '../diagnostics/to-diagnostic.js';
import { COMMANDS } from '../ids.js';
import { firstSentence, groupFindings, type RuleGroup } from './grouping.js';

type Node = { kind: 'rule'; group: RuleGroup; uri: vscode.Uri } | { kind: 'finding'; finding: Finding; uri: vscode.Uri };

const ICONS: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

export class FindingsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly active: ActiveDocument,
    private readonly linter: DocumentLinter,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const doc = this.active.document;
      const lint = doc && this.linter.latest(doc.uri);
      if (!doc || !lint) return [];
      return groupFindings(lint.result.findings).map((group) => ({ kind: 'rule', group, uri: doc.uri }));
    }
    if (node.kind === 'rule') return node.group.findings.map((finding) => ({ kind: 'finding', finding, uri: node.uri }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'rule') {
      const item = new vscode.TreeItem(node.group.ruleId, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.group.findings.length);
      item.iconPath = ICONS[node.group.worst];
      item.contextValue = 'policyLens.rule';
      item.id = `rule:${node.group.ruleId}`;
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(firstSentence(f.message), vscode.TreeItemCollapsibleState.None);
    item.description = `line ${f.start.line}`;
    item.tooltip = new vscode.MarkdownString().appendText(`${f.severity} · ${f.ruleId}\n\n${f.message}`);
    item.iconPath = ICONS[f.severity];
    item.id = `finding:${f.ruleId}:${f.start.offset}:${f.end.offset}`;
    item.command = { command: COMMANDS.revealRange, title: 'Reveal', arguments: [node.uri, toRange(f.start, f.end)] };
    return item;
  }

  /** For the inline "Open Rule Documentation" button on a rule node. */
  static ruleId(node: unknown): string | undefined {
    const n = node as Node | undefined;
    return n && n.kind === 'rule' ? n.group.ruleId : undefined;
  }
}
