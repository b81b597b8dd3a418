// "Knowledge base": every entry by category, with its status as the description; clicking an
// entry opens its page. "Search Knowledge Base…" filters the tree (the KB's own ranking: term,
// alias, summary, body); "Clear Knowledge Base Filter" shows everything again.
import * as vscode from 'vscode';
import type { KbEntry, KnowledgeBase } from '../../engine/api.js';
import type { ActiveDocument } from '../active-document.js';
import { COMMANDS, CONTEXT_KEYS } from '../ids.js';
import type { LintContexts } from '../lint-contexts.js';
import { groupEntries, type CategoryGroup } from './grouping.js';

type Node = { kind: 'category'; group: CategoryGroup<KbEntry> } | { kind: 'entry'; entry: KbEntry };

/** Enough to list every match of any realistic query in a KB of a few hundred entries. */
const SEARCH_LIMIT = 1000;

export class KnowledgeBaseView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private query = '';
  /** Set once the view is created (the view shows the filter as its message). */
  view: vscode.TreeView<unknown> | undefined;

  constructor(
    private readonly active: ActiveDocument,
    private readonly contexts: LintContexts,
  ) {}

  get filter(): string {
    return this.query;
  }

  /** The KB the view shows: the active document's folder's, else the first folder's. */
  kb(): KnowledgeBase {
    return this.contexts.contextFor(this.active.document?.uri).kb;
  }

  setFilter(query: string): void {
    this.query = query.trim();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.kbFilterActive, this.query !== '');
    this.refresh();
  }

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.kind === 'category' ? node.group.items.map((entry) => ({ kind: 'entry', entry })) : [];
    const kb = this.kb();
    const entries = this.query ? kb.search(this.query, SEARCH_LIMIT) : kb.entries.values();
    const engine = this.contexts.engine();
    const groups = groupEntries(entries, (c) => engine.CATEGORY_LABELS[c]);
    if (this.view) {
      const n = groups.reduce((s, g) => s + g.items.length, 0);
      this.view.message = this.query ? `Filter "${this.query}": ${n} ${n === 1 ? 'entry' : 'entries'}` : undefined;
    }
    return groups.map((group) => ({ kind: 'category', group }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const engine = this.contexts.engine();
    if (node.kind === 'category') {
      // Filtered: expand so the matches show; unfiltered: 94+ entries stay folded.
      const item = new vscode.TreeItem(node.group.label, this.query ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.group.items.length);
      item.id = `kb-category:${node.group.category}:${this.query}`;
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(e.term, vscode.TreeItemCollapsibleState.None);
    item.description = (e.origin === 'workspace' ? 'team · ' : '') + engine.statusLine(e);
    item.tooltip = new vscode.MarkdownString().appendText(e.summary);
    item.iconPath = new vscode.ThemeIcon(e.status === 'current' ? 'book' : e.status === 'proposed' ? 'git-pull-request-draft' : 'history');
    item.contextValue = 'policyLens.entry';
    item.id = `kb-entry:${e.id}:${this.query}`;
    item.command = { command: COMMANDS.openEntry, title: 'Open Entry', arguments: [e.id] };
    return item;
  }
}
