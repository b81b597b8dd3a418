// Splitting a Markdown source into independent chunks, so that the full parser sees only
// the chunks that need it and results can be cached per chunk while the user types.
//
// A chunk boundary is placed only before a line that (1) follows a blank line, (2) starts
// with a non-space character, and (3) is not inside a top-level fenced code block, an HTML
// block that may contain blank lines (types 1–5), or front matter, and (4) does not follow
// an indented line (see `afterIndented`). At such a line every open container (list item,
// block quote, footnote) has ended, so parsing the chunks one by one yields the same blocks
// as parsing the whole source. Where the scan cannot be sure (a fence inside a list item),
// document.ts asks the parser and joins chunks (see `mayOpen`). Link and footnote
// definitions are the one cross-chunk dependency; document.ts collects them (by parsing the
// chunks that may hold one) and appends them to the chunks with references.
//
// This runs over every character of large documents, so it works on char codes, not
// regular expressions per line.

export interface Chunk {
  start: number;
  end: number;
  /**
   * No block markup at any line start (no fence, HTML block, list, quote, front matter).
   * The chunk is simple (plain prose) when this holds and `hasInlineMarkup` does not; that
   * second check is left to the caller, which skips it for chunks it has cached.
   */
  plain: boolean;
  /**
   * The chunk has a line that may open a fenced code block or an HTML block that blank lines
   * do not close. The scan cannot tell such a line inside a list item from one at the top
   * level (it took "  ```" closing a fence in a list item for an opening fence, then the
   * next real fence for its end; found by fuzzing), so document.ts has the parser say whether
   * the chunk ends inside one, and joins it with the next chunk if so.
   */
  mayOpen?: boolean;
}

/** Inline markup or an autolink literal anywhere in the text. */
export function hasInlineMarkup(text: string): boolean {
  return INLINE_MARKUP.test(text);
}

export interface ChunkScan {
  chunks: Chunk[];
}

// Characters that may start inline markup (` < [ ] * _ ~ \ & ! | @, tab, NUL) and GFM
// autolink literals. No `i` flag and no per-line use: one native scan per chunk.
const INLINE_MARKUP = /[`<[\]*_~\\&!|@\t\0]|[wW][wW][wW]\.|[hH][tT][tT][pP][sS]?:|[mM][aA][iI][lL][tT][oO]:|[xX][mM][pP][pP]:/;

const HTML_OPEN = /^ {0,3}<(?:(script|pre|style|textarea)(?:[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i;
const HTML_CLOSE: RegExp[] = [/<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/];
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;

/** Does the line [pos, end) start like plain prose (or an ATX heading), not like block markup? */
function plainLineStart(s: string, pos: number, end: number): boolean {
  let k = pos;
  while (k < end && s.charCodeAt(k) === 32) k++;
  if (k === end) return true;
  if (k - pos >= 4) return false; // indented code
  const fc = s.charCodeAt(k);
  // Block quote, list item, thematic break or setext underline.
  if (fc === 62 || fc === 43 || fc === 61 || fc === 45) return false;
  if (fc >= 48 && fc <= 57) {
    let d = k;
    while (d < end && d - k < 10 && s.charCodeAt(d) >= 48 && s.charCodeAt(d) <= 57) d++;
    const m = s.charCodeAt(d);
    if ((m === 46 || m === 41) && (d + 1 === end || s.charCodeAt(d + 1) === 32)) return false;
  }
  return true;
}

export function scanChunks(source: string): ChunkScan {
  const chunks: Chunk[] = [];
  const n = source.length;
  let chunkStart = 0;
  let plain = true;
  let mayOpen = false;
  let prevBlank = true;
  // The last non-blank line was indented by a tab or 4+ spaces (indented code, perhaps). The
  // parser treats a list that starts after indented code and a blank line as interrupting
  // it, so there "2. a" or an empty item "-" is not a list; parsed as a chunk of its own it
  // is. No boundary after such a line keeps the fast path equal to the full parse (found by
  // fuzzing).
  let afterIndented = false;
  // A leading BOM: the parser skips it, so the scan reads the first line after it, and the
  // first chunk goes to the parser (simpleBlocks would keep the BOM as text).
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (bom) {
    plain = false;
    prevBlank = false; // no boundary between the BOM and the first line
  }
  let pos = bom;
  let fence: { char: number; len: number } | null = null;
  let html: RegExp | null = null;

  // Front matter: `---` or `+++` on the first line, up to the matching closing line.
  const fm = FRONT_MATTER.exec(bom ? source.slice(bom) : source);
  if (fm) {
    const close = new RegExp(`(?:\\r\\n|\\r|\\n)${fm[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r\\n|\\r|\\n|$)`, 'g');
    close.lastIndex = bom + fm[0].length - 1;
    const m = close.exec(source);
    if (m) {
      pos = m.index + m[0].length;
      prevBlank = false;
      plain = false; // front matter is always handed to the full parser
    }
  }

  let nextCr = source.indexOf('\r', pos);
  // Kept like nextCr: searching for "\n" afresh on every line scanned to the end of a
  // document of lone-CR lines for each line (quadratic: 7 s for 1 MB of "\r"; found by the
  // pathological-input tests).
  let nextLf = source.indexOf('\n', pos);
  while (pos < n) {
    // The line [pos, eol) and the start of the next one.
    if (nextLf !== -1 && nextLf < pos) nextLf = source.indexOf('\n', pos);
    let eol = nextLf === -1 ? n : nextLf;
    if (nextCr !== -1 && nextCr < pos) nextCr = source.indexOf('\r', pos);
    let next = eol + 1;
    if (nextCr !== -1 && nextCr < eol) {
      // CRLF, or a lone CR ending the line early.
      if (nextCr + 1 === eol) eol = nextCr;
      else {
        eol = nextCr;
        next = nextCr + 1;
      }
    }

    let k = pos;
    while (k < eol) {
      const c = source.charCodeAt(k);
      if (c !== 32 && c !== 9) break;
      k++;
    }
    const blank = k === eol;
    const indent = k - pos;
    const fc = source.charCodeAt(k);

    if (fence) {
      if (!blank && indent <= 3 && fc === fence.char) {
        let r = k;
        while (r < eol && source.charCodeAt(r) === fence.char) r++;
        let rest = r;
        while (rest < eol && (source.charCodeAt(rest) === 32 || source.charCodeAt(rest) === 9)) rest++;
        if (r - k >= fence.len && rest === eol) fence = null;
      }
      prevBlank = false;
      pos = next;
      continue;
    }
    if (html) {
      if (html.test(source.slice(pos, eol))) html = null;
      prevBlank = false;
      pos = next;
      continue;
    }

    if (!blank && prevBlank && indent === 0 && pos > chunkStart && !afterIndented) {
      chunks.push(mayOpen ? { start: chunkStart, end: pos, plain, mayOpen } : { start: chunkStart, end: pos, plain });
      chunkStart = pos;
      plain = true;
      mayOpen = false;
    }
    if (!blank) {
      if (indent <= 3 && (fc === 96 || fc === 126)) {
        let r = k;
        while (r < eol && source.charCodeAt(r) === fc) r++;
        // A backtick fence's info string may not contain a backtick.
        if (r - k >= 3 && !(fc === 96 && source.slice(r, eol).includes('`'))) {
          fence = { char: fc, len: r - k };
          mayOpen = true;
        }
        plain = false;
      } else if (indent <= 3 && fc === 60) {
        const h = HTML_OPEN.exec(source.slice(pos, eol));
        if (h) {
          const type = h[1] ? 0 : h[2] ? 1 : h[3] ? 2 : h[4] ? 3 : 4;
          if (!HTML_CLOSE[type]!.test(source.slice(pos + h[0].length, eol))) html = HTML_CLOSE[type]!;
          mayOpen = true;
        }
        plain = false;
      } else if (plain && !plainLineStart(source, pos, eol)) plain = false;
      afterIndented = indent >= 4 || (indent > 0 && source.slice(pos, k).includes('\t'));
    }
    prevBlank = blank;
    pos = next;
  }
  if (chunkStart < n || chunks.length === 0) chunks.push(mayOpen ? { start: chunkStart, end: n, plain, mayOpen } : { start: chunkStart, end: n, plain });
  return { chunks };
}

// ---------------------------------------------------------------- what the parser is not given
//
// remark's parse of a chunk cannot be interrupted (the time budget is checked between
// chunks), and some input makes it slow or breaks it: it is linear but slow on big tables and
// long lists (about 10 µs a character), quadratic in the containers opened on one line, in the
// list items that hold another container and in runs of unmatched emphasis and bracket
// delimiters, and it overflows the stack on thousands of nested containers. A chunk whose
// estimated parse time is over the limit is not parsed; the document is then checked up to it
// and reported as partial ("too large or complex"). Measured on a typical machine; the
// estimate is rough, the limit generous.

/** A chunk longer than this (UTF-16 units) is not given to the parser. */
export const MAX_PARSE_LENGTH = 100_000;
/** Lists and block quotes opened on one line. */
const MAX_LINE_NESTING = 100;
/** Estimated parse time, µs. */
const MAX_PARSE_COST = 2_000_000;

const isBlankOrTab = (c: number) => c === 32 || c === 9;

/** Why a chunk is too large or complex to parse, or undefined. */
export function tooComplexToParse(text: string): string | undefined {
  const n = text.length;
  if (n > MAX_PARSE_LENGTH) return `${Math.round(n / 1000)} thousand characters without a break between blocks`;
  let nesting = 0; // Σ containers opened on a line, squared
  let nestedLines = 0; // lines that open or continue a container inside another
  let delimiters = 0; // Σ over paragraphs (table rows) of emphasis and bracket delimiters, squared
  let group = 0;
  let pos = 0;
  while (pos < n) {
    let eol = pos;
    while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    let k = pos;
    while (k < eol && isBlankOrTab(text.charCodeAt(k))) k++;
    const indented = k > pos;
    let markers = 0;
    for (;;) {
      const c = text.charCodeAt(k);
      let after = -1;
      if (c === 62 /* > */) after = k + 1;
      else if ((c === 45 || c === 43 || c === 42) && (k + 1 === eol || isBlankOrTab(text.charCodeAt(k + 1)))) after = k + 1;
      else if (c >= 48 && c <= 57) {
        let d = k;
        while (d < eol && d - k < 9 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
        const m = text.charCodeAt(d);
        if ((m === 46 || m === 41) && (d + 1 === eol || isBlankOrTab(text.charCodeAt(d + 1)))) after = d + 1;
      }
      if (after < 0 || k >= eol) break;
      markers++;
      k = after;
      while (k < eol && isBlankOrTab(text.charCodeAt(k))) k++;
    }
    if (markers > MAX_LINE_NESTING) return `${markers} lists or block quotes nested on one line`;
    nesting += markers * markers;
    if (markers >= 2 || (markers >= 1 && indented)) nestedLines++;
    if (k === eol) {
      delimiters += group * group;
      group = 0;
    } else {
      let d = 0;
      let pipe = false;
      for (let i = k, prev = -1; i < eol; i++) {
        const c = text.charCodeAt(i);
        // A run of one delimiter character ("***", "____") counts once.
        if ((c === 42 || c === 95 || c === 91 || c === 93) && c !== prev) d++;
        else if (c === 124) pipe = true;
        prev = c;
      }
      // Table cells are parsed one by one: a row's delimiters do not meet the next row's.
      if (pipe) delimiters += d * d;
      else group += d;
    }
    pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }
  delimiters += group * group;
  const cost = 10 * n + 1.5 * nesting + nestedLines * nestedLines + 0.05 * delimiters;
  return cost > MAX_PARSE_COST ? 'too much nesting or markup to parse in one piece' : undefined;
}
