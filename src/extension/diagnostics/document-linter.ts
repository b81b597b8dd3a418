// Linting open documents: on open, on change (debounced, if policyLens.lintOnChange), on save
// and on demand; diagnostics cleared on close. Typing never waits on a lint: runs start from
// a timer, and a long document is linted in slices of SLICE_MS (the engine's LintSession
// caches parsed chunks and term matches, so each slice resumes where the last stopped),
// yielding to the event loop in between. Each document has a generation counter: an edit,
// a close or a newer run bumps it, and a run whose generation is no longer current is dropped
// at its next slice boundary, so stale results never reach the Problems panel.
import * as vscode from 'vscode';
import type { KnowledgeBase, LintResult, LintSession } from '../../engine/api.js';
import { PARTIAL_CODE, SOURCE } from '../ids.js';
import type { LintContexts } from '../lint-contexts.js';
import type { Output } from '../output.js';
import { readSettings, type Settings } from '../settings.js';
import { formatBytes, utf8Length } from '../sizes.js';
import { toDiagnostic } from './to-diagnostic.js';

/** Total engine time one document's lint may take before it is reported as partial. */
export const BUDGET_MS = 2000;
/** Longest the extension host is kept busy at once by one document's lint. */
const SLICE_MS = 50;

/** Schemes of documents a user writes in (not git/output/diff views). */
export const LINT_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

export interface DocLint {
  version: number;
  result: LintResult;
  kb: KnowledgeBase;
}

export interface Oversize {
  bytes: number;
  limit: number;
}

interface DocState {
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
  session?: LintSession;
  last?: DocLint;
  oversize?: Oversize;
  /** Callers of lintNow waiting for the next published result. */
  waiters: ((l: DocLint | undefined) => void)[];
}

export class DocumentLinter implements vscode.Disposable {
  private readonly states = new Map<string, DocState>();
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  /** A document's results (or its oversize state, or its clearing) changed. */
  readonly onDidLint = this.linted.event;
  private readonly oversizeNotified = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.linted];

  constructor(
    private readonly contexts: LintContexts,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly ruleDocs: (ruleId: string) => vscode.Uri,
    private readonly output: Output,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const s = readSettings(e.document.uri);
        if (s.lintOnChange) this.schedule(e.document, s.debounceMs, s);
        else this.invalidate(e.document.uri);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d.uri)),
      // Config files, team KB files, settings and trust: LintContexts debounces them into one event.
      contexts.onDidChange(() => this.relintAll()),
    );
  }

  isLintable(doc: vscode.TextDocument, settings: Settings = readSettings(doc.uri)): boolean {
    return settings.enable && LINT_SCHEMES.includes(doc.uri.scheme) && settings.languages.includes(doc.languageId);
  }

  /** Lint after `delayMs`; a pending run of the same document is replaced. */
  schedule(doc: vscode.TextDocument, delayMs: number, settings: Settings = readSettings(doc.uri)): void {
    if (!this.isLintable(doc, settings)) {
      if (this.states.has(doc.uri.toString())) this.close(doc.uri);
      return;
    }
    const st = this.state(doc.uri);
    const gen = ++st.generation;
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void this.run(doc, st, gen);
    }, delayMs);
  }

  /** Lint now (or join the run about to start) and resolve with the result for the current text. */
  lintNow(doc: vscode.TextDocument): Promise<DocLint | undefined> {
    if (!this.isLintable(doc)) return Promise.resolve(undefined);
    const st = this.state(doc.uri);
    const p = new Promise<DocLint | undefined>((resolve) => st.waiters.push(resolve));
    this.schedule(doc, 0);
    return p;
  }

  /** The result for the document's current version, linting first if there is none. */
  async resultFor(doc: vscode.TextDocument): Promise<DocLint | undefined> {
    const last = this.states.get(doc.uri.toString())?.last;
    if (last && last.version === doc.version) return last;
    const l = await this.lintNow(doc);
    return l && l.version === doc.version ? l : undefined;
  }

  /** The latest result, possibly for an older version (views show it until the next lint). */
  latest(uri: vscode.Uri): DocLint | undefined {
    return this.states.get(uri.toString())?.last;
  }

  oversize(uri: vscode.Uri): Oversize | undefined {
    return this.states.get(uri.toString())?.oversize;
  }

  /** Every open document again (a document no longer to be linted is cleared by schedule). */
  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private state(uri: vscode.Uri): DocState {
    const key = uri.toString();
    let st = this.states.get(key);
    if (!st) this.states.set(key, (st = { generation: 0, waiters: [] }));
    return st;
  }

  /** The text changed but is not to be linted yet: any run in flight is stale. */
  private invalidate(uri: vscode.Uri): void {
    const st = this.states.get(uri.toString());
    if (!st) return;
    st.generation++;
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    this.resolveWaiters(st, undefined);
  }

  private close(uri: vscode.Uri): void {
    const key = uri.toString();
    const st = this.states.get(key);
    if (st) {
      st.generation++;
      if (st.timer) clearTimeout(st.timer);
      this.resolveWaiters(st, undefined);
      this.states.delete(key);
    }
    this.diagnostics.delete(uri);
    this.oversizeNotified.delete(key);
    this.linted.fire(uri);
  }

  private async run(doc: vscode.TextDocument, st: DocState, gen: number): Promise<void> {
    const stale = () => gen !== st.generation || doc.isClosed || this.states.get(doc.uri.toString()) !== st;
    if (stale()) return;
    let ctx;
    try {
      ctx = this.contexts.contextFor(doc.uri);
    } catch (e) {
      this.output.log(`${doc.uri.toString(true)}: cannot load the Policy Lens engine or knowledge base: ${(e as Error).message}`);
      this.resolveWaiters(st, undefined);
      return;
    }
    const text = doc.getText();
    const version = doc.version;
    const bytes = utf8Length(text);
    if (bytes > ctx.config.maxFileSize) {
      st.oversize = { bytes, limit: ctx.config.maxFileSize };
      st.last = undefined;
      this.diagnostics.delete(doc.uri);
      this.notifyOversize(doc, st.oversize);
      this.resolveWaiters(st, undefined);
      this.linted.fire(doc.uri);
      return;
    }
    st.oversize = undefined;
    if (!st.session || st.session.kb !== ctx.kb) st.session = new ctx.engine.LintSession(ctx.kb);
    const session = st.session;
    const kind = doc.languageId === 'markdown' ? 'markdown' : 'text';
    let spent = 0;
    let result: LintResult;
    for (;;) {
      const t0 = Date.now();
      result = session.lint(text, { kind, config: ctx.config, budgetMs: Math.min(SLICE_MS, BUDGET_MS - spent) });
      spent += Date.now() - t0;
      // Only a lint stopped by its slice's budget gets further on another try; one that met a
      // part too complex to parse stops there every time.
      if (result.partial?.reason !== 'budget' || spent >= BUDGET_MS) break;
      await new Promise((r) => setTimeout(r, 0));
      if (stale()) return;
    }
    const lint: DocLint = { version, result, kb: ctx.kb };
    st.last = lint;
    const diags = result.findings.map((f) => toDiagnostic(f, doc.uri, this.ruleDocs));
    if (result.partial) diags.unshift(partialDiagnostic(result.partial));
    this.diagnostics.set(doc.uri, diags);
    this.resolveWaiters(st, lint);
    this.linted.fire(doc.uri);
  }

  private resolveWaiters(st: DocState, l: DocLint | undefined): void {
    const waiters = st.waiters;
    st.waiters = [];
    for (const w of waiters) w(l);
  }

  private notifyOversize(doc: vscode.TextDocument, o: Oversize): void {
    const key = doc.uri.toString();
    if (this.oversizeNotified.has(key)) return;
    this.oversizeNotified.add(key);
    const name = doc.uri.path.split('/').pop() ?? doc.uri.toString(true);
    void vscode.window
      .showInformationMessage(
        `${SOURCE}: ${name} is ${formatBytes(o.bytes)}, over the ${formatBytes(o.limit)} limit, so it is not checked.`,
        'Change Limit',
      )
      .then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', 'policyLens.maxFileSize');
      });
  }

  dispose(): void {
    for (const st of this.states.values()) if (st.timer) clearTimeout(st.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The notice at the top of a document the lint could not finish: over BUDGET_MS, or too complex to parse from some line. */
function partialDiagnostic(partial: NonNullable<LintResult['partial']>): vscode.Diagnostic {
  const message =
    partial.reason === 'complex'
      ? `${partial.message.charAt(0).toUpperCase()}${partial.message.slice(1)}.`
      : `Checked partially: the document is too large or complex to check within ${BUDGET_MS / 1000} s; findings cover lines 1–${partial.checkedTo.line}.`;
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
  d.source = SOURCE;
  d.code = PARTIAL_CODE;
  return d;
}
