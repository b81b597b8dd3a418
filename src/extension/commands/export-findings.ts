// Export Findings…: the findings of open documents and of the last Lint Workspace, as SARIF
// 2.1.0 (the engine's formatter, as the CLI writes it) or a readable Markdown report, written
// with workspace.fs to the path the user picks.
import * as vscode from 'vscode';
import type { Finding, KbEntry } from '../../engine/api.js';
import type { DocumentLinter } from '../diagnostics/document-linter.js';
import { COMMANDS, SOURCE } from '../ids.js';
import type { LintContexts } from '../lint-contexts.js';
import type { WorkspaceLinter } from '../workspace-lint/workspace-linter.js';
import { markdownReport } from './markdown-report.js';

/** Where the rule docs live for SARIF's helpUri (the CLI uses the same base). */
const DOCS_BASE = 'https://github.com/policy-lens/policy-lens/blob/main/docs/rules/';
const HOME = 'https://github.com/policy-lens/policy-lens';

export async function exportFindings(linter: DocumentLinter, workspace: WorkspaceLinter, contexts: LintContexts, version: string): Promise<vscode.Uri | undefined> {
  const files = collect(linter, workspace);
  if (!files.length) {
    const pick = await vscode.window.showInformationMessage(`${SOURCE}: no findings to export yet. Lint the workspace first?`, 'Lint Workspace');
    if (pick) void vscode.commands.executeCommand(COMMANDS.lintWorkspace);
    return undefined;
  }
  const format = await vscode.window.showQuickPick(
    [
      { label: 'SARIF', description: '.sarif', detail: 'SARIF 2.1.0, for code-scanning tools and CI', id: 'sarif' as const },
      { label: 'Markdown report', description: '.md', detail: 'A readable report by file and rule, with the knowledge-base entries involved', id: 'markdown' as const },
    ],
    { title: 'Export Findings', placeHolder: 'Export format' },
  );
  if (!format) return undefined;
  const ext = format.id === 'sarif' ? 'sarif' : 'md';
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Findings',
    saveLabel: 'Export',
    ...(base ? { defaultUri: vscode.Uri.joinPath(base, `policy-lens-findings.${ext}`) } : {}),
    filters: format.id === 'sarif' ? { SARIF: ['sarif', 'json'] } : { Markdown: ['md'] },
  });
  if (!target) return undefined;

  const engine = contexts.engine();
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const rows = files.map((f) => ({ path: vscode.workspace.asRelativePath(f.uri, multiRoot), findings: f.findings, uri: f.uri }));
  let text: string;
  if (format.id === 'sarif') {
    text = engine.formatSarif(rows, { rules: engine.RULES, toolVersion: version, docsBase: DOCS_BASE, informationUri: HOME });
  } else {
    const lookup = (id: string): KbEntry | undefined => {
      for (const f of rows) {
        const e = contexts.contextFor(f.uri).kb.get(id);
        if (e) return e;
      }
      return undefined;
    };
    text = markdownReport(rows, lookup, new Date().toISOString().slice(0, 10));
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (e) {
    void vscode.window.showErrorMessage(`${SOURCE}: cannot write ${target.toString(true)}: ${(e as Error).message}`);
    return undefined;
  }
  const n = rows.reduce((s, r) => s + r.findings.length, 0);
  void vscode.window.showInformationMessage(`${SOURCE}: exported ${n} ${n === 1 ? 'finding' : 'findings'} from ${rows.length} ${rows.length === 1 ? 'file' : 'files'}.`);
  return target;
}

/** Open documents' live results, then the last workspace run's files that are not open. */
function collect(linter: DocumentLinter, workspace: WorkspaceLinter): { uri: vscode.Uri; findings: Finding[] }[] {
  const out = new Map<string, { uri: vscode.Uri; findings: Finding[] }>();
  for (const doc of vscode.workspace.textDocuments) {
    const lint = linter.latest(doc.uri);
    if (lint && lint.result.findings.length) out.set(doc.uri.toString(), { uri: doc.uri, findings: lint.result.findings });
  }
  for (const [key, r] of workspace.results) if (!out.has(key)) out.set(key, r);
  return [...out.values()];
}
