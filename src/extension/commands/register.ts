// Every command of the extension (ids in ids.ts, titles in package.json).
import * as vscode from 'vscode';
import type { ActiveDocument } from '../active-document.js';
import type { DocumentLinter } from '../diagnostics/document-linter.js';
import type { EntryPanel } from '../entry-page/panel.js';
import { COMMANDS, SOURCE, VIEWS } from '../ids.js';
import type { LintContexts } from '../lint-contexts.js';
import type { Output } from '../output.js';
import { DocumentTermsView } from '../sidebar/document-terms-view.js';
import { FindingsView } from '../sidebar/findings-view.js';
import type { KnowledgeBaseView } from '../sidebar/kb-view.js';
import type { WorkspaceLinter } from '../workspace-lint/workspace-linter.js';
import { exportFindings } from './export-findings.js';
import { pickEntry, selectedText } from './look-up.js';

export interface CommandDeps {
  extensionUri: vscode.Uri;
  version: string;
  contexts: LintContexts;
  linter: DocumentLinter;
  workspace: WorkspaceLinter;
  active: ActiveDocument;
  panel: EntryPanel;
  kbView: KnowledgeBaseView;
  output: Output;
}

export function registerCommands(d: CommandDeps): vscode.Disposable[] {
  const kb = () => d.kbView.kb();
  const openEntry = async (arg?: unknown) => {
    // From a hover link or code action: an id; from the terms view's inline button: the node.
    const id = typeof arg === 'string' ? arg : DocumentTermsView.entryId(arg);
    const base = kb();
    const entry = id ? base.get(id) : await pickEntry(base, d.contexts.engine(), selectedText());
    if (id && !entry) {
      void vscode.window.showWarningMessage(`${SOURCE}: no knowledge-base entry "${id}".`);
      return;
    }
    if (entry) d.panel.show(entry, base);
  };
  const r = vscode.commands.registerCommand;
  return [
    r(COMMANDS.lintDocument, async () => {
      const doc = d.active.editorDocument ?? d.active.document;
      if (!doc) {
        void vscode.window.showInformationMessage(`${SOURCE}: open a Markdown or plain-text document to lint it.`);
        return undefined;
      }
      d.contexts.flush();
      return d.linter.lintNow(doc);
    }),
    r(COMMANDS.lintWorkspace, () => d.workspace.run()),
    r(COMMANDS.clearWorkspaceFindings, () => d.workspace.clear()),
    r(COMMANDS.lookUpTerm, () => openEntry()),
    r(COMMANDS.openEntry, openEntry),
    r(COMMANDS.openKnowledgeBase, () => vscode.commands.executeCommand(`${VIEWS.knowledgeBase}.focus`)),
    r(COMMANDS.searchKnowledgeBase, async () => {
      const q = await vscode.window.showInputBox({
        title: 'Search Knowledge Base',
        prompt: 'Filter the knowledge base by term, alias, summary or text (empty: show all)',
        value: d.kbView.filter,
        placeHolder: 'e.g. blank, 45X, suspended',
      });
      if (q === undefined) return;
      d.kbView.setFilter(q);
      await vscode.commands.executeCommand(`${VIEWS.knowledgeBase}.focus`);
    }),
    r(COMMANDS.clearKnowledgeBaseFilter, () => d.kbView.setFilter('')),
    r(COMMANDS.exportFindings, () => exportFindings(d.linter, d.workspace, d.contexts, d.version)),
    r(COMMANDS.showOutput, () => d.output.show()),
    r(COMMANDS.openRuleDocs, async (arg?: unknown) => {
      const ruleId = typeof arg === 'string' ? arg : FindingsView.ruleId(arg);
      if (!ruleId || !/^[a-z0-9-]+$/.test(ruleId)) return;
      const uri = vscode.Uri.joinPath(d.extensionUri, 'docs', 'rules', `${ruleId}.md`);
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        const rule = d.contexts.engine().ruleById(ruleId);
        void vscode.window.showInformationMessage(`${SOURCE}: ${ruleId}: ${rule?.description ?? 'unknown rule'} (no documentation page is installed).`);
        return;
      }
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    }),
    r(COMMANDS.revealRange, async (uriArg: unknown, rangeArg: unknown) => {
      const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg, true) : undefined;
      const range =
        rangeArg instanceof vscode.Range
          ? rangeArg
          : Array.isArray(rangeArg) && rangeArg.length === 4 && rangeArg.every((n) => Number.isInteger(n) && n >= 0)
            ? new vscode.Range(rangeArg[0], rangeArg[1], rangeArg[2], rangeArg[3])
            : undefined;
      if (!uri || !range) return;
      const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
}
