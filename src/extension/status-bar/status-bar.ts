// The status bar item: the active document's finding counts; click focuses the Findings view.
// Hidden when the active editor is not a document Policy Lens checks.
import * as vscode from 'vscode';
import type { ActiveDocument } from '../active-document.js';
import type { DocumentLinter } from '../diagnostics/document-linter.js';
import { formatBytes } from '../sizes.js';
import { VIEWS } from '../ids.js';
import { countSeverities } from '../sidebar/grouping.js';
import { statusText, type StatusInput } from './status-text.js';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyLens.status', vscode.StatusBarAlignment.Right, 100);

  constructor(
    private readonly active: ActiveDocument,
    private readonly linter: DocumentLinter,
  ) {
    this.item.name = 'Policy Lens';
    this.item.command = `${VIEWS.findings}.focus`;
  }

  private visible = false;

  /** The text shown, or undefined while hidden (for the test API). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  update(): void {
    const doc = this.active.editorDocument;
    this.visible = !!doc;
    if (!doc) {
      this.item.hide();
      return;
    }
    const oversize = this.linter.oversize(doc.uri);
    const lint = this.linter.latest(doc.uri);
    const input: StatusInput = oversize
      ? { state: 'oversize', bytesText: formatBytes(oversize.bytes), limitText: formatBytes(oversize.limit) }
      : lint
        ? { state: 'linted', counts: countSeverities(lint.result.findings), partial: !!lint.result.partial }
        : { state: 'pending' };
    const s = statusText(input);
    this.item.text = s.text;
    this.item.tooltip = s.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
