// Prose blocks of a "simple" chunk (see chunks.ts): plain-text paragraphs and ATX headings
// only, so no parser is needed. The result equals what the full parse gives for the same
// chunk, up to whitespace, which no later stage distinguishes.
import { ProseBuilder, type ProseBlock } from '../prose.js';

const HEADING = /^( {0,3})(#{1,6})(?=[ ]|$)/;

/** Blocks of a simple chunk; offsets relative to the chunk start. */
export function simpleBlocks(chunk: string): ProseBlock[] {
  const out: ProseBlock[] = [];
  let para: ProseBuilder | null = null;
  let paraStart = 0;
  let paraEnd = 0;
  const flush = () => {
    if (para) out.push(block('paragraph', 0, para, paraStart, paraEnd));
    para = null;
  };
  let pos = 0;
  const n = chunk.length;
  while (pos < n) {
    let eol = pos;
    while (eol < n) {
      const c = chunk.charCodeAt(eol);
      if (c === 10 || c === 13) break;
      eol++;
    }
    let next = eol;
    if (next < n) next += chunk.charCodeAt(next) === 13 && chunk.charCodeAt(next + 1) === 10 ? 2 : 1;
    // Content of the line without leading and trailing spaces.
    let s = pos;
    while (s < eol && chunk.charCodeAt(s) === 32) s++;
    let e = eol;
    while (e > s && chunk.charCodeAt(e - 1) === 32) e--;
    if (s === e) {
      flush();
      pos = next;
      continue;
    }
    const h = chunk.charCodeAt(s) === 35 /* # */ ? HEADING.exec(chunk.slice(pos, eol)) : null;
    if (h) {
      flush();
      const hb = new ProseBuilder();
      // Heading text: after the opening sequence, before an optional closing sequence.
      let ts = pos + h[0].length;
      while (ts < e && chunk.charCodeAt(ts) === 32) ts++;
      let te = e;
      let k = te;
      while (k > ts && chunk.charCodeAt(k - 1) === 35 /* # */) k--;
      if (k === ts) te = ts;
      else if (k < te && chunk.charCodeAt(k - 1) === 32) {
        te = k;
        while (te > ts && chunk.charCodeAt(te - 1) === 32) te--;
      }
      hb.verbatim(chunk.slice(ts, te), ts);
      out.push(block('heading', h[2]!.length, hb, pos + h[1]!.length, eol));
      pos = next;
      continue;
    }
    if (para) {
      // The line break and the next line's indentation stand for one newline.
      para.mapped('\n', paraEnd, s - paraEnd);
    } else {
      para = new ProseBuilder();
      paraStart = s;
    }
    para.verbatim(chunk.slice(s, e), s);
    paraEnd = e;
    pos = next;
  }
  flush();
  return out;
}

function block(kind: ProseBlock['kind'], depth: number, b: ProseBuilder, start: number, end: number): ProseBlock {
  return { kind, depth, containers: 0, row: -1, cell: -1, item: -1, text: b.text, runs: b.runs, base: 0, start, end };
}
