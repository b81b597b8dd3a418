// Splitting a Markdown source into independent chunks, so that the full parser sees only
// the chunks that need it and results can be cached per chunk while the user types.
//
// A chunk boundary is placed only before a line that (1) follows a blank line, (2) starts
// with a non-space character, and (3) is not inside a top-level fenced code block, an HTML
// block that may contain blank lines (types 1–5), or front matter. At such a line every
// open container (list item, block quote, footnote) has ended, so parsing the chunks one by
// one yields the same blocks as parsing the whole source. Link and footnote definitions
// are the one cross-chunk dependency; they are collected and appended to complex chunks.
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
}

/** Inline markup or an autolink literal anywhere in the text. */
export function hasInlineMarkup(text: string): boolean {
  return INLINE_MARKUP.test(text);
}

export interface ChunkScan {
  chunks: Chunk[];
  /** Link and footnote definitions found anywhere, to make references resolve per chunk. */
  definitions: string;
}

// Characters that may start inline markup (` < [ ] * _ ~ \ & ! | @, tab, NUL) and GFM
// autolink literals. No `i` flag and no per-line use: one native scan per chunk.
const INLINE_MARKUP = /[`<[\]*_~\\&!|@\t\0]|[wW][wW][wW]\.|[hH][tT][tT][pP][sS]?:|[mM][aA][iI][lL][tT][oO]:|[xX][mM][pP][pP]:/;

const DEFINITION = /^[ >]*\[(?:[^\\\]\n]|\\.){1,999}\]:(.*)$/;
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
  const defs: string[] = [];
  const n = source.length;
  let chunkStart = 0;
  let plain = true;
  let prevBlank = true;
  let pos = 0;
  let fence: { char: number; len: number } | null = null;
  let html: RegExp | null = null;

  // Front matter: `---` or `+++` on the first line, up to the matching closing line.
  const fm = FRONT_MATTER.exec(source);
  if (fm) {
    const close = new RegExp(`(?:\\r\\n|\\r|\\n)${fm[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r\\n|\\r|\\n|$)`, 'g');
    close.lastIndex = fm[0].length - 1;
    const m = close.exec(source);
    if (m) {
      pos = m.index + m[0].length;
      prevBlank = false;
      plain = false; // front matter is always handed to the full parser
    }
  }

  let nextCr = source.indexOf('\r', pos);
  while (pos < n) {
    // The line [pos, eol) and the start of the next one.
    let eol = source.indexOf('\n', pos);
    if (eol === -1) eol = n;
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

    if (!blank && prevBlank && indent === 0 && pos > chunkStart) {
      chunks.push({ start: chunkStart, end: pos, plain });
      chunkStart = pos;
      plain = true;
    }
    if (!blank) {
      if (indent <= 3 && (fc === 96 || fc === 126)) {
        let r = k;
        while (r < eol && source.charCodeAt(r) === fc) r++;
        // A backtick fence's info string may not contain a backtick.
        if (r - k >= 3 && !(fc === 96 && source.slice(r, eol).includes('`'))) fence = { char: fc, len: r - k };
        plain = false;
      } else if (indent <= 3 && fc === 60) {
        const h = HTML_OPEN.exec(source.slice(pos, eol));
        if (h) {
          const type = h[1] ? 0 : h[2] ? 1 : h[3] ? 2 : h[4] ? 3 : 4;
          if (!HTML_CLOSE[type]!.test(source.slice(pos + h[0].length, eol))) html = HTML_CLOSE[type]!;
        }
        plain = false;
      } else {
        if ((fc === 91 || fc === 62) && (prevBlank || pos === chunkStart)) {
          const line = source.slice(pos, eol);
          const d = DEFINITION.exec(line);
          if (d) {
            let def = line.replace(/^[ >]*/, '');
            // A definition whose destination is on the next line.
            if (!d[1]!.trim() && next < n) {
              let e2 = next;
              while (e2 < n && source.charCodeAt(e2) !== 10 && source.charCodeAt(e2) !== 13) e2++;
              def += '\n' + source.slice(next, e2).replace(/^[ >]*/, '');
            }
            defs.push(def);
          }
        }
        if (plain && !plainLineStart(source, pos, eol)) plain = false;
      }
    }
    prevBlank = blank;
    pos = next;
  }
  if (chunkStart < n || chunks.length === 0) chunks.push({ start: chunkStart, end: n, plain });
  return { chunks, definitions: defs.join('\n\n') };
}
