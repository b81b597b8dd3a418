// Hovers on statutory and regulatory citations the KB has no entry for ("48 CFR 225.7018",
// "Pub. L. 117-169"): what kind of citation it is. Citations the KB knows ("§ 45X",
// "S. 1979") get the KB card from TermHoverProvider instead.
import * as vscode from 'vscode';
import type { DocumentLinter } from '../diagnostics/document-linter.js';
import { escapeMarkdown } from '../escape.js';
import { citationAt } from './citations.js';
import { trustedMarkdown } from './hover-deps.js';

export class CitationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly linter: DocumentLinter) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.linter.isLintable(doc)) return undefined;
    const line = doc.lineAt(pos.line).text;
    const c = citationAt(line, pos.character);
    if (!c) return undefined;
    const start = doc.offsetAt(new vscode.Position(pos.line, c.start));
    const end = doc.offsetAt(new vscode.Position(pos.line, c.end));
    const lint = await this.linter.resultFor(doc);
    if (token.isCancellationRequested) return undefined;
    // A KB term overlapping the citation: its card says more than this one could.
    if (lint?.result.terms.some((t) => t.start.offset < end && t.end.offset > start)) return undefined;
    const md = `**${escapeMarkdown(c.text)}** · citation\n\n${escapeMarkdown(c.description)}\n\nNo Policy Lens knowledge-base entry covers this citation.`;
    return new vscode.Hover(trustedMarkdown(md), new vscode.Range(pos.line, c.start, pos.line, c.end));
  }
}
