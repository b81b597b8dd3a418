// The JSON output: a contract other tools build on (version 1).
// {"version":1,"files":[{"path","findings":[{ruleId,severity,message,start,end,related,entries}]}]}
import type { Finding } from '../findings.js';
import type { Position } from '../text.js';

export interface FileResult {
  path: string;
  findings: Finding[];
}

const pos = (p: Position) => ({ offset: p.offset, line: p.line, column: p.column });

export function formatJson(files: FileResult[]): string {
  return JSON.stringify({
    version: 1,
    files: files.map((f) => ({
      path: f.path,
      findings: f.findings.map((x) => ({
        ruleId: x.ruleId,
        severity: x.severity,
        message: x.message,
        start: pos(x.start),
        end: pos(x.end),
        related: x.related.map((r) => ({ message: r.message, start: pos(r.start), end: pos(r.end) })),
        entries: x.entries,
      })),
    })),
  });
}
