// "In this document": the KB terms of the active document by category, with counts; a term
// expands to its occurrences, and clicking one reveals it in the editor.
import * as vscode from 'vscode';
import type { TermOccurrence } from '../../engine/api.js';
import type { ActiveDocument } from '../active-document.js';
import type { DocumentLinter } from '../diagnostics/document-linter.js';
import { toRange } from '../diagnostics/to-diagnostic.js';
import { COMMANDS } from '../ids.js';
import type { LintContexts } from '../lint-contexts.js';
import { groupTerms, type CategoryGroup, type TermGroup } from './grouping.js';

type Node =
  | { kind: 'category'; group: CategoryGroup<TermGroup>; uri: vscode.Uri }
  | { kind: 'term'; group: TermGroup; uri: vscode.Uri }
  | { kind: 'occurrence'; occurrence: TermOccurrence; uri: vscode.Uri };

export class DocumentTermsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly active: ActiveDocument,
    private readonly linter: DocumentLinter,
    private readonly contexts: LintContexts,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const doc = this.active.document;
      const lint = doc && this.linter.latest(doc.uri);
      if (!doc || !lint) return [];
      const engine = this.contexts.engine();
      return groupTerms(lint.result.terms, (id) => lint.kb.get(id), (c) => engine.CATEGORY_LABELS[c]).map((group) => ({ kind: 'category', group, uri: doc.uri }));
    }
    if (node.kind === 'category') return node.group.items.map((group) => ({ kind: 'term', group, uri: node.uri }));
    if (node.kind === 'term') return node.group.occurrences.map((occurrence) => ({ kind: 'occurrence', occurrence, uri: node.uri }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'category': {
        const n = node.group.items.reduce((s, g) => s + g.occurrences.length, 0);
        const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.group.items.length} ${node.group.items.length === 1 ? 'term' : 'terms'}, ${n} ${n === 1 ? 'use' : 'uses'}`;
        item.id = `category:${node.group.category}`;
        return item;
      }
      case 'term': {
        const e = node.group.entry;
        const item = new vscode.TreeItem(e.term, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.group.occurrences.length);
        item.tooltip = e.summary;
        item.contextValue = 'policyLens.term';
        item.id = `term:${e.id}`;
        item.iconPath = new vscode.ThemeIcon('symbol-key');
        return item;
      }
      case 'occurrence': {
        const o = node.occurrence;
        const item = new vscode.TreeItem(o.text.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
        item.description = `line ${o.start.line}`;
        item.id = `occurrence:${o.entries.join(',')}:${o.start.offset}`;
        item.command = { command: COMMANDS.revealRange, title: 'Reveal', arguments: [node.uri, toRange(o.start, o.end)] };
        return item;
      }
    }
  }

  /** The inline "Open Knowledge Base Entry" button passes the node; the command takes an id. */
  static entryId(node: unknown): string | undefined {
    const n = node as Node | undefined;
    return n && n.kind === 'term' ? n.group.entry.id : undefined;
  }
}
