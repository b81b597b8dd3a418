// Checks shared by the fuzz and pathological-input tests: every range a lint result holds
// lies inside the text, with lines and columns that match its offsets.
import assert from 'node:assert/strict';
import { buildDocument } from '../../src/engine/document.js';
import type { LintResult } from '../../src/engine/lint.js';
import { toSource } from '../../src/engine/prose.js';
import type { Position } from '../../src/engine/text.js';

/** Line starts computed independently of the engine's LineIndex: LF, CRLF, lone CR. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function checkPosition(text: string, starts: number[], p: Position, what: string): void {
  assert.ok(Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= text.length, `${what}: offset ${p.offset} outside [0, ${text.length}]`);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= p.offset) lo = mid;
    else hi = mid - 1;
  }
  assert.equal(p.line, lo + 1, `${what}: line of offset ${p.offset}`);
  assert.equal(p.column, p.offset - starts[lo]! + 1, `${what}: column of offset ${p.offset}`);
}

function checkRange(text: string, starts: number[], start: Position, end: Position, what: string): void {
  checkPosition(text, starts, start, `${what} start`);
  checkPosition(text, starts, end, `${what} end`);
  assert.ok(start.offset <= end.offset, `${what}: start ${start.offset} > end ${end.offset}`);
}


/**
 * Every range of a result lies inside the text with start ≤ end, and lines and columns agree
 * with the offsets: findings, their related ranges, their fixes' edits, term occurrences and
 * the partial notice's position.
 */
export function checkResult(text: string, r: LintResult): void {
  const starts = lineStarts(text);
  for (const f of r.findings) {
    const what = `${f.ruleId} finding at ${f.start.offset}`;
    checkRange(text, starts, f.start, f.end, what);
    assert.ok(f.message.length > 0, `${what}: empty message`);
    for (const rel of f.related) checkRange(text, starts, rel.start, rel.end, `${what}: related "${rel.message}"`);
    for (const fix of f.fixes) {
      let prevEnd = -1;
      for (const e of [...fix.edits].sort((a, b) => a.start - b.start)) {
        assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end), `${what}: fix "${fix.title}": edit offsets are not integers`);
        assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${what}: fix "${fix.title}": edit [${e.start}, ${e.end}) outside the text (${text.length})`);
        assert.ok(e.start >= prevEnd, `${what}: fix "${fix.title}" has overlapping edits`);
        assert.equal(typeof e.text, 'string');
        prevEnd = e.end;
      }
    }
  }
  for (const t of r.terms) {
    const what = `term "${t.text}" at ${t.start.offset}`;
    checkRange(text, starts, t.start, t.end, what);
    assert.equal(text.slice(t.start.offset, t.end.offset), t.text, `${what}: text is not the source slice`);
    assert.ok(t.entries.length > 0, `${what}: no entries`);
  }
  if (r.partial) {
    checkPosition(text, starts, r.partial.checkedTo, 'partial checkedTo');
    assert.match(r.partial.message, /^checked partially: /);
  }
}

/**
 * The document as the rules see it: each block's kind, place and containers, its prose, and
 * the source range of every character of it but whitespace. (Where a line break's "\n" maps
 * differs: simpleBlocks gives it the spaces around the break too. And not the block's end:
 * the parser counts trailing spaces in, simpleBlocks does not. No rule reads either.)
 */
export function blockView(text: string, mode: 'fast' | 'full'): unknown[] {
  const doc = buildDocument(text, { mode });
  return doc.blocks.map((b) => {
    const chars: number[] = [];
    for (let i = 0; i < b.text.length; i++) if (!/\s/.test(b.text[i]!)) chars.push(i, toSource(b, i), toSource(b, i + 1, true));
    return [b.kind, b.depth, b.base + b.start, b.containers, b.item, b.row, b.cell, b.text, chars];
  });
}
