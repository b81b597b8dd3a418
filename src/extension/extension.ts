// Policy Lens, the VS Code extension. Activation registers providers, views and commands and
// nothing else: the engine (dist/engine.js) and the knowledge base load on first need, when a
// document is linted, hovered or a view is shown (see engine-loader.ts).
import * as vscode from 'vscode';
import type { Finding, LintResult, TermOccurrence } from '../engine/api.js';
import { ActiveDocument } from './active-document.js';
import { PolicyLensCodeActions } from './code-actions/provider.js';
import { registerCommands } from './commands/register.js';
import { DocumentLinter, LINT_SCHEMES } from './diagnostics/document-linter.js';
import { EngineLoader } from './engine-loader.js';
import { EntryPanel } from './entry-page/panel.js';
import { CitationHoverProvider } from './hover/citation-hover.js';
import { TermHoverProvider } from './hover/term-hover.js';
import { VIEWS } from './ids.js';
import { LintContexts } from './lint-contexts.js';
import { Output } from './output.js';
import { ProblemReporter } from './problems.js';
import { readSettings } from './settings.js';
import { DocumentTermsView } from './sidebar/document-terms-view.js';
import { FindingsView } from './sidebar/findings-view.js';
import { KnowledgeBaseView } from './sidebar/kb-view.js';
import { snapshot, type ViewItem } from './sidebar/tree-snapshot.js';
import { StatusBar } from './status-bar/status-bar.js';
import { WorkspaceLinter, type WorkspaceLintSummary } from './workspace-lint/workspace-linter.js';

/** What activate() returns: for the integration tests (and other extensions), not for users. */
export interface PolicyLensApi {
  /** Milliseconds activate() took. */
  readonly activationMs: number;
  /** Whether the engine has been loaded yet (false right after activation). */
  engineLoaded(): boolean;
  /** Lint a document now (opening it if needed) and return the result for its current text. */
  lintNow(uri: vscode.Uri): Promise<LintResult | undefined>;
  /** Latest findings / terms of an open document (empty if not linted). */
  getFindings(uri: vscode.Uri): Finding[];
  getTerms(uri: vscode.Uri): TermOccurrence[];
  /** The three views as a user reads them: labels, descriptions, children. */
  kbViewItems(): Promise<ViewItem[]>;
  documentTermItems(): Promise<ViewItem[]>;
  findingItems(): Promise<ViewItem[]>;
  /** Filter the Knowledge base view ('' clears), as Search Knowledge Base… does. */
  setKbFilter(query: string): void;
  /** Summary of the last Lint Workspace run, and its findings for files that were not open. */
  readonly lastWorkspaceLint: WorkspaceLintSummary | undefined;
  workspaceFindings(): { uri: string; findings: Finding[] }[];
  /** The entry page now shown: entry id, panel title ("Policy Lens: <term>") and HTML. */
  entryPage(): { id: string; title: string; html: string } | undefined;
  /** The status bar text, or undefined while hidden. */
  statusBarText(): string | undefined;
}

export function activate(context: vscode.ExtensionContext): PolicyLensApi {
  const started = Date.now();
  const subs = context.subscriptions;
  const output = new Output();
  const loader = new EngineLoader();
  const problems = new ProblemReporter(output);
  const contexts = new LintContexts(loader, problems);
  const diagnostics = vscode.languages.createDiagnosticCollection('policy-lens');
  const ruleDocs = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  const linter = new DocumentLinter(contexts, diagnostics, ruleDocs, output);
  const active = new ActiveDocument(linter);
  const workspace = new WorkspaceLinter(linter, contexts, ruleDocs, output);
  const panel = new EntryPanel(context.extensionUri, () => loader.get());
  const termsView = new DocumentTermsView(active, linter, contexts);
  const findingsView = new FindingsView(active, linter);
  const kbView = new KnowledgeBaseView(active, contexts);
  const statusBar = new StatusBar(active, linter);
  subs.push(output, problems, contexts, diagnostics, linter, active, workspace, panel, statusBar);

  kbView.view = vscode.window.createTreeView(VIEWS.knowledgeBase, { treeDataProvider: kbView, showCollapseAll: true });
  subs.push(
    kbView.view,
    vscode.window.createTreeView(VIEWS.documentTerms, { treeDataProvider: termsView, showCollapseAll: true }),
    vscode.window.createTreeView(VIEWS.findings, { treeDataProvider: findingsView, showCollapseAll: true }),
  );

  // Hovers and quick fixes for the configured languages; re-registered when the list changes.
  let registered: vscode.Disposable[] = [];
  const registerLanguageFeatures = () => {
    registered.forEach((d) => d.dispose());
    const languages = new Set((vscode.workspace.workspaceFolders ?? [undefined]).flatMap((f) => readSettings(f?.uri).languages));
    const selector = [...languages].flatMap((language) => LINT_SCHEMES.map((scheme) => ({ language, scheme })));
    registered = [
      vscode.languages.registerHoverProvider(selector, new TermHoverProvider(linter, contexts)),
      vscode.languages.registerHoverProvider(selector, new CitationHoverProvider(linter)),
      vscode.languages.registerCodeActionsProvider(selector, new PolicyLensCodeActions(linter), { providedCodeActionKinds: PolicyLensCodeActions.kinds }),
    ];
  };
  registerLanguageFeatures();
  subs.push(
    new vscode.Disposable(() => registered.forEach((d) => d.dispose())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('policyLens.languages')) registerLanguageFeatures();
    }),
  );

  const refreshDocumentViews = () => {
    termsView.refresh();
    findingsView.refresh();
    statusBar.update();
  };
  subs.push(
    linter.onDidLint((uri) => {
      if (uri.toString() === active.document?.uri.toString() || uri.toString() === active.editorDocument?.uri.toString()) refreshDocumentViews();
    }),
    active.onDidChange(() => {
      refreshDocumentViews();
      kbView.refresh();
    }),
    contexts.onDidChange(() => kbView.refresh()),
    ...registerCommands({
      extensionUri: context.extensionUri,
      version: String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0'),
      contexts,
      linter,
      workspace,
      active,
      panel,
      kbView,
      output,
    }),
  );

  // Documents already open: lint them once activation has returned (the engine loads then).
  for (const doc of vscode.workspace.textDocuments) linter.schedule(doc, 0);
  statusBar.update();

  const latest = (uri: vscode.Uri) => linter.latest(uri)?.result;
  const activationMs = Date.now() - started;
  return {
    activationMs,
    engineLoaded: () => loader.loaded,
    async lintNow(uri) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
      return (await linter.lintNow(doc))?.result;
    },
    getFindings: (uri) => latest(uri)?.findings ?? [],
    getTerms: (uri) => latest(uri)?.terms ?? [],
    kbViewItems: () => snapshot(kbView),
    documentTermItems: () => snapshot(termsView),
    findingItems: () => snapshot(findingsView),
    setKbFilter: (q) => kbView.setFilter(q),
    get lastWorkspaceLint() {
      return workspace.last;
    },
    workspaceFindings: () => [...workspace.results.values()].map((r) => ({ uri: r.uri.toString(), findings: r.findings })),
    entryPage: () => panel.current,
    statusBarText: () => statusBar.text,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
