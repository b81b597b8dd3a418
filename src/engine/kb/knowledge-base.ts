// The knowledge base in memory: entries by id, with the cross-entry checks (unique ids,
// aliases owned by one entry unless marked ambiguous, related ids that exist) and the
// term matcher built on first use.
import { TermMatcher, tokenize } from '../match.js';
import type { Category, KbEntry, KbProblem } from './types.js';

export class KnowledgeBase {
  readonly entries = new Map<string, KbEntry>();
  readonly problems: KbProblem[] = [];
  private matcherCache: TermMatcher | undefined;

  /**
   * Layers of entries, later layers overriding earlier ones by id (bundled, then the team's).
   * Entries that fail the cross-entry checks are reported in `problems`.
   */
  constructor(layers: KbEntry[][], problems: KbProblem[] = []) {
    this.problems.push(...problems);
    for (const layer of layers) {
      const seen = new Map<string, KbEntry>();
      for (const e of layer) {
        const dup = seen.get(e.id);
        if (dup) {
          this.problem(e, 'id', `duplicate id "${e.id}": also defined in ${dup.file}`);
          continue;
        }
        seen.set(e.id, e);
        this.entries.set(e.id, e);
      }
    }
    this.checkAliases();
    for (const e of this.entries.values()) {
      for (const r of e.related) {
        if (!this.entries.has(r)) this.problem(e, 'related', `related id "${r}" is not an entry in the knowledge base`);
        if (r === e.id) this.problem(e, 'related', 'an entry cannot be related to itself');
      }
    }
  }

  private problem(e: KbEntry, field: string, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ file: e.file, line: e.lines?.[field] ?? 1, field, message, severity });
  }

  /** Each wording (ignoring case, spaces and hyphens) belongs to one entry unless all its owners mark it ambiguous. */
  private checkAliases(): void {
    const owners = new Map<string, { entry: KbEntry; ambiguous: boolean; text: string }[]>();
    for (const e of this.entries.values()) {
      const forms = [{ text: e.term, ambiguous: false }, ...e.aliases.map((a) => ({ text: a.text, ambiguous: !!a.ambiguous }))];
      const mine = new Set<string>();
      for (const f of forms) {
        const key = wordingKey(f.text);
        if (mine.has(key)) continue;
        mine.add(key);
        let list = owners.get(key);
        if (!list) owners.set(key, (list = []));
        list.push({ entry: e, ambiguous: f.ambiguous, text: f.text });
      }
    }
    for (const list of owners.values()) {
      if (list.length < 2 || list.every((o) => o.ambiguous)) continue;
      for (const o of list) {
        if (o.ambiguous) continue;
        const others = list.filter((x) => x !== o).map((x) => x.entry.id);
        this.problem(
          o.entry,
          o.text === o.entry.term ? 'term' : 'aliases',
          `"${o.text}" also names ${others.join(', ')}; mark it \`ambiguous: true\` in every entry that uses it, or keep it in one`,
        );
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): KbEntry | undefined {
    return this.entries.get(id);
  }

  get matcher(): TermMatcher {
    this.matcherCache ??= new TermMatcher(this.entries.values());
    return this.matcherCache;
  }

  byCategory(): Map<Category, KbEntry[]> {
    const out = new Map<Category, KbEntry[]>();
    for (const e of [...this.entries.values()].sort((a, b) => a.term.localeCompare(b.term))) {
      let list = out.get(e.category);
      if (!list) out.set(e.category, (list = []));
      list.push(e);
    }
    return out;
  }

  /** Find an entry by id, term or alias (case-insensitive; spaces and hyphens alike). */
  resolve(query: string): KbEntry | undefined {
    const direct = this.entries.get(query.trim());
    if (direct) return direct;
    const key = wordingKey(query);
    for (const e of this.entries.values()) {
      if (wordingKey(e.term) === key || e.aliases.some((a) => wordingKey(a.text) === key)) return e;
    }
    // A plural written by the user ("magnet blanks").
    const m = this.matcher.match(query.trim());
    if (m.length === 1 && m[0]!.start === 0 && m[0]!.end >= query.trim().length - 1) return this.entries.get(m[0]!.entries[0]!);
    return undefined;
  }

  /** Entries ranked for a search box: term, then alias, then summary and body matches. */
  search(query: string, limit = 50): KbEntry[] {
    const q = query.trim().toLowerCase();
    if (!q) return [...this.entries.values()].sort((a, b) => a.term.localeCompare(b.term)).slice(0, limit);
    const scored: { e: KbEntry; s: number }[] = [];
    for (const e of this.entries.values()) {
      let s = 0;
      const term = e.term.toLowerCase();
      if (term === q || e.id === q) s = 100;
      else if (term.startsWith(q)) s = 80;
      else if (term.includes(q)) s = 60;
      else if (e.aliases.some((a) => a.text.toLowerCase().includes(q))) s = 50;
      else if (e.summary.toLowerCase().includes(q)) s = 30;
      else if (e.why.toLowerCase().includes(q) || e.body.toLowerCase().includes(q)) s = 10;
      if (s) scored.push({ e, s });
    }
    return scored
      .sort((a, b) => b.s - a.s || a.e.term.localeCompare(b.e.term))
      .slice(0, limit)
      .map((x) => x.e);
  }
}

/** A wording's identity for the alias checks: words lower-cased, punctuation kept. */
export function wordingKey(text: string): string {
  const t = tokenize(text.trim());
  return t.words.map((w, i) => (i ? t.seps[i]!.replace(/[\s\-\u2010-\u2013]/g, '') + ' ' : '') + w.toLowerCase()).join('') + t.trailing.trim();
}
