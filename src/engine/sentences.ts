// Sentence boundaries in a block's prose, with the abbreviations of policy and legal text
// in mind. Computed only for blocks a rule asks about.

// Abbreviations that never end a sentence (the next word is part of the same sentence).
const NEVER_FINAL = new Set(
  [
    'sec', 'secs', 'nos', 'pub', 'l', 'h.r', 'h.res', 's.res', 'h.j.res', 's.j.res', 'h.con.res', 'e.g', 'i.e',
    'cf', 'mr', 'mrs', 'ms', 'dr', 'st', 'art', 'arts', 'para', 'paras', 'subpar', 'cl', 'ch', 'chap', 'pt', 'pts',
    'vol', 'p', 'pp', 'fig', 'approx', 'est', 'ed', 'eds', 'stat', 'fed', 'reg', 'regs', 'c.f.r', 'cfr', 'u.s.c', 'usc',
    'f.r', 'v', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gen',
    'gov', 'sen', 'rep', 'reps', 'hon', 'prof', 'rev', 'ft', 'mt', 'div', 'subch', 'subt', 'tit', 'amend',
  ],
);
// Abbreviations that may end a sentence: they end one only before a word that usually
// starts a sentence ("… made in the U.S. The company …").
const MAYBE_FINAL = new Set([
  'u.s', 'u.k', 'e.u', 'u.n', 'inc', 'co', 'corp', 'ltd', 'llc', 'plc', 'bros', 'etc', 'd.c', 'n.c', 's.c', 'w.va',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'n.h', 'n.j', 'n.m', 'n.y', 'n.d', 'okla', 'ore', 'pa', 'r.i',
  's.d', 'tenn', 'tex', 'vt', 'va', 'wash', 'wis', 'wyo', 'a.m', 'p.m', 'jr', 'sr', 'et al', 'al',
]);
const STARTERS = new Set([
  'the', 'a', 'an', 'it', 'its', 'this', 'that', 'these', 'those', 'they', 'their', 'there', 'we', 'our', 'he', 'she',
  'his', 'her', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'as', 'but', 'and', 'or', 'if', 'when', 'while',
  'since', 'under', 'after', 'before', 'however', 'each', 'all', 'most', 'many', 'some', 'both', 'such', 'one',
  'two', 'three', 'no', 'not', 'what', 'who', 'which', 'where', 'why', 'how', 'i', 'you', 'to', 'of', 'also',
  'meanwhile', 'instead', 'rather', 'currently', 'today', 'now', 'until', 'because', 'although', 'though',
]);

export interface Sentence {
  start: number;
  end: number;
}

const CLOSERS = '"\')]}\u201d\u2019»';

/** Sentence ranges [start, end) in `text`, covering its non-space content. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = skipSpace(text, 0);
  let i = start;
  while (i < n) {
    const c = text[i]!;
    if (c === '.' || c === '!' || c === '?' || c === '\u2026') {
      // Extend over repeated terminators and closing quotes or brackets.
      let e = i + 1;
      while (e < n && (text[e] === '.' || text[e] === '!' || text[e] === '?')) e++;
      while (e < n && CLOSERS.includes(text[e]!)) e++;
      // A boundary needs whitespace after it…
      if (e < n && !isSpace(text.charCodeAt(e))) {
        i = e;
        continue;
      }
      const next = skipSpace(text, e);
      if (next >= n) break;
      if (c === '.' && !endsSentence(text, i, next)) {
        i = e;
        continue;
      }
      // …and a next sentence that starts like one.
      if (!startsSentence(text, next)) {
        i = e;
        continue;
      }
      out.push({ start, end: e });
      start = next;
      i = next;
      continue;
    }
    i++;
  }
  let end = n;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
  return out;
}

// Opaque inline content (a comment, a code span) between sentences counts as space here.
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfffc;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function startsSentence(text: string, i: number): boolean {
  const c = text[i]!;
  if (/[\p{Lu}\p{N}"'(\[\u201c\u2018§¶*#•-]/u.test(c)) return true;
  return false;
}

/** Is the period at `dot` the end of a sentence (rather than an abbreviation or initial)? */
function endsSentence(text: string, dot: number, next: number): boolean {
  // The word before the period, including inner periods ("U.S", "H.R", "e.g").
  let s = dot;
  while (s > 0 && /[\p{L}\p{N}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot);
  if (!word) return true;
  const lower = word.toLowerCase();
  if (/^\d+$/.test(word)) {
    // "No. 18." ends; "Sec. 2. FINDINGS" — a numbered heading — keeps going only before caps.
    return true;
  }
  if (NEVER_FINAL.has(lower)) return false;
  // "No. 18" abbreviates; an answer "No. The blocks are…" ends.
  if (lower === 'no') return !/^\d/.test(text.slice(next, next + 1));
  // A single capital letter: an initial ("J. Okafor") or a bill prefix ("S. 1979").
  if (/^\p{Lu}$/u.test(word)) return false;
  if (MAYBE_FINAL.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    const m = /^[\p{L}]+/u.exec(text.slice(next, next + 30));
    return !!m && STARTERS.has(m[0].toLowerCase());
  }
  return true;
}
