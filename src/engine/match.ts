// The term matcher: finds every KB term and alias in prose, in one pass.
//
// One pass over the text reads it word by word; a word whose hash is the hash of some
// term's first word starts a walk in a word trie, which extends the match as far as any
// term goes, and the longest term that fits wins. (A hash filter rather than one big
// alternation pattern: the pattern cost 80 ms to compile and 10× more to run.) Between words, spaces, hyphens and line breaks are interchangeable, and other
// punctuation must be as written in the KB ("U.S.-made" matches "U.S. made", not "US made").
// Regular plurals of the last word are generated; case rules are per term.
import type { KbEntry } from './kb/types.js';
import { OPAQUE } from './prose.js';

export interface TermMatch {
  /** Text offsets within the block's prose. */
  start: number;
  end: number;
  /** Ids of the entries this text names (more than one only for an ambiguous alias). */
  entries: string[];
  /** Ids of entries for which this wording is marked discouraged. */
  discouraged?: string[];
}

interface Accept {
  entry: string;
  /** The variant's words as written, for case-sensitive comparison. */
  words: string[] | null;
  /** Punctuation that must follow the last word ("U.S.C."). */
  suffix: string;
  discouraged: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  accept: Accept[];
}

const SEP = '\u0001';
const HYPHENS = /[\s\-\u00ad\u2010\u2011\u2012\u2013]/g;

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
const wordCache = new Map<number, boolean>();
const lowerCache = new Map<number, number>();

export function isWordChar(c: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  let v = wordCache.get(c);
  if (v === undefined) wordCache.set(c, (v = c !== 0xfffc && c !== 0xa7 && /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c))));
  return v;
}

function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let v = lowerCache.get(c);
  if (v === undefined) lowerCache.set(c, (v = String.fromCharCode(c).toLowerCase().charCodeAt(0)));
  return v;
}

/** FNV-1a over lower-cased UTF-16 units. */
function hashWord(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), 16777619);
  return h >>> 0;
}

const SECTION = 0xa7; // §, a word of its own

interface Tokens {
  words: string[];
  seps: string[]; // seps[i] precedes words[i]; seps[0] is leading punctuation
  trailing: string;
}

/** Split a phrase into words and the punctuation between them. */
export function tokenize(s: string): Tokens {
  const words: string[] = [];
  const seps: string[] = [];
  let i = 0;
  let sepStart = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === SECTION) {
      seps.push(s.slice(sepStart, i));
      words.push('§');
      i++;
      sepStart = i;
    } else if (isWordChar(c)) {
      let j = i + 1;
      while (j < s.length && isWordChar(s.charCodeAt(j))) j++;
      seps.push(s.slice(sepStart, i));
      words.push(s.slice(i, j));
      i = j;
      sepStart = i;
    } else i++;
  }
  return { words, seps, trailing: s.slice(sepStart) };
}

/** What must match between two words: punctuation other than spaces and hyphens. */
export function separatorKey(sep: string): string | null {
  if (sep.includes(OPAQUE)) return null;
  return sep.replace(HYPHENS, '').replace(/[\u2019\u2018]/g, "'");
}

export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word + 'es';
  return word + 's';
}

/** All-capital phrases (acronyms) match case-sensitively unless the entry says otherwise. */
function defaultSensitive(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export class TermMatcher {
  private readonly root: TrieNode = { next: new Map(), accept: [] };
  /** Hashes of every term's first word, lower-cased: the filter for where a walk starts. */
  private readonly firsts = new Set<number>();
  /** Number of distinct phrases compiled (with generated plurals). */
  readonly size: number;

  constructor(entries: Iterable<KbEntry>) {
    let size = 0;
    for (const e of entries) {
      const variants: { text: string; sensitive: boolean; discouraged: boolean }[] = [];
      const entryCase = e.case;
      const add = (text: string, aliasCase: 'sensitive' | 'insensitive' | undefined, discouraged: boolean) => {
        const mode = aliasCase ?? entryCase;
        const sensitive = mode ? mode === 'sensitive' : defaultSensitive(text);
        variants.push({ text, sensitive, discouraged });
      };
      add(e.term, undefined, false);
      for (const a of e.aliases) add(a.text, a.case, !!a.discouraged);
      for (const v of variants) {
        const t = tokenize(v.text);
        if (t.words.length === 0) continue;
        const forms = [t.words];
        const last = t.words[t.words.length - 1]!;
        // Plurals for ordinary lower-case words only: "IRA" or "45X" take none.
        if (e.plural !== false && /^[a-z]{2,}$/.test(last) && !t.trailing.trim()) {
          forms.push([...t.words.slice(0, -1), plural(last)]);
        }
        for (const words of forms) {
          if (this.insert(words, t.seps, t.trailing, e.id, v.sensitive, v.discouraged)) size++;
          this.firsts.add(hashWord(words[0]!));
        }
      }
    }
    this.size = size;
  }

  private insert(words: string[], seps: string[], trailing: string, entry: string, sensitive: boolean, discouraged: boolean): boolean {
    let node = this.root;
    for (let i = 0; i < words.length; i++) {
      const key = (i === 0 ? '' : separatorKey(seps[i]!) ?? '') + SEP + words[i]!.toLowerCase();
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), accept: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    const suffix = trailing.replace(/\s+/g, '');
    const dup = node.accept.find((a) => a.entry === entry && a.suffix === suffix && (a.words === null) === !sensitive);
    if (dup) {
      dup.discouraged &&= discouraged;
      return false;
    }
    node.accept.push({ entry, words: sensitive ? words : null, suffix, discouraged });
    return true;
  }

  /** Every term in `text`, left to right, longest first, not overlapping. */
  match(text: string): TermMatch[] {
    const out: TermMatch[] = [];
    const n = text.length;
    const starts: number[] = [];
    const ends: number[] = [];
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      let wordEnd: number;
      let h: number;
      if (c === SECTION) {
        wordEnd = i + 1;
        h = Math.imul(0x811c9dc5 ^ SECTION, 16777619) >>> 0;
      } else if (isWordChar(c)) {
        h = 0x811c9dc5;
        wordEnd = i;
        while (wordEnd < n) {
          const d = text.charCodeAt(wordEnd);
          if (!isWordChar(d)) break;
          h = Math.imul(h ^ lower(d), 16777619);
          wordEnd++;
        }
        h >>>= 0;
      } else {
        i++;
        continue;
      }
      const start = i;
      i = wordEnd;
      if (!this.firsts.has(h)) continue;
      let node = this.root.next.get(SEP + text.slice(start, wordEnd).toLowerCase());
      if (!node) continue;
      starts.length = 0;
      ends.length = 0;
      starts.push(start);
      ends.push(wordEnd);
      let best: TermMatch | null = null;
      let k = wordEnd;
      for (;;) {
        const found = this.accept(node, text, starts, ends, k);
        if (found) best = { start, end: found.end, entries: found.entries, ...(found.discouraged.length ? { discouraged: found.discouraged } : {}) };
        // Read the separator and the next word.
        let j = k;
        while (j < n && j - k <= 8) {
          const d = text.charCodeAt(j);
          if (d === SECTION || isWordChar(d)) break;
          j++;
        }
        if (j >= n || j - k > 8) break;
        const key = separatorKey(text.slice(k, j));
        if (key === null) break;
        let e = j + 1;
        if (text.charCodeAt(j) !== SECTION) while (e < n && isWordChar(text.charCodeAt(e))) e++;
        const child = node.next.get(key + SEP + text.slice(j, e).toLowerCase());
        if (!child) break;
        node = child;
        starts.push(j);
        ends.push(e);
        k = e;
      }
      if (best) {
        out.push(best);
        i = best.end;
      }
    }
    return out;
  }

  private accept(node: TrieNode, text: string, starts: number[], ends: number[], end: number) {
    if (node.accept.length === 0) return null;
    const entries: string[] = [];
    const discouraged: string[] = [];
    let matchEnd = end;
    for (const a of node.accept) {
      if (a.words) {
        let same = true;
        for (let w = 0; w < a.words.length && same; w++) same = text.slice(starts[w]!, ends[w]!) === a.words[w];
        if (!same) continue;
      }
      if (a.suffix) {
        if (!text.startsWith(a.suffix, end)) continue;
        matchEnd = Math.max(matchEnd, end + a.suffix.length);
      }
      if (!entries.includes(a.entry)) entries.push(a.entry);
      if (a.discouraged && !discouraged.includes(a.entry)) discouraged.push(a.entry);
    }
    // A wording is discouraged only if every entry it names discourages it.
    return entries.length ? { end: matchEnd, entries, discouraged: discouraged.length === entries.length ? discouraged : [] } : null;
  }
}
