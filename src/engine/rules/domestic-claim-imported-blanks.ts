// domestic-claim-imported-blanks: the text presents magnets (or their producer, plant or
// supply) as domestic, while it also shows that they are made from blanks made abroad and
// only finished at home. Docs: docs/rules/domestic-claim-imported-blanks.md
// The analysis lives in ../claims/; this file finds the passages worth analysing and
// turns links into findings.
import { analyzeUnits, MAX_RELATED, WINDOW } from '../claims/analyze.js';
import { BLANK_NOUN, SINTERED_ABROAD } from '../claims/lexicon.js';
import { buildUnits, unitRangeToSource, type Unit } from '../claims/units.js';
import type { Rule, RuleContext } from './rule.js';
import { existing } from './util.js';

export const RULE_ID = 'domestic-claim-imported-blanks';

// Blocks of context on each side of a block with blanks evidence.
const CONTEXT_BLOCKS = WINDOW + 2;
// Non-global copies: a global pattern's lastIndex would leak into later matchAll calls.
export const TRIGGER = new RegExp(`${BLANK_NOUN.source}|${SINTERED_ABROAD.source}`, 'iu');
// A cheap first test: the full pattern is costly on large documents, and most blocks have
// none of these words. Whole words, so that "expressly" or "pressure" in statute text do
// not send a block to the full pattern.
// Every form BLANK_NOUN and SINTERED_ABROAD accept contains one of these (a test checks it).
export const QUICK =
  /\b(?:blanks?|blocks?|billets?|slabs?|slugs?|magnet[\s\u00a0]+stock|(?:semi|partly|part|un)[\s\u00a0\-\u2010\u2011]*finished|unmachined|unground|unmagneti[sz]ed|oversize|sinter\w*|rough\w*|pressed|compacts?)\b/i;
export const triggers = (text: string) => QUICK.test(text) && TRIGGER.test(text);

export const domesticClaimImportedBlanks: Rule = {
  id: RULE_ID,
  description: 'A domestic-production claim about magnets whose own text shows they are finished from blanks made abroad.',
  defaultSeverity: 'error',
  check(ctx) {
    const blocks = ctx.doc.blocks;
    // Passages: windows of blocks around every block that mentions blanks.
    const windows: [number, number][] = [];
    // Context is counted in statements: a table row counts once, however many cells it has.
    const step = (i: number, dir: 1 | -1): number => {
      let j = i + dir;
      const b = blocks[i]!;
      if (b.kind === 'tableCell') while (j >= 0 && j < blocks.length && blocks[j]!.kind === 'tableCell' && blocks[j]!.row === b.row && blocks[j]!.base === b.base) j += dir;
      return j;
    };
    blocks.forEach((b, i) => {
      // A table row is read as one statement ("Sintering | Toll sinterer | China"), so its
      // cells are tested together.
      if (b.kind === 'tableCell') {
        if (i > 0 && blocks[i - 1]!.kind === 'tableCell' && blocks[i - 1]!.row === b.row && blocks[i - 1]!.base === b.base) return;
        let row = '';
        for (let j = i; j < blocks.length && blocks[j]!.kind === 'tableCell' && blocks[j]!.row === b.row && blocks[j]!.base === b.base; j++) row += `${blocks[j]!.text} | `;
        if (!triggers(row)) return;
      } else if (!ctx.fact('blanks-evidence', i, triggers)) return;
      let lo = i;
      let hi = i;
      for (let n = 0; n < CONTEXT_BLOCKS && lo > 0; n++) lo = Math.max(0, step(lo, -1));
      for (let n = 0; n < CONTEXT_BLOCKS && hi < blocks.length - 1; n++) hi = Math.min(blocks.length - 1, step(hi, 1));
      // Whole rows at the edges.
      while (lo > 0 && blocks[lo]!.kind === 'tableCell' && blocks[lo - 1]!.kind === 'tableCell' && blocks[lo - 1]!.row === blocks[lo]!.row) lo--;
      while (hi < blocks.length - 1 && blocks[hi]!.kind === 'tableCell' && blocks[hi + 1]!.kind === 'tableCell' && blocks[hi + 1]!.row === blocks[hi]!.row) hi++;
      hi++;
      const last = windows[windows.length - 1];
      if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
      else windows.push([lo, hi]);
    });
    const seen = new Set<string>();
    for (const [lo, hi] of windows) {
      const units = buildUnits(blocks, ctx.sentences, lo, hi);
      for (const link of analyzeUnits(units, +ctx.today.slice(0, 4))) report(ctx, units, link.claim, link.evidence, link.home, seen);
    }
  },
};

const HOME_NAMES: Record<string, string> = { US: 'the U.S.', UK: 'the UK', CA: 'Canada', AU: 'Australia', EU: 'the EU', JP: 'Japan', KR: 'South Korea' };

function report(
  ctx: RuleContext,
  units: Unit[],
  claim: { unit: number; start: number; end: number },
  evidence: { unit: number; start: number; end: number }[],
  home: string,
  seen: Set<string>,
): void {
  const range = (unit: Unit, s: number, e: number) => unitRangeToSource(unit, s, e, (b, o, isEnd) => ctx.source(b, o, isEnd));
  const { start, end } = range(units[claim.unit]!, claim.start, claim.end);
  const key = `${start}:${end}`;
  if (seen.has(key)) return;
  seen.add(key);
  const src = ctx.doc.source;
  const claimText = src.slice(start, end).replace(/\s+/g, ' ');
  const related = evidence.slice(0, MAX_RELATED).map((ev) => {
    const { start: s, end: e } = range(units[ev.unit]!, ev.start, ev.end);
    return { start: s, end: e, message: `blanks made abroad: "${src.slice(s, e).replace(/\s+/g, ' ')}"` };
  });
  const homeName = HOME_NAMES[home] ?? 'the U.S.';
  const entries = existing(ctx, ['magnet-blank', 'magnet-finishing', 'domestic', 'dfars-magnet-restriction', 'rare-earth-magnet-security-act', 'made-in-usa']);
  ctx.report({
    start,
    end,
    message:
      `"${claimText}" presents the magnets as domestic, but the text shows they are finished from blanks made abroad. ` +
      `Finishing (slicing, grinding, coating, magnetising) imported blanks is not domestic production: DFARS 225.7018-2 reaches melting ` +
      `and every later phase, including sintering and magnetisation, and S. 1979 counts milling, pressing and sintering as manufacturing. ` +
      `Say where the blanks are made, or describe the magnets as finished in ${homeName}${homeName.endsWith('.') ? '' : '.'}`,
    related,
    entries,
  });
}
