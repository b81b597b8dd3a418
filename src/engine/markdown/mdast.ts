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

let processor: { parse(text: string): Root } | undefined;

function getProcessor(): { parse(text: string): Root } {
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze() as unknown as {
    parse(text: string): Root;
  };
  return processor;
}

export function parseMdast(source: string): Root {
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
}

/**
 * Prose blocks of a Markdown source, with offsets relative to the start of `source`.
 * `limit`: blocks starting at or after it are dropped (used when definitions are appended
 * to a chunk only so that references inside it resolve).
 */
export function markdownBlocks(source: string, limit = source.length): ParsedChunk {
  const tree = parseMdast(source);
  const out: ParsedChunk = { blocks: [], comments: [] };
  walk(tree, { containers: 0, item: -1 }, source, out, limit);
  return out;
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
        inline(child.children, b, source, out);
        out.blocks.push(block(child.type, child.type === 'heading' ? child.depth : 0, state, -1, -1, b, start, end));
        break;
      }
      case 'table': {
        const containers = state.containers | IN_TABLE;
        child.children.forEach((row, r) => {
          row.children.forEach((cell, c) => {
            const [cs, ce] = offsets(cell);
            const b = new ProseBuilder();
            inline(cell.children, b, source, out);
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
      case 'footnoteDefinition':
        walk(child, { ...state, containers: state.containers | IN_FOOTNOTE }, source, out, limit);
        break;
      case 'html':
        comment(child.value, start, end, out);
        break;
      default:
        // code, yaml, toml, definition, thematicBreak: not prose.
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

function inline(children: PhrasingContent[], b: ProseBuilder, source: string, out: ParsedChunk): void {
  for (const child of children) {
    const [start, end] = offsets(child);
    switch (child.type) {
      case 'text':
        b.aligned(child.value, source, start, end);
        break;
      case 'emphasis':
      case 'strong':
      case 'linkReference':
        inline(child.children, b, source, out);
        break;
      case 'link':
        // A link written `[text](url)` keeps its text; an autolink (`<http://…>`, a bare
        // `www.…`) is a destination, not prose.
        if (source.charCodeAt(start) === 91 /* [ */) inline(child.children, b, source, out);
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
  }
}
