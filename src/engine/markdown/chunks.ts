// Splitting a Markdown source into independent chunks, so that the full parser sees only
// the chunks that need it and results can be cached per chunk while the user types.
//
// A chunk boundary is placed only before a line that (1) follows a blank line, (2) starts
// with a non-space character, and (3) is not inside a top-level fenced code block, an HTML
// block that may contain blank lines (types 1–5), or front matter. At such a line every
// open container (list item, block quote, footnote) has ended, so parsing the chunks one by
// one yields the same blocks as parsing the whole source. Link and footnote definitions
// are the one cross-chunk dependency; they are collected and appended to complex chunks.

export interface Chunk {
  start: number;
  end: number;
  /** True when the chunk holds only paragraphs and ATX headings of plain text. */
  simple: boolean;
}

export interface ChunkScan {
  chunks: Chunk[];
  /** Link and footnote definitions found anywhere, to make references resolve per chunk. */
  definitions: string;
}

// Characters and sequences that may start inline markup; a chunk containing none of them
// (and no block markup at a line start) is plain prose.
const INLINE_MARKUP = /[`<[\]*_~\\&!|\t\0@]|https?:|www\.|mailto:|xmpp:/i;
// After up to three spaces: block quote, list item, thematic break or setext underline,
// ordered list item, indented code.
const BLOCK_MARKUP = /^(?: {0,3}(?:[>+=-]|\d{1,9}[.)](?:[ ]|$))| {4})/m;
const DEFINITION = /^[ >]*\[(?:[^\\\]\n]|\\.){1,999}\]:(.*)$/;
const HTML_OPEN = /^ {0,3}<(?:(script|pre|style|textarea)(?:[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i;
const HTML_CLOSE: RegExp[] = [/<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/];

export function isSimpleChunk(text: string): boolean {
  return !INLINE_MARKUP.test(text) && !BLOCK_MARKUP.test(text);
}

export function scanChunks(source: string): ChunkScan {
  const chunks: Chunk[] = [];
  const defs: string[] = [];
  const n = source.length;
  let chunkStart = 0;
  let prevBlank = true;
  let pos = 0;
  let fence: { char: string; len: number } | null = null;
  let html: RegExp | null = null;

  // Front matter: `---` or `+++` on the first line, up to the matching closing line.
  const fm = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(source);
  if (fm) {
    const close = new RegExp(`(?:\\r\\n|\\r|\\n)${fm[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r\\n|\\r|\\n|$)`, 'g');
    close.lastIndex = fm[0].length - 1;
    const m = close.exec(source);
    if (m) {
      pos = m.index + m[0].length;
      prevBlank = false;
    }
  }

  while (pos < n) {
    // Find the line [pos, eol) and the next line start.
    let eol = pos;
    while (eol < n) {
      const c = source.charCodeAt(eol);
      if (c === 10 || c === 13) break;
      eol++;
    }
    let next = eol;
    if (next < n) next += source.charCodeAt(next) === 13 && source.charCodeAt(next + 1) === 10 ? 2 : 1;
    const line = source.slice(pos, eol);

    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.len) fence = null;
      prevBlank = false;
      pos = next;
      continue;
    }
    if (html) {
      if (html.test(line)) html = null;
      prevBlank = false;
      pos = next;
      continue;
    }

    const blank = /^[ \t]*$/.test(line);
    const first = line.charCodeAt(0);
    if (!blank && prevBlank && first !== 32 && first !== 9 && pos > chunkStart) {
      chunks.push(makeChunk(source, chunkStart, pos));
      chunkStart = pos;
    }
    if (!blank) {
      const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        fence = { char: open[1]![0]!, len: open[1]!.length };
      } else {
        const h = HTML_OPEN.exec(line);
        if (h) {
          const type = h[1] ? 0 : h[2] ? 1 : h[3] ? 2 : h[4] ? 3 : 4;
          const rest = line.slice(h[0].length);
          if (!HTML_CLOSE[type]!.test(rest)) html = HTML_CLOSE[type]!;
        } else if (prevBlank || pos === chunkStart) {
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
      }
    }
    prevBlank = blank;
    pos = next;
  }
  if (chunkStart < n || chunks.length === 0) chunks.push(makeChunk(source, chunkStart, n));
  return { chunks, definitions: defs.join('\n\n') };
}

function makeChunk(source: string, start: number, end: number): Chunk {
  const text = source.slice(start, end);
  // Front matter is always handed to the full parser.
  const frontMatter = start === 0 && /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.test(text);
  return { start, end, simple: !frontMatter && isSimpleChunk(text) };
}
