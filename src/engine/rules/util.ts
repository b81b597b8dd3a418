// Small helpers the rules share.
import type { Edit, Fix } from '../findings.js';
import type { KbEntry } from '../kb/types.js';
import type { Sentence } from '../sentences.js';
import type { RuleContext } from './rule.js';

/** Magnets and the materials they are made of: what makes a sentence "about magnets or materials". */
export const MAGNET_OR_MATERIAL =
  /\b(?:magnet(?:s|ic)?|rare[\s-]+earths?|REEs?|NdFeB|SmCo|NdPr|neodymium|praseodymium|samarium|dysprosium|terbium|oxides?|alloys?|mineral(?:s)?|critical minerals?|metals?|raw materials?|materials?|supply chains?|blanks?|billets?)\b/i;

/** The sentence of a block containing a text offset. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  // Binary search (sentences are in order, apart): a block of many sentences with many uses
  // was quadratic with a scan.
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = sentences[lo];
  if (s && offset >= s.start && offset < s.end) return s;
  return sentences[sentences.length - 1];
}

/** Entries that exist in the KB, in the given order. */
export function existing(ctx: RuleContext, ids: string[]): string[] {
  return ids.filter((id) => ctx.kb.get(id));
}

/** "Title (URL)" for an entry's first citation. */
export function citeLine(e: KbEntry): string {
  const c = e.citations[0];
  return c ? `${c.title}, ${c.date}, <${c.url}>` : e.term;
}

/**
 * A fix that adds a footnote after `at` and its text at the end of the document (Markdown),
 * or a bracketed note at `at` (plain text). The label avoids labels already in use.
 */
export function noteFix(ctx: RuleContext, title: string, at: number, labelBase: string, note: string): Fix {
  const src = ctx.doc.source;
  if (ctx.doc.kind === 'text') {
    return { title, edits: [{ start: at, end: at, text: ` [${note}]` }] };
  }
  let label = labelBase;
  for (let n = 2; src.includes(`[^${label}]`); n++) label = `${labelBase}-${n}`;
  const eol = /\r\n/.test(src) ? '\r\n' : '\n';
  const tail = src.length === 0 || /(?:\r\n|\r|\n)$/.test(src) ? '' : eol;
  const edits: Edit[] = [
    { start: at, end: at, text: `[^${label}]` },
    { start: src.length, end: src.length, text: `${tail}${eol}[^${label}]: ${note}${eol}` },
  ];
  return { title, edits };
}
