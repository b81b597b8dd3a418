// Lint Workspace: every Markdown and text file of every workspace folder (minus files.exclude,
// node_modules and .gitignored files), with a cancellable progress notification. Files are
// linted in slices of about SLICE_MS, yielding to the event loop between slices so typing and
// hovers stay responsive; progress is reported a few times a second, not once per file. Open documents are linted by the
// document linter (live diagnostics); other files' findings go to their own
// DiagnosticCollection. Unreadable, binary and too-large files are listed in the output
// channel with path and reason.
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import type { Finding } from '../../engine/api.js';
import { BUDGET_MS, type DocumentLinter } from '../diagnostics/document-linter.js';
import { formatBytes } from '../sizes.js';
import { toDiagnostic } from '../diagnostics/to-diagnostic.js';
import { CONTEXT_KEYS, SOURCE } from '../ids.js';
import type { LintContexts } from '../lint-contexts.js';
import type { Output } from '../output.js';
import { excludeGlob } from './exclude-glob.js';
import { GitignoreFilter } from './gitignore.js';

export const INCLUDE = '**/*.{md,markdown,txt}';
/** Longest stretch of linting before yielding to the event loop. */
const SLICE_MS = 15;
/** Least time between two progress reports (each is a message to the UI). */
const PROGRESS_MS = 200;

export interface WorkspaceLintSummary {
  files: number;
  linted: number;
  findings: number;
  errors: number;
  warnings: number;
  notes: number;
  skipped: { path: string; reason: string }[];
  partial: string[];
  cancelled: boolean;
  durationMs: number;
}

export interface FileFindings {
  uri: vscode.Uri;
  findings: Finding[];
}

export class WorkspaceLinter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('policy-lens-workspace');
  /** Findings of the last run, by URI: files not open (open ones are in the document linter). */
  readonly results = new Map<string, FileFindings>();
  last: WorkspaceLintSummary | undefined;
  private running: Promise<WorkspaceLintSummary | undefined> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly linter: DocumentLinter,
    private readonly contexts: LintContexts,
    private readonly ruleDocs: (ruleId: string) => vscode.Uri,
    private readonly output: Output,
  ) {
    // Once a file is open its live diagnostics take over: no duplicates in the Problems panel.
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.results.delete(d.uri.toString())) {
          this.collection.delete(d.uri);
          this.updateContext();
        }
      }),
    );
  }

  /** Runs Lint Workspace (a second call while one runs joins it). */
  run(): Promise<WorkspaceLintSummary | undefined> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<WorkspaceLintSummary | undefined> {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${SOURCE}: linting workspace`, cancellable: true },
      (progress, token) => this.lintAll(progress, token),
    );
    // Not awaited: the summary message waits for the user, the command's result does not.
    if (summary) void this.report(summary);
    return summary;
  }

  clear(): void {
    this.collection.clear();
    this.results.clear();
    this.updateContext();
  }

  private async lintAll(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<WorkspaceLintSummary | undefined> {
    const t0 = Date.now();
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) {
      void vscode.window.showInformationMessage(`${SOURCE}: open a folder to lint a workspace.`);
      return undefined;
    }
    this.contexts.flush();
    progress.report({ message: 'finding files…' });
    const files: { uri: vscode.Uri; folder: vscode.WorkspaceFolder }[] = [];
    for (const folder of folders) {
      const exclude = excludeGlob(vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude'));
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INCLUDE), exclude, undefined, token);
      const git = new GitignoreFilter((dir) => readText(vscode.Uri.joinPath(folder.uri, dir, '.gitignore')));
      for (const uri of found.sort((a, b) => a.path.localeCompare(b.path))) {
        const rel = relativePath(folder.uri, uri);
        if (rel !== undefined && (await git.ignores(rel))) continue;
        files.push({ uri, folder });
      }
      if (token.isCancellationRequested) break;
    }

    this.clear();
    const summary: WorkspaceLintSummary = { files: files.length, linted: 0, findings: 0, errors: 0, warnings: 0, notes: 0, skipped: [], partial: [], cancelled: false, durationMs: 0 };
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const step = files.length ? 100 / files.length : 100;
    let sliceStart = Date.now();
    let reportedAt = 0;
    let unreported = 0;
    for (let i = 0; i < files.length; i++) {
      if (token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      const { uri } = files[i]!;
      const shown = vscode.workspace.asRelativePath(uri, folders.length > 1);
      const findings = await this.lintFile(uri, open.get(uri.toString()), shown, summary);
      if (findings) {
        summary.linted++;
        summary.findings += findings.length;
        for (const f of findings) {
          if (f.severity === 'error') summary.errors++;
          else if (f.severity === 'warning') summary.warnings++;
          else summary.notes++;
        }
      }
      unreported++;
      const now = Date.now();
      if (now - reportedAt >= PROGRESS_MS || i === files.length - 1) {
        progress.report({ increment: step * unreported, message: `${i + 1} / ${files.length} files` });
        reportedAt = now;
        unreported = 0;
      }
      // Let other extension-host work (typing, hovers) run between slices.
      if (now - sliceStart >= SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        sliceStart = Date.now();
      }
    }
    this.updateContext();
    summary.durationMs = Date.now() - t0;
    this.last = summary;
    return summary;
  }

  /** The findings of one file, or undefined when it was skipped (reported in `summary`). */
  private async lintFile(uri: vscode.Uri, doc: vscode.TextDocument | undefined, shown: string, summary: WorkspaceLintSummary): Promise<Finding[] | undefined> {
    const skip = (reason: string) => {
      summary.skipped.push({ path: shown, reason });
      this.output.log(`Lint Workspace: ${shown}: skipped: ${reason}`);
      return undefined;
    };
    if (doc && this.linter.isLintable(doc)) {
      const lint = await this.linter.lintNow(doc);
      const over = this.linter.oversize(uri);
      if (over) return skip(tooLarge(over.bytes, over.limit));
      if (!lint) return undefined;
      if (lint.result.partial) summary.partial.push(shown);
      return lint.result.findings;
    }
    try {
      const ctx = this.contexts.contextFor(uri);
      // Local files are read with Node directly: far cheaper per file than the fs provider.
      const local = uri.scheme === 'file';
      const size = local ? (await fsp.stat(uri.fsPath)).size : (await vscode.workspace.fs.stat(uri)).size;
      if (size > ctx.config.maxFileSize) return skip(tooLarge(size, ctx.config.maxFileSize));
      const bytes = local ? await fsp.readFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri);
      const decoded = ctx.engine.decodeText(bytes);
      if (!decoded.ok) return skip(decoded.reason);
      const result = ctx.engine.lintText(decoded.text, ctx.kb, {
        kind: ctx.engine.kindOf(uri.path),
        config: ctx.config,
        budgetMs: BUDGET_MS,
        withoutTerms: true,
      });
      if (result.partial) {
        summary.partial.push(shown);
        this.output.log(`Lint Workspace: ${shown}: ${result.partial.message}`);
      }
      if (result.findings.length) {
        this.results.set(uri.toString(), { uri, findings: result.findings });
        this.collection.set(uri, result.findings.map((f) => toDiagnostic(f, uri, this.ruleDocs)));
      }
      return result.findings;
    } catch (e) {
      return skip(readError(e));
    }
  }

  private async report(s: WorkspaceLintSummary): Promise<void> {
    const what = `${s.linted} of ${s.files} ${s.files === 1 ? 'file' : 'files'} checked: ${s.errors} errors, ${s.warnings} warnings, ${s.notes} notes`;
    const extra = [s.cancelled ? 'cancelled' : '', s.skipped.length ? `${s.skipped.length} skipped` : '', s.partial.length ? `${s.partial.length} checked partially` : '']
      .filter(Boolean)
      .join(', ');
    const actions = [...(s.findings ? ['Show Problems'] : []), ...(s.skipped.length || s.partial.length ? ['Show Output'] : [])];
    const pick = await vscode.window.showInformationMessage(`${SOURCE}: ${what}${extra ? ` (${extra})` : ''}.`, ...actions);
    if (pick === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (pick === 'Show Output') this.output.show();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasWorkspaceFindings, this.results.size > 0);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function tooLarge(bytes: number, limit: number): string {
  return `too large (${formatBytes(bytes)}; the limit is ${formatBytes(limit)}, policyLens.maxFileSize)`;
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'cannot read: the file no longer exists';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied';
  if (code === 'EISDIR') return 'cannot read: it is a folder';
  if (code === 'ELOOP') return 'cannot read: symbolic link loop';
  if (e instanceof vscode.FileSystemError) {
    if (e.code === 'FileNotFound') return 'cannot read: the file no longer exists';
    if (e.code === 'NoPermissions') return 'cannot read: permission denied';
    if (e.code === 'FileIsADirectory') return 'cannot read: it is a folder';
  }
  return `cannot read: ${(e as Error)?.message ?? String(e)}`;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** `uri` relative to `root`, with forward slashes; undefined if it is not below it. */
function relativePath(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}
