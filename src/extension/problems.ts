// Problems in the files that configure Policy Lens (config files, team KB entries) and in its
// settings: logged to the output channel with file, line and reason, and shown as diagnostics
// on the files themselves so they can be fixed where they are.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConfigProblem, KbProblem } from '../engine/api.js';
import { SOURCE } from './ids.js';
import type { Output } from './output.js';

export class ProblemReporter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('policy-lens-setup');
  private readonly config = new Map<string, ConfigProblem[]>();
  private readonly kb = new Map<string, KbProblem[]>();
  /** Lines already written to the output channel, so a re-lint does not repeat them. */
  private readonly logged = new Set<string>();

  constructor(private readonly output: Output) {}

  setConfigProblems(file: string, problems: ConfigProblem[]): void {
    this.config.set(file, problems);
    for (const p of problems) this.log(`${p.file}:${p.line}: ${p.message}`);
    this.publish();
  }

  /** `key` names one loaded knowledge base (its list of team folders). */
  setKbProblems(key: string, problems: KbProblem[]): void {
    this.kb.set(key, problems);
    for (const p of problems) this.log(`${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`);
    this.publish();
  }

  setSettingsProblems(problems: string[]): void {
    for (const p of problems) this.log(p);
  }

  /** Forget reported problems before files are read again (they are re-reported if still there). */
  reset(what: 'config' | 'kb'): void {
    (what === 'config' ? this.config : this.kb).clear();
    this.logged.clear();
    this.publish();
  }

  log(line: string): void {
    if (this.logged.has(line)) return;
    this.logged.add(line);
    this.output.log(line);
  }

  private publish(): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const add = (file: string, line: number, message: string, severity: vscode.DiagnosticSeverity, code: string) => {
      // Bundled entries have relative paths and folders cannot hold diagnostics: output only.
      if (!path.isAbsolute(file) || !/\.(?:md|json|ya?ml)$/i.test(file)) return;
      const d = new vscode.Diagnostic(new vscode.Range(Math.max(0, line - 1), 0, Math.max(0, line - 1), Number.MAX_SAFE_INTEGER), message, severity);
      d.source = SOURCE;
      d.code = code;
      let list = byFile.get(file);
      if (!list) byFile.set(file, (list = []));
      list.push(d);
    };
    for (const list of this.config.values()) for (const p of list) add(p.file, p.line, p.message, vscode.DiagnosticSeverity.Error, 'config');
    const seen = new Set<string>();
    for (const list of this.kb.values())
      for (const p of list) {
        // The same team entry can be part of several loaded KBs (multi-root): report it once.
        const key = `${p.file}:${p.line}:${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const sev = p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
        add(p.file, p.line, p.field ? `${p.field}: ${p.message}` : p.message, sev, 'kb-entry');
      }
    this.collection.clear();
    for (const [file, list] of byFile) this.collection.set(vscode.Uri.file(file), list);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
