// Inline control comments, as markdownlint has them:
//   <!-- policy-lens-disable-next-line rule-id … -->   the next line
//   <!-- policy-lens-disable-line rule-id … -->        the line the comment is on
//   <!-- policy-lens-disable rule-id … -->             from here…
//   <!-- policy-lens-enable rule-id … -->              …to here
//   <!-- policy-lens-disable-file rule-id … -->        the whole file
// No rule ids means every rule. Comments inside code are not directives (the document
// model only reports real HTML comments).
import type { Comment } from './prose.js';
import type { LineIndex } from './text.js';

const DIRECTIVE = /<!--\s*policy-lens-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*?)-->/g;

export interface Suppressions {
  /** Is a finding of `ruleId` starting at `line` silenced? */
  isSuppressed(ruleId: string, line: number): boolean;
  /** Rule ids named in directives that are not known rules, with the line. */
  unknown: { id: string; line: number }[];
}

interface Range {
  rule: string | null; // null: all rules
  from: number; // first line silenced
  to: number; // last line silenced (inclusive)
}

export function readDirectives(comments: Comment[], lines: LineIndex, knownRules: readonly string[]): Suppressions {
  const ranges: Range[] = [];
  const open = new Map<string | null, number>();
  const unknown: { id: string; line: number }[] = [];
  const last = lines.lineCount;
  for (const c of comments) {
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(c.text); m; m = DIRECTIVE.exec(c.text)) {
      const kind = m[1]!;
      const startLine = lines.position(c.start + m.index).line;
      const endLine = lines.position(c.start + m.index + m[0].length).line;
      const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
      for (const id of ids) if (!knownRules.includes(id)) unknown.push({ id, line: startLine });
      const rules: (string | null)[] = ids.length ? ids : [null];
      for (const rule of rules) {
        switch (kind) {
          case 'disable-next-line':
            ranges.push({ rule, from: endLine + 1, to: endLine + 1 });
            break;
          case 'disable-line':
            ranges.push({ rule, from: startLine, to: endLine });
            break;
          case 'disable-file':
            ranges.push({ rule, from: 1, to: last });
            break;
          case 'disable':
            if (!open.has(rule)) open.set(rule, startLine);
            break;
          case 'enable':
            if (rule === null) {
              // Enabling everything closes every open range.
              for (const [r, from] of open) ranges.push({ rule: r, from, to: startLine });
              open.clear();
            } else if (open.has(rule)) {
              ranges.push({ rule, from: open.get(rule)!, to: startLine });
              open.delete(rule);
            } else if (open.has(null)) {
              // "disable" (all) … "enable x": x is back on from here; keep the rest off.
              ranges.push({ rule: `!${rule}`, from: startLine, to: last });
            }
            break;
        }
      }
    }
  }
  for (const [rule, from] of open) ranges.push({ rule, from, to: last });
  return {
    unknown,
    isSuppressed(ruleId, line) {
      let off = false;
      for (const r of ranges) {
        if (line < r.from || line > r.to) continue;
        if (r.rule === `!${ruleId}`) return false;
        if (r.rule === null || r.rule === ruleId) off = true;
      }
      return off;
    },
  };
}
