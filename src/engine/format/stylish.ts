// The human output, as ESLint's "stylish": file, then line:column severity message rule.
import type { Severity } from '../findings.js';
import type { FileResult } from './json.js';

export interface StylishOptions {
  color: boolean;
}

const COLORS: Record<string, string> = { red: '31', yellow: '33', blue: '34', gray: '90', bold: '1', underline: '4', green: '32' };

export function formatStylish(files: FileResult[], options: StylishOptions): string {
  const c = (name: string, s: string) => (options.color ? `\u001b[${COLORS[name]}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let out = '';
  for (const f of files) {
    if (!f.findings.length) continue;
    out += `\n${c('underline', f.path)}\n`;
    const width = Math.max(...f.findings.map((x) => `${x.start.line}:${x.start.column}`.length));
    for (const x of f.findings) {
      counts[x.severity]++;
      const loc = `${x.start.line}:${x.start.column}`.padEnd(width);
      out += `  ${c('gray', loc)}  ${c(sevColor[x.severity], x.severity.padEnd(7))}  ${x.message}  ${c('gray', x.ruleId)}\n`;
      for (const r of x.related) out += `  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c('gray', `↳ ${r.start.line}:${r.start.column} ${r.message}`)}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const parts = (['error', 'warning', 'info', 'hint'] as Severity[]).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
  const mark = counts.error ? c('red', '✖') : c('yellow', '⚠');
  out += `\n${mark} ${c('bold', `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`)}\n`;
  return out;
}
