// The document the sidebar and status bar describe: the active editor's, if Policy Lens
// checks it; the views keep showing the last such document while focus is on a webview or a
// panel, and let go of it when it closes.
import * as vscode from 'vscode';
import type { DocumentLinter } from './diagnostics/document-linter.js';
import { CONTEXT_KEYS } from './ids.js';

export class ActiveDocument implements vscode.Disposable {
  private doc: vscode.TextDocument | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly linter: DocumentLinter) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) {
          this.doc = undefined;
          this.changed.fire();
        }
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('policyLens')) this.update();
      }),
    );
    this.update();
  }

  /** The last active document Policy Lens checks, while it is open. */
  get document(): vscode.TextDocument | undefined {
    return this.doc;
  }

  /** The active editor's document if Policy Lens checks it (the status bar's subject). */
  get editorDocument(): vscode.TextDocument | undefined {
    const d = vscode.window.activeTextEditor?.document;
    return d && this.linter.isLintable(d) ? d : undefined;
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const lintable = !!this.editorDocument;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.lintableEditor, lintable);
    // No editor (a webview or panel has focus): keep the last document.
    this.doc = lintable ? editor!.document : editor ? undefined : this.doc;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
