// The document model: source text → prose blocks with exact source offsets.
//
// Two ways to the same result. The full parse hands the whole source to remark. The fast
// path (the default) splits the source into independent chunks (markdown/chunks.ts), reads
// plain-prose chunks directly and gives remark only the chunks with markup, caching each
// chunk's result by its text so a re-lint after an edit reparses only what changed.
// Tests check that both give identical results on the shared corpus and on fuzzed input.
import { hasInlineMarkup, scanChunks, tooComplexToParse, type Chunk } from './markdown/chunks.js';
import { markdownBlocks, type ParsedChunk } from './markdown/mdast.js';
import { simpleBlocks } from './markdown/simple.js';
import { ProseBuilder, type Comment, type ProseBlock } from './prose.js';
import { LineIndex } from './text.js';

export type DocumentKind = 'markdown' | 'text';

/** A chunk's parse, shared (read-only) between builds through the cache. */
export interface ChunkData extends ParsedChunk {
  /** Term matches per block, filled by the linter on first use (a chunk's blocks never change). */
  matches?: import('./match.js').TermMatch[][];
  /** Per-block facts rules compute from a block's text alone, by fact name. */
  facts?: Map<string, unknown[]>;
}

export interface DocChunk {
  start: number;
  end: number;
  /** Index in `blocks` of this chunk's first block. */
  firstBlock: number;
  data: ChunkData;
}

export interface ProseDocument {
  source: string;
  kind: DocumentKind;
  blocks: ProseBlock[];
  chunks: DocChunk[];
  /** HTML comments, absolute offsets (inline directives live here). */
  comments: Comment[];
  lines: LineIndex;
}

export interface DocumentOptions {
  kind?: DocumentKind;
  /** `full`: parse everything with remark (the reference); `fast`: the default. */
  mode?: 'fast' | 'full';
  cache?: ChunkCache;
  /** Called between chunks; returning true stops the build (the document is then partial). */
  shouldStop?: () => boolean;
}

/**
 * Chunk parses by chunk text, kept for two generations: what the last build used survives
 * one more build, so a document being edited keeps hitting while stale chunks fall away.
 */
export class ChunkCache {
  private current = new Map<string, ChunkData>();
  private previous = new Map<string, ChunkData>();
  hits = 0;
  misses = 0;

  get(key: string): ChunkData | undefined {
    let v = this.current.get(key);
    if (!v) {
      v = this.previous.get(key);
      if (v) this.current.set(key, v);
    }
    if (v) this.hits++;
    else this.misses++;
    return v;
  }
  set(key: string, data: ChunkData): void {
    this.current.set(key, data);
  }
  /** End of one build: forget what neither this build nor the last one used. */
  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

export interface BuiltDocument extends ProseDocument {
  /** False when `shouldStop` ended the build early, or a chunk was too complex to parse. */
  complete: boolean;
  /**
   * The chunk the fast path did not give to the parser, too large or complex (see
   * `tooComplexToParse`): the build stopped there. (`full` mode has no such limit.)
   */
  refused?: { offset: number; reason: string };
}

export function buildDocument(source: string, options: DocumentOptions = {}): BuiltDocument {
  const kind = options.kind ?? 'markdown';
  const lines = new LineIndex(source);
  if (kind === 'text' || options.mode === 'full') {
    const data: ChunkData = kind === 'text' ? textChunk(source) : markdownBlocks(source);
    return {
      source,
      kind,
      blocks: data.blocks,
      comments: data.comments,
      chunks: [{ start: 0, end: source.length, firstBlock: 0, data }],
      lines,
      complete: true,
    };
  }
  const cache = options.cache;
  const scan = scanChunks(source).chunks;
  const blocks: ProseBlock[] = [];
  const comments: Comment[] = [];
  const chunks: DocChunk[] = [];
  let complete = true;
  let refused: BuiltDocument['refused'];
  /**
   * A chunk's parse, with `defs` (definitions from elsewhere) after it, or before it when
   * `before`; undefined when it is too large or complex to parse.
   */
  const parse = (chunk: Chunk, text: string, defs: string, before = false): ChunkData | undefined => {
    // The first chunk is parsed as the document's start (front matter, BOM): its own key.
    const key = (chunk.start === 0 ? '\u0002' : '') + (defs ? (before ? `${defs}\u0001${text}` : `${text}\u0000${defs}`) : text);
    let data = cache?.get(key);
    if (!data) {
      if (chunk.plain && !hasInlineMarkup(text)) data = { blocks: simpleBlocks(text), comments: [] };
      else {
        const reason = tooComplexToParse(text);
        if (reason) {
          refused = { offset: chunk.start, reason };
          return undefined;
        }
        const documentStart = chunk.start === 0;
        data = !defs
          ? markdownBlocks(text, { documentStart })
          : before
            ? markdownBlocks(`${defs}\n\n${text}`, { from: defs.length + 2, documentStart: false })
            : markdownBlocks(`${text}\n\n${defs}`, { limit: text.length, documentStart });
      }
      cache?.set(key, data);
    }
    return data;
  };
  const stop = () => {
    if (options.shouldStop?.()) complete = false;
    return !complete;
  };

  // The chunks as parsed: one that ends inside a fenced code or HTML block (the scan cannot
  // always tell, see Chunk.mayOpen) is joined with the next. The build ends before a chunk
  // too complex to parse, or when `shouldStop` says so.
  const parts: Chunk[] = [];
  for (let i = 0; i < scan.length; i++) {
    let chunk = scan[i]!;
    let ok = true;
    while (chunk.mayOpen && i + 1 < scan.length) {
      const data = stop() ? undefined : parse(chunk, source.slice(chunk.start, chunk.end), '');
      if (!data) ok = false;
      if (!data?.open) break;
      chunk = { start: chunk.start, end: scan[++i]!.end, plain: false, mayOpen: true };
    }
    if (!ok) break;
    parts.push(chunk);
  }

  // Link and footnote definitions are the one dependency between chunks: a reference resolves
  // against definitions anywhere in the document. Chunks that may hold one (their text has
  // "]:") are parsed first, on their own, and the parser says which definitions are real. (A
  // pattern per line said it before and got it wrong: definitions in list items, consecutive
  // ones, labels over two lines, "[a]: b" as indented code or as a paragraph's continuation;
  // found by fuzzing, where the fast path and the full parse disagreed.)
  const own = new Map<number, number>(); // part index → how many definitions it holds
  const defs: string[] = [];
  let last = parts.length;
  for (let at = source.indexOf(']:'), i = 0; at !== -1; at = source.indexOf(']:', at)) {
    while (i < parts.length && parts[i]!.end <= at) i++;
    const chunk = parts[i];
    if (!chunk || stop()) break;
    const data = parse(chunk, source.slice(chunk.start, chunk.end), '');
    if (!data) {
      last = i;
      break;
    }
    const found = data.definitions ?? [];
    own.set(i, found.length);
    for (const d of found) defs.push(d);
    at = chunk.end;
  }
  const allDefs = defs.join('\n\n');

  for (let i = 0; i < last && !stop(); i++) {
    const chunk = parts[i]!;
    const text = source.slice(chunk.start, chunk.end);
    // References in a chunk may point at definitions elsewhere; then the key includes them
    // (not needed when every definition is the chunk's own).
    const suffix = allDefs && text.includes(']') && own.get(i) !== defs.length ? allDefs : '';
    // The last chunk may end inside a fence or HTML block that would swallow definitions put
    // after it ("[a]:x\n\n[a]\n~~~": found by fuzzing); there they go in front (not in the
    // first chunk, where front matter must stay first).
    const data = parse(chunk, text, suffix, i === parts.length - 1 && !!chunk.mayOpen && chunk.start > 0);
    if (!data) break;
    chunks.push({ start: chunk.start, end: chunk.end, firstBlock: blocks.length, data });
    for (const b of data.blocks) blocks.push(rebase(b, chunk.start));
    for (const c of data.comments) comments.push({ start: c.start + chunk.start, end: c.end + chunk.start, text: c.text });
  }
  if (refused) complete = false;
  cache?.rotate();
  return { source, kind, blocks, chunks, comments, lines, complete, ...(refused ? { refused } : {}) };
}

/** Plain text: paragraphs separated by blank lines, taken verbatim except HTML comments. */
function textChunk(source: string): ChunkData {
  const comments: Comment[] = [];
  for (const m of source.matchAll(/<!--[\s\S]*?-->/g)) comments.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  const blocks: ProseBlock[] = [];
  const re = /(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+/g;
  let start = 0;
  let ci = 0;
  const push = (s: number, e: number) => {
    // Trim surrounding whitespace so the block starts and ends on text.
    while (s < e && /\s/.test(source[s]!)) s++;
    while (e > s && /\s/.test(source[e - 1]!)) e--;
    if (s === e) return;
    const b = new ProseBuilder();
    let p = s;
    while (ci < comments.length && comments[ci]!.end <= s) ci++;
    for (let k = ci; k < comments.length && comments[k]!.start < e; k++) {
      const c = comments[k]!;
      const cs = Math.max(c.start, s);
      b.verbatim(source.slice(p, cs), p);
      b.opaque(cs, Math.min(c.end, e) - cs);
      p = Math.min(c.end, e);
    }
    b.verbatim(source.slice(p, e), p);
    if (!b.text.replace(/[\s\uFFFC]/g, '')) return;
    blocks.push({ kind: 'paragraph', depth: 0, containers: 0, row: -1, cell: -1, item: -1, text: b.text, runs: b.runs, base: 0, start: s, end: e });
  };
  for (let m = re.exec(source); m; m = re.exec(source)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, source.length);
  return { blocks, comments };
}

/** A cached block placed at a new base (explicit fields: faster than a spread, one shape). */
function rebase(b: ProseBlock, base: number): ProseBlock {
  // `item` is a source offset too: left chunk-relative, list items of different chunks at the
  // same relative offset looked like one item to the rules (found by fuzzing: the fast path
  // and the full parse disagreed on a lead-in "…:" before a list in the next chunk).
  const item = b.item < 0 ? b.item : b.item + base;
  return { kind: b.kind, depth: b.depth, containers: b.containers, row: b.row, cell: b.cell, item, text: b.text, runs: b.runs, base, start: b.start, end: b.end };
}

/** Document kind from a file name. */
export function kindOf(path: string): DocumentKind {
  return /\.(?:md|markdown|mdown|mkd|mkdn)$/i.test(path) ? 'markdown' : 'text';
}
