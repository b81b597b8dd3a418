// The full parse: unified + remark (CommonMark, GFM, front matter) to prose blocks.
// Prose comes from paragraphs, headings and table cells, wherever they sit (lists, block
// quotes, footnote definitions). Code, HTML, front matter, definitions, link destinations,
// autolinks, images and struck-through text are not prose.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { IN_FOOTNOTE, IN_LIST, IN_QUOTE, IN_TABLE, ProseBuilder, type Comment, type ProseBlock } from '../prose.js';

type Parser = { parse(text: string): Root };
let processor: Parser | undefined;
let withoutFrontMatter: Parser | undefined;

function getProcessor(): Parser {
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze() as unknown as Parser;
  return processor;
}

const FRONT_MATTER_OPEN = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;
const FRONT_MATTER_CLOSE = { '---': /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g, '+++': /(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)/g };

/** Does the source open a front-matter fence on its first line that never closes? */
function unclosedFrontMatter(source: string): boolean {
  const open = FRONT_MATTER_OPEN.exec(source);
  if (!open) return false;
  const close = FRONT_MATTER_CLOSE[open[1] as '---' | '+++'];
  close.lastIndex = open[0].length - 1;
  return !close.test(source);
}

/** `frontMatter`: false when the source is not the start of the document. */
export function parseMdast(source: string, frontMatter = true): Root {
  // An unclosed `---`/`+++` on the first line is not front matter, but the front-matter
  // extension's failed attempt leaves the parser unable to see any later list item or block
  // quote ("---\nfoo\n\n- a" gave the paragraph "- a"; found by fuzzing, where the full
  // parse and the fast path disagreed). Parse such a source without the extension.
  if (!frontMatter || unclosedFrontMatter(source)) {
    withoutFrontMatter ??= unified().use(remarkParse).use(remarkGfm).freeze() as unknown as Parser;
    return withoutFrontMatter.parse(source);
  }
  return getProcessor().parse(source);
}

interface WalkState {
  containers: number;
  item: number;
}

export interface ParsedChunk {
  blocks: ProseBlock[];
  /** HTML comments (where inline lint directives live), relative offsets. */
  comments: Comment[];
  /**
   * The link and footnote definitions the parse found (anywhere: in lists, quotes, footnotes),
   * each as a minimal definition of the same label (`[label]: #`, `[^label]: x`): what another
   * chunk needs appended for its references to resolve as they do in the whole document.
   */
  definitions?: string[];
  /**
   * The parse ended inside a construct that a blank line does not close (a fenced code block
   * or an HTML block without its end): the chunk's last block reaches its end.
   */
  open?: boolean;
}

export interface ParseOptions {
  /** Blocks starting at or after it are dropped (definitions appended to a chunk only so that references inside it resolve). */
  limit?: number;
  /** What starts before it is dropped, and offsets are relative to it (definitions put in front instead). */
  from?: number;
  /**
   * The source starts the document (default): only there is a `---` block front matter and a
   * U+FEFF a byte-order mark. A later chunk that began with `---`, text and `---` lost that
   * text as "front matter" (found by fuzzing).
   */
  documentStart?: boolean;
}

/** Prose blocks of a Markdown source, with offsets relative to the start of `source`. */
export function markdownBlocks(source: string, options: ParseOptions = {}): ParsedChunk {
  let text = source;
  let limit = options.limit ?? source.length;
  let from = options.from ?? 0;
  const documentStart = options.documentStart ?? true;
  // The parser drops a U+FEFF that starts its input and counts positions without it: every
  // offset came out one short, and the BOM hid a heading or front matter from the fast path
  // (found by fuzzing). The document's BOM is cut off here; a U+FEFF that is text (after the
  // BOM, or starting a later chunk) gets a line break in front, which changes no block.
  let delta = 0; // source offset = offset in `text` + delta - from
  if (from === 0 && text.charCodeAt(0) === 0xfeff) {
    if (documentStart) {
      text = text.slice(1);
      limit--;
      delta = 1;
    }
    if (text.charCodeAt(0) === 0xfeff) {
      text = '\n' + text;
      limit++;
      from = 1;
    }
  }
  const tree = parseMdast(text, documentStart);
  if (from > 0) tree.children = tree.children.filter((c) => offsets(c)[0] >= from);
  const out: ParsedChunk = { blocks: [], comments: [], definitions: [] };
  walk(tree, { containers: 0, item: -1 }, text, out, limit);
  // A chunk ends with a blank line; only a fence or HTML block left open runs over it (closed
  // blocks, lists and quotes end on their last line).
  let last: Nodes | undefined;
  for (const c of tree.children) {
    if (offsets(c)[0] >= limit) break;
    last = c;
  }
  const endsWithBreak = limit > 0 && (text.charCodeAt(limit - 1) === 10 || text.charCodeAt(limit - 1) === 13);
  if (last && endsWithBreak && offsets(last)[1] >= limit) out.open = true;
  return delta - from ? shifted(out, delta - from) : out;
}

/** A parse with every source offset moved by `d`. */
function shifted(p: ParsedChunk, d: number): ParsedChunk {
  for (const b of p.blocks) {
    b.start += d;
    b.end += d;
    if (b.item >= 0) b.item += d;
    const runs = b.runs as number[];
    for (let i = 1; i < runs.length; i += 4) runs[i]! += d;
  }
  for (const c of p.comments) {
    c.start += d;
    c.end += d;
  }
  return p;
}

function comment(value: string, start: number, end: number, out: ParsedChunk): void {
  if (value.startsWith('<!--')) out.comments.push({ start, end, text: value });
}

function offsets(node: Nodes): [number, number] {
  const p = node.position;
  return p && p.start.offset !== undefined && p.end.offset !== undefined ? [p.start.offset, p.end.offset] : [0, 0];
}

function walk(node: Parents, state: WalkState, source: string, out: ParsedChunk, limit: number): void {
  for (const child of node.children as Nodes[]) {
    const [start, end] = offsets(child);
    if (start >= limit) return;
    switch (child.type) {
      case 'paragraph':
      case 'heading': {
        const b = new ProseBuilder();
        inline(child.children, b, source, out, start, end);
        out.blocks.push(block(child.type, child.type === 'heading' ? child.depth : 0, state, -1, -1, b, start, end));
        break;
      }
      case 'table': {
        const containers = state.containers | IN_TABLE;
        child.children.forEach((row, r) => {
          row.children.forEach((cell, c) => {
            const [cs, ce] = offsets(cell);
            const b = new ProseBuilder();
            inline(cell.children, b, source, out, cs, ce);
            out.blocks.push(block('tableCell', 0, { containers, item: state.item }, r, c, b, cs, ce));
          });
        });
        break;
      }
      case 'blockquote':
        walk(child, { ...state, containers: state.containers | IN_QUOTE }, source, out, limit);
        break;
      case 'list':
        walk(child, state, source, out, limit);
        break;
      case 'listItem':
        walk(child, { containers: state.containers | IN_LIST, item: start }, source, out, limit);
        break;
      case 'definition':
        out.definitions?.push(`[${child.identifier}]: #`);
        break;
      case 'footnoteDefinition':
        out.definitions?.push(`[^${child.identifier}]: x`);
        walk(child, { ...state, containers: state.containers | IN_FOOTNOTE }, source, out, limit);
        break;
      case 'html':
        comment(child.value, start, end, out);
        break;
      default:
        // code, yaml, toml, thematicBreak: not prose.
        break;
    }
  }
}

function block(
  kind: ProseBlock['kind'],
  depth: number,
  state: WalkState,
  row: number,
  cell: number,
  b: ProseBuilder,
  start: number,
  end: number,
): ProseBlock {
  return { kind, depth, containers: state.containers, row, cell, item: state.item, text: b.text, runs: b.runs, base: 0, start, end };
}

/**
 * Source spans of inline nodes. The GFM autolink-literal transform runs after parsing: where
 * it finds a literal (`www.…`, `a@b.org`) in a text node it splits the node into text and
 * link nodes that have no position. Reading those as [0, 0] mapped their prose to the start
 * of the chunk (found by fuzzing: "domestic" in `[www.example.com domestic][ref]` was
 * reported on line 1, and at a different offset by the fast path and the full parse). Such a
 * node lies between its positioned neighbours (or the parent's bounds `from`, `to`): a
 * literal link where its text next occurs, a text node up to whatever follows it.
 */
function inlineSpans(children: PhrasingContent[], source: string, from: number, to: number): [number, number][] {
  const n = children.length;
  const spans: ([number, number] | null)[] = children.map((c) => {
    const p = c.position;
    return p && p.start.offset !== undefined && p.end.offset !== undefined ? [p.start.offset, p.end.offset] : null;
  });
  const literal = (c: PhrasingContent | undefined) => (c && c.type === 'link' && c.children.length === 1 && c.children[0]!.type === 'text' ? c.children[0]!.value : '');
  let cursor = from;
  for (let i = 0; i < n; i++) {
    const known = spans[i];
    if (known) {
      cursor = known[1];
      continue;
    }
    let limit = to;
    for (let k = i + 1; k < n; k++) {
      const s = spans[k];
      if (s) {
        limit = s[0];
        break;
      }
    }
    const child = children[i]!;
    let span: [number, number] = [cursor, cursor];
    const text = literal(child);
    if (text) {
      const at = source.indexOf(text, cursor);
      if (at !== -1 && at + text.length <= limit) span = [at, at + text.length];
    } else if (child.type === 'text') {
      // A text node's source is at least as long as its value (escapes and entities only
      // shorten it), so a literal after it starts at or past cursor + value length.
      let end = limit;
      const next = spans[i + 1] ? '' : literal(children[i + 1]);
      if (next) {
        const at = source.indexOf(next, cursor + child.value.length);
        if (at !== -1 && at <= limit) end = at;
      }
      span = [cursor, Math.max(cursor, end)];
    }
    spans[i] = span;
    cursor = span[1];
  }
  return spans as [number, number][];
}

function inline(children: PhrasingContent[], b: ProseBuilder, source: string, out: ParsedChunk, from: number, to: number): void {
  const spans = inlineSpans(children, source, from, to);
  children.forEach((child, i) => {
    const [start, end] = spans[i]!;
    switch (child.type) {
      case 'text':
        b.aligned(child.value, source, start, end);
        break;
      case 'emphasis':
      case 'strong':
      case 'linkReference':
        inline(child.children, b, source, out, start, end);
        break;
      case 'link':
        // A link written `[text](url)` keeps its text; an autolink (`<http://…>`, a bare
        // `www.…`) is a destination, not prose.
        if (source.charCodeAt(start) === 91 /* [ */) inline(child.children, b, source, out, start, end);
        else b.opaque(start, end - start);
        break;
      case 'break':
        b.mapped('\n', start, end - start);
        break;
      case 'html':
        comment(child.value, start, end, out);
        b.opaque(start, end - start);
        break;
      default:
        // inlineCode, image, imageReference, footnoteReference, delete.
        b.opaque(start, end - start);
        break;
    }
  });
}
