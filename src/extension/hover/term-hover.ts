// Hover cards on KB terms and on findings, from the document's lint result for its current
// version (the result, terms included, is cached per version by the linter).
import * as vscode from 'vscode';
import type { KbEntry } from '../../engine/api.js';
import type { DocumentLinter } from '../diagnostics/document-linter.js';
import type { LintContexts } from '../lint-contexts.js';
import { findingHoverMarkdown, termHoverMarkdown } from './hover-markdown.js';
import { hoverDeps, trustedMarkdown } from './hover-deps.js';

export class TermHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly linter: DocumentLinter,
    private readonly contexts: LintContexts,
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.linter.isLintable(doc)) return undefined;
    const lint = await this.linter.resultFor(doc);
    if (!lint || token.isCancellationRequested) return undefined;
    const offset = doc.offsetAt(pos);
    const engine = this.contexts.engine();
    const deps = hoverDeps(engine, lint.kb);
    const parts: string[] = [];
    let range: vscode.Range | undefined;

    const term = lint.result.terms.find((t) => t.start.offset <= offset && offset < t.end.offset);
    if (term) {
      const entries = term.entries.map((id) => lint.kb.get(id)).filter((e): e is KbEntry => !!e);
      if (entries.length) {
        parts.push(termHoverMarkdown(entries, deps));
        range = new vscode.Range(doc.positionAt(term.start.offset), doc.positionAt(term.end.offset));
      }
    }
    for (const f of lint.result.findings) {
      if (f.start.offset <= offset && offset < Math.max(f.end.offset, f.start.offset + 1))
        parts.push(findingHoverMarkdown(f, engine.ruleById(f.ruleId)?.description, deps));
    }
    if (!parts.length) return undefined;
    return new vscode.Hover(parts.map(trustedMarkdown), range);
  }
}
