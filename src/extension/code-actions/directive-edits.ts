// The text edits of the "disable" quick fixes, as engine-style offset edits. Pure, so they can
// be tested against the engine's own directive reader (the fix must silence the finding).
//   this line:  `… <!-- policy-lens-disable-line rule -->` at the end of the line (an inline
//               comment does not split a Markdown paragraph)
//   this file:  `<!-- policy-lens-disable-file rule -->` + newline at the top, after any
//               front matter
// When the line or the top already has such a comment, the rule is added to it instead.
import type { Edit } from '../../engine/api.js';

const LINE_COMMENT = /<!--\s*policy-lens-disable-line\b([^]*?)-->[ \t]*$/;
const FILE_COMMENT = /^<!--\s*policy-lens-disable-file\b([^]*?)-->/;

/** `line` is 1-based, as in a Finding. */
export function disableLineEdit(text: string, line: number, ruleId: string): Edit {
  const { start, end } = lineBounds(text, line);
  const content = text.slice(start, end);
  const existing = LINE_COMMENT.exec(content);
  if (existing) return addRule(start + existing.index, existing[0], ruleId);
  const trimmed = content.replace(/[ \t]+$/, '');
  const at = start + trimmed.length;
  return { start: at, end: at, text: `${trimmed.length ? ' ' : ''}<!-- policy-lens-disable-line ${ruleId} -->` };
}

export function disableFileEdit(text: string, ruleId: string, kind: 'markdown' | 'text'): Edit {
  const at = kind === 'markdown' ? frontMatterEnd(text) : 0;
  const existing = FILE_COMMENT.exec(text.slice(at));
  if (existing) return addRule(at, existing[0], ruleId);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  // Front matter that ends the file without a line break needs one before the comment.
  const lead = at > 0 && !/[\r\n]/.test(text[at - 1]!) ? eol : '';
  return { start: at, end: at, text: `${lead}<!-- policy-lens-disable-file ${ruleId} -->${eol}` };
}

/** Insert `ruleId` before the `-->` of a directive comment starting at `commentStart`. */
function addRule(commentStart: number, comment: string, ruleId: string): Edit {
  const close = comment.lastIndexOf('-->');
  const at = commentStart + close;
  const spaced = /\s$/.test(comment.slice(0, close));
  return { start: at, end: at, text: spaced ? `${ruleId} ` : ` ${ruleId} ` };
}

/** Offsets of a 1-based line's content, without its line break. */
function lineBounds(text: string, line: number): { start: number; end: number } {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const m = re.exec(text);
    if (!m) break;
    start = m.index + m[0].length;
  }
  re.lastIndex = start;
  const m = re.exec(text);
  return { start, end: m ? m.index : text.length };
}

/** Offset just after a YAML (`---`) or TOML (`+++`) front matter block at the very top, else 0. */
export function frontMatterEnd(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  const fence = open[1] === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+';
  const close = new RegExp(`(?:^|\\r\\n|\\r|\\n)${fence}[ \\t]*(\\r\\n|\\r|\\n|$)`, 'g');
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m ? m.index + m[0].length : 0;
}
