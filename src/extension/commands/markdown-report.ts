// The Markdown report of Export Findings…: by file, then rule, each finding with its line and
// column, message and the KB entries involved with their first citation. Pure (no `vscode`).
import type { Finding, KbEntry } from '../../engine/api.js';
import { groupFindings } from '../sidebar/grouping.js';

export interface ReportFile {
  /** As shown: relative to the workspace folder. */
  path: string;
  findings: readonly Finding[];
}

export function markdownReport(files: readonly ReportFile[], lookup: (id: string) => KbEntry | undefined, generated: string): string {
  const all = files.flatMap((f) => f.findings);
  const count = (s: Finding['severity']) => all.filter((f) => f.severity === s).length;
  const out: string[] = [
    '# Policy Lens findings',
    '',
    `Generated ${generated}. ${files.length} ${files.length === 1 ? 'file' : 'files'}, ${all.length} ${all.length === 1 ? 'finding' : 'findings'}: ` +
      `${count('error')} errors, ${count('warning')} warnings, ${count('info') + count('hint')} notes.`,
  ];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    out.push('', `## ${text(file.path)}`);
    if (!file.findings.length) {
      out.push('', 'No findings.');
      continue;
    }
    for (const group of groupFindings(file.findings)) {
      out.push('', `### ${text(group.ruleId)} (${group.findings.length})`, '');
      for (const f of group.findings) {
        out.push(`- **Line ${f.start.line}, column ${f.start.column}** (${f.severity}): ${text(f.message)}`);
        for (const r of f.related) out.push(`  - line ${r.start.line}: ${text(r.message)}`);
        const entries = f.entries.map(lookup).filter((e): e is KbEntry => !!e);
        for (const e of entries) {
          const c = e.citations[0];
          out.push(`  - *${text(e.term)}*${c ? `: ${text(c.title)}, ${text(c.date)}, <${c.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ''}`);
        }
      }
    }
  }
  return out.join('\n') + '\n';
}

/** Plain text inside a Markdown line: no HTML, links or emphasis from messages or KB titles. */
function text(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>#|]/g, '\\$&');
}
