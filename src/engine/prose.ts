// Prose blocks: the unit every later stage works on. A block's `text` is the prose a
// reader sees (markup removed, opaque inline content replaced by OPAQUE), and `runs`
// map each stretch of that text back to exact source offsets.

/** Stands in for content that is not prose (inline code, HTML, an autolink, an image). */
export const OPAQUE = '\uFFFC';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

/** Container flags: where a block sits. */
export const IN_LIST = 1;
export const IN_QUOTE = 2;
export const IN_FOOTNOTE = 4;
export const IN_TABLE = 8;

export interface ProseBlock {
  kind: BlockKind;
  /** Heading depth 1–6; 0 for other blocks. */
  depth: number;
  /** Container flags (IN_LIST | IN_QUOTE | …). */
  containers: number;
  /** Table blocks: index of the row within its table (-1 elsewhere) and of the cell within the row. */
  row: number;
  cell: number;
  /** Source offset of the innermost list item holding the block, or -1. */
  item: number;
  text: string;
  /**
   * Quadruples [textStart, sourceStart, textLength, sourceLength], sorted, relative to `base`.
   * Where the two lengths differ (an entity, an escape, a line break with its container prefix)
   * the run maps as a unit.
   */
  runs: readonly number[];
  /** Source offset that `runs` and `start`/`end` are relative to. */
  base: number;
  /** Block source range, relative to `base`. */
  start: number;
  end: number;
}

export interface Comment {
  start: number;
  end: number;
  text: string;
}

/** Source offset (absolute) of a text offset in a block; `end` maps an exclusive end. */
export function toSource(block: ProseBlock, textOffset: number, end = false): number {
  const r = block.runs;
  const n = r.length / 4;
  if (n === 0) return block.base + block.start;
  // Binary search for the last run with textStart <= offset (for an end, < offset).
  let lo = 0;
  let hi = n - 1;
  const key = end ? textOffset - 1 : textOffset;
  if (key < r[0]!) return block.base + r[1]!;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r[mid * 4]! <= key) lo = mid;
    else hi = mid - 1;
  }
  const ts = r[lo * 4]!;
  const ss = r[lo * 4 + 1]!;
  const tl = r[lo * 4 + 2]!;
  const sl = r[lo * 4 + 3]!;
  let rel: number;
  if (key >= ts + tl) rel = ss + sl; // past the run (a gap): clamp to its end
  else if (tl === sl) rel = ss + (key - ts) + (end ? 1 : 0);
  else rel = end ? ss + sl : ss;
  return block.base + rel;
}

const ENTITY = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;

/**
 * Is the `&` or backslash at source[s] literal text (the value has it too), rather than the
 * start of an entity or an escape that the parser decoded?
 */
function literalAt(value: string, i: number, source: string, s: number): boolean {
  if (source[s] === '\\') return !(source[s + 1] === value[i] && /[!-/:-@[-`{-~]/.test(source[s + 1] ?? ''));
  const ent = ENTITY.exec(source.slice(s, s + 40));
  return !ent || value.startsWith(ent[0], i);
}

/** Builds a block's text and runs while walking inline content. */
export class ProseBuilder {
  text = '';
  runs: number[] = [];

  /** Append text whose characters are exactly the source characters at `sourceStart`. */
  verbatim(value: string, sourceStart: number): void {
    if (!value) return;
    this.pushRun(value.length, sourceStart, value.length);
    this.text += value;
  }

  /** Append text that stands for a source span of another length (a line break, an entity). */
  mapped(value: string, sourceStart: number, sourceLength: number): void {
    if (!value) return;
    this.pushRun(value.length, sourceStart, sourceLength);
    this.text += value;
  }

  /** A boundary no phrase may cross: opaque inline content. */
  opaque(sourceStart: number, sourceLength: number): void {
    // Collapse consecutive opaque pieces into one marker.
    if (this.text.endsWith(OPAQUE)) return;
    this.mapped(OPAQUE, sourceStart, sourceLength);
  }

  private pushRun(textLength: number, sourceStart: number, sourceLength: number): void {
    const r = this.runs;
    const n = r.length;
    // Extend the previous run when both sides simply continue it.
    if (
      n > 0 &&
      textLength === sourceLength &&
      r[n - 2] === r[n - 1] &&
      r[n - 4]! + r[n - 2]! === this.text.length &&
      r[n - 3]! + r[n - 1]! === sourceStart
    ) {
      r[n - 2]! += textLength;
      r[n - 1]! += textLength;
      return;
    }
    r.push(this.text.length, sourceStart, textLength, sourceLength);
  }

  /**
   * Append a text node's value, aligning it against its source span. The value differs from
   * the source where markup was removed inside the span: escapes, entities, and the prefixes
   * (indentation, `>` markers) of continuation lines.
   */
  aligned(value: string, source: string, sourceStart: number, sourceEnd: number): void {
    let s = sourceStart;
    let i = 0;
    const n = value.length;
    while (i < n) {
      // Longest stretch where value and source agree, stopping before a possible escape or entity.
      let k = 0;
      while (i + k < n && s + k < sourceEnd) {
        const sc = source.charCodeAt(s + k);
        if ((sc === 38 /* & */ || sc === 92) /* \ */ && !literalAt(value, i + k, source, s + k)) break;
        if (sc === 13 /* \r */) break; // a CRLF or CR line break: read as "\n" below
        if (value.charCodeAt(i + k) !== sc) break;
        k++;
      }
      if (k > 0) {
        this.verbatim(value.slice(i, i + k), s);
        i += k;
        s += k;
        continue;
      }
      const c = value[i]!;
      const sc = source[s];
      if (c === '\n' || c === '\r') {
        // A line break in the value; in the source, the line end plus the next line's prefix.
        // The prose has "\n" for every line end, as simpleBlocks gives it: with "\r\n" here
        // a CRLF document's blocks differed between the fast path and the full parse, in
        // length too (found by fuzzing).
        let e = s;
        while (e < sourceEnd && source[e] !== '\n' && source[e] !== '\r') e++;
        if (source[e] === '\r' && source[e + 1] === '\n') e += 2;
        else e += 1;
        this.mapped('\n', s, e - s);
        i += c === '\r' && value[i + 1] === '\n' ? 2 : 1;
        s = e;
        // Skip the container prefix up to the next value character.
        const next = value[i];
        while (s < sourceEnd && source[s] !== next && (source[s] === ' ' || source[s] === '\t' || source[s] === '>')) s++;
        continue;
      }
      if (sc === '\\' && source[s + 1] === c) {
        this.mapped(c, s, 2);
        i += 1;
        s += 2;
        continue;
      }
      if (sc === '&') {
        const ent = ENTITY.exec(source.slice(s, s + 40));
        if (ent) {
          // The decoded entity is one code point: one or two UTF-16 units.
          const cp = value.codePointAt(i)!;
          const len = cp > 0xffff ? 2 : 1;
          this.mapped(value.slice(i, i + len), s, ent[0].length);
          i += len;
          s += ent[0].length;
          continue;
        }
      }
      if (c === '\uFFFD' && sc === '\0') {
        this.mapped(c, s, 1);
        i++;
        s++;
        continue;
      }
      // Fallback: find the character further on, or map it to the current position.
      const found = source.indexOf(c, s);
      if (found !== -1 && found < sourceEnd) {
        s = found;
        continue;
      }
      this.mapped(c, Math.min(s, sourceEnd), 0);
      i++;
    }
  }
}
