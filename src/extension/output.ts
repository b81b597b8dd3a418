// The "Policy Lens" output channel: problems with config files, team KB entries and settings,
// files Lint Workspace could not read. Each line names the file and the reason.
import * as vscode from 'vscode';
import { SOURCE } from './ids.js';

export class Output implements vscode.Disposable {
  private channel: vscode.OutputChannel | undefined;

  /** Created on first use, so a session with nothing to report has no empty channel. */
  private get ch(): vscode.OutputChannel {
    this.channel ??= vscode.window.createOutputChannel(SOURCE);
    return this.channel;
  }

  log(line: string): void {
    this.ch.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  }

  show(): void {
    this.ch.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}
