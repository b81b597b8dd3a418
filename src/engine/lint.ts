// Running the rules: text → document → term matches → rules → findings.
// `lintText` is the one-shot form; `LintSession` keeps per-chunk caches for an editor that
// re-lints the same document after every edit.
import { type Config, defaultConfig, ruleSetting } from './config.js';
import { buildDocument, ChunkCache, type ChunkData, type DocumentKind, type ProseDocument } from './document.js';
import { readDirectives } from './directives.js';
import { compareFindings, type Finding, type Report, type Severity } from './findings.js';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import type { TermMatch } from './match.js';
import { toSource } from './prose.js';
import { RULES, RULE_IDS } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';
import { splitSentences } from './sentences.js';
import type { Position } from './text.js';

export interface TermOccurrence {
  entries: string[];
  /** The text as written in the source. */
  text: string;
  start: Position;
  end: Position;
  discouraged?: string[];
}

export interface LintResult {
  findings: Finding[];
  terms: TermOccurrence[];
  /**
   * Set when the lint stopped early: over its time budget, cancelled, or at a part of the
   * document too large or complex to parse (`complex`: trying again will not get further).
   */
  partial?: { reason: 'budget' | 'cancelled' | 'complex'; message: string; checkedTo: Position };
}

export interface LintOptions {
  kind?: DocumentKind;
  config?: Config;
  /** `full` parses everything with remark (the reference the fast path is tested against). */
  mode?: 'fast' | 'full';
  /** Stop, reporting a partial result, after this many milliseconds (default: no limit). */
  budgetMs?: number;
  /** Today's date (YYYY-MM-DD) for rules that compare it with a measure's dates; default: the clock's. */
  today?: string;
  /** Checked between chunks; true stops the lint. */
  isCancelled?: () => boolean;
  /** Skip collecting term occurrences (the CLI's lint does not print them). */
  withoutTerms?: boolean;
}

export interface AsyncLintOptions extends LintOptions {
  /** Longest stretch of work before yielding to the event loop (default 20 ms). */
  sliceMs?: number;
}

export class LintSession {
  private readonly cache = new ChunkCache();
  constructor(readonly kb: KnowledgeBase) {}

  lint(source: string, options: LintOptions = {}): LintResult {
    return runLint(source, this.kb, options, this.cache);
  }

  /**
   * The same lint, in slices that yield to the event loop, so an editor stays responsive on
   * large documents. Parsing and term matching fill the per-chunk caches slice by slice; the
   * rules then run once over the cached document. `isCancelled` is checked between slices
   * (a newer edit arrived: resolves to undefined); `budgetMs` bounds the whole lint, after
   * which the result is partial.
   */
  async lintAsync(source: string, options: AsyncLintOptions = {}): Promise<LintResult | undefined> {
    const started = Date.now();
    const slice = options.sliceMs ?? 20;
    for (;;) {
      if (options.isCancelled?.()) return undefined;
      const elapsed = Date.now() - started;
      const overall = options.budgetMs !== undefined ? options.budgetMs - elapsed : Infinity;
      if (overall <= 0) break;
      if (prepare(source, this.kb, options, this.cache, Math.min(slice, overall))) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (options.isCancelled?.()) return undefined;
    // Everything parsed so far is cached; what is left over the budget makes the result partial.
    const remaining = options.budgetMs !== undefined ? Math.max(0, options.budgetMs - (Date.now() - started)) : undefined;
    const result = runLint(source, this.kb, { ...options, budgetMs: remaining, isCancelled: undefined }, this.cache);
    if (result.partial?.reason === 'budget' && options.budgetMs !== undefined) {
      result.partial.message = `checked partially: the document is too large or complex to check within ${options.budgetMs} ms; findings cover lines 1–${result.partial.checkedTo.line}`;
    }
    return result;
  }

  get cacheStats(): { hits: number; misses: number } {
    return { hits: this.cache.hits, misses: this.cache.misses };
  }
}

type FactFn = <T>(name: string, i: number, compute: (text: string) => T) => T;

/** Facts stored on the chunk data, where the chunk cache keeps them across lints. */
function chunkFacts(chunks: ProseDocument['chunks'], blocks: ProseDocument['blocks']): FactFn {
  const owner: ChunkData[] = [];
  const local: number[] = [];
  for (const chunk of chunks) for (let j = 0; j < chunk.data.blocks.length; j++) (owner.push(chunk.data), local.push(j));
  return <T>(name: string, i: number, compute: (text: string) => T): T => {
    const data = owner[i]!;
    data.facts ??= new Map();
    let list = data.facts.get(name);
    // One slot per block of the chunk, filled on first use (undefined: not computed yet).
    if (!list) data.facts.set(name, (list = new Array(data.blocks.length).fill(undefined)));
    const j = local[i]!;
    let v = list[j] as T | undefined;
    if (v === undefined) list[j] = v = compute(blocks[i]!.text);
    return v;
  };
}

/** Facts for one lint only. */
function runFacts(blocks: ProseDocument['blocks']): FactFn {
  const store = new Map<string, Map<number, unknown>>();
  return <T>(name: string, i: number, compute: (text: string) => T): T => {
    let m = store.get(name);
    if (!m) store.set(name, (m = new Map()));
    let v = m.get(i) as T | undefined;
    if (v === undefined) m.set(i, (v = compute(blocks[i]!.text)));
    return v;
  };
}

/**
 * Parse and match as many chunks as fit in `sliceMs`, filling the cache; true when the
 * whole document is done.
 */
function prepare(source: string, kb: KnowledgeBase, options: LintOptions, cache: ChunkCache, sliceMs: number): boolean {
  const started = Date.now();
  const over = () => Date.now() - started > sliceMs;
  const doc = buildDocument(source, { kind: options.kind, mode: options.mode, cache, shouldStop: over });
  for (const chunk of doc.chunks) {
    if (chunk.data.matches) continue;
    if (over()) return false;
    chunk.data.matches = chunk.data.blocks.map((b) => kb.matcher.match(b.text));
  }
  // Done when complete, or stopped at a chunk too complex to parse (it stays so).
  return doc.complete || doc.refused !== undefined;
}

export function lintText(source: string, kb: KnowledgeBase, options: LintOptions = {}): LintResult {
  return runLint(source, kb, options);
}

function runLint(source: string, kb: KnowledgeBase, options: LintOptions, cache?: ChunkCache): LintResult {
  const started = Date.now();
  const config = options.config ?? defaultConfig();
  let stopReason: 'budget' | 'cancelled' | undefined;
  const shouldStop = () => {
    if (options.isCancelled?.()) stopReason = 'cancelled';
    else if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) stopReason = 'budget';
    return stopReason !== undefined;
  };
  const doc = buildDocument(source, { kind: options.kind, mode: options.mode, cache, shouldStop });

  // Term matches, memoised per chunk (a chunk's blocks are immutable once cached).
  const matcher = kb.matcher;
  const matches: (readonly TermMatch[])[] = [];
  for (const chunk of doc.chunks) {
    let m = chunk.data.matches;
    if (!m) {
      if (shouldStop()) break;
      m = chunk.data.blocks.map((b) => matcher.match(b.text));
      chunk.data.matches = m;
    }
    // Not push(...m): a chunk of 200,000 blocks (a plain-text document is one chunk)
    // overflowed the stack with that many arguments (found by the pathological-input tests).
    for (const x of m) matches.push(x);
  }
  // A partial build: keep blocks that have matches computed.
  const blocks = doc.blocks.slice(0, matches.length);
  const view: ProseDocument = blocks.length === doc.blocks.length ? doc : { ...doc, blocks };

  const section: number[] = [];
  let s = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.kind === 'heading' && i > 0) s++;
    section.push(s);
  }
  // Block facts are kept with their chunk when there is a cache to keep them in (an editor
  // session); a one-shot lint computes each once in a plain map.
  const fact = cache ? chunkFacts(doc.chunks, blocks) : runFacts(blocks);
  const suppress = readDirectives(doc.comments, doc.lines, RULE_IDS);
  const findings: Finding[] = [];
  const pos = (o: number) => doc.lines.position(o);

  for (const rule of RULES) {
    const setting = ruleSetting(config, rule.id, rule.defaultSeverity);
    if (setting === 'off') continue;
    const severity: Severity = setting;
    const ctx: RuleContext = {
      doc: view,
      kb,
      matches,
      section,
      today: options.today ?? new Date().toISOString().slice(0, 10),
      sentences: (i) => fact('sentences', i, splitSentences),
      fact,
      source: (i, o, end) => toSource(blocks[i]!, o, end),
      report(r: Report) {
        const start = pos(r.start);
        if (suppress.isSuppressed(rule.id, start.line)) return;
        findings.push({
          ruleId: rule.id,
          severity,
          message: r.message,
          start,
          end: pos(r.end),
          related: (r.related ?? []).map((x) => ({ message: x.message, start: pos(x.start), end: pos(x.end) })),
          entries: r.entries ?? [],
          fixes: r.fixes ?? [],
        });
      },
    };
    rule.check(ctx);
  }
  findings.sort(compareFindings);

  const terms: TermOccurrence[] = [];
  if (!options.withoutTerms) {
    blocks.forEach((b, i) => {
      for (const m of matches[i]!) {
        const so = toSource(b, m.start);
        const eo = toSource(b, m.end, true);
        terms.push({
          entries: m.entries,
          text: source.slice(so, eo),
          start: pos(so),
          end: pos(eo),
          ...(m.discouraged ? { discouraged: m.discouraged } : {}),
        });
      }
    });
  }

  const result: LintResult = { findings, terms };
  if (stopReason || !doc.complete || blocks.length < doc.blocks.length) {
    const last = blocks[blocks.length - 1];
    const checkedTo = pos(last ? last.base + last.end : 0);
    const reason = stopReason ?? (doc.refused ? 'complex' : 'budget');
    result.partial = {
      reason,
      checkedTo,
      message:
        reason === 'cancelled'
          ? `checked partially: cancelled after line ${checkedTo.line}`
          : reason === 'complex'
            ? `checked partially: the document is too large or complex to check from line ${pos(doc.refused!.offset).line} (${doc.refused!.reason}); findings cover lines 1–${checkedTo.line}`
            : `checked partially: the document is too large or complex to check within ${options.budgetMs} ms; findings cover lines 1–${checkedTo.line}`,
    };
  }
  return result;
}
