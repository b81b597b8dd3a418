// domestic-undefined: "domestic" or "American-made" said of magnets or materials, in a
// document that names no standard for it and defines no meaning. Docs: docs/rules/domestic-undefined.md
import type { Sentence } from '../sentences.js';
import type { Rule } from './rule.js';
import { citeLine, existing, MAGNET_OR_MATERIAL, noteFix, sentenceAt } from './util.js';

const DOMESTIC =
  /\b(?:domestic(?:ally)?|American[\s-]+made|U\.?S\.?[\s-]+made|US[\s-]+made|made[\s-]+in[\s-]+(?:the[\s-]+)?(?:USA|U\.S\.A?\.?|United[\s-]+States|America)|home[\s-]?grown|British[\s-]+made|made[\s-]+in[\s-]+(?:the[\s-]+)?UK)\b/gi;

// "domestic" that does not claim where something is made.
const NOT_A_CLAIM = /^domestic\s+(?:demand|market|markets|consumption|consumers?|use|users|appliances?|sales|prices?|policy|politics|law|violence|partners?|affairs|flights?|corporations?|agenda)\b/i;

// A standard or a definition that gives "domestic" a meaning.
const STANDARD =
  /\bDFARS\b|\b252\.225-7052\b|\b225\.7018\b|\b(?:10\s+U\.?S\.?C\.?\s*(?:§\s*)?|section\s+|§\s*)4872\b|\bBuy\s+American\b|\bBuild\s+America,?\s+Buy\s+America\b|\bBABA\b|\bFTC\b|\bFederal\s+Trade\s+Commission\b|\bMade\s+in\s+USA\s+Labeling\s+Rule\b|\b16\s+C\.?F\.?R\.?\s*(?:part\s+)?323\b|\bsubstantial(?:ly)?\s+transform|\bFederal\s+Acquisition\s+Regulation\b|\bFAR\s+(?:part\s+)?25\b|\bdomestic\s+content\s+(?:bonus|test|threshold)|\b(?:H\.\s?R\.|S\.)\s?\d{1,5}\b|\bRare\s+Earth\s+Magnet\s+Security\s+Act\b|\b(?:26|41|10)\s+U\.?S\.?C\.?\b/i;
const DEFINITION =
  /["“'‘]?\b(?:domestic(?:ally)?|American[\s-]+made|U\.?S\.?[\s-]+made)\b["”'’]?\s+(?:means|refers\s+to|is\s+defined|shall\s+mean|has\s+the\s+meaning)|\b(?:the\s+term|we\s+use|define[sd]?|definition\s+of|by)\s+["“'‘]?(?:domestic|American[\s-]+made|U\.?S\.?[\s-]+made)\b/i;

/** What one block says: a standard or definition, and the uses of "domestic" about magnets. */
function blockFacts(text: string, sentences: () => readonly Sentence[]) {
  if (STANDARD.test(text) || DEFINITION.test(text)) return { defines: true, uses: [] };
  const uses: { start: number; end: number; word: string }[] = [];
  // Whether a sentence speaks of magnets or materials, once per sentence: a long sentence
  // with many uses was quadratic (fuzzing: ≈25 s for a 1 MB sentence).
  const aboutMagnets = new Map<number, boolean>();
  DOMESTIC.lastIndex = 0;
  for (let m = DOMESTIC.exec(text); m; m = DOMESTIC.exec(text)) {
    if (NOT_A_CLAIM.test(text.slice(m.index, m.index + 40))) continue;
    const s = sentenceAt(sentences(), m.index);
    if (!s) continue;
    let about = aboutMagnets.get(s.start);
    if (about === undefined) aboutMagnets.set(s.start, (about = MAGNET_OR_MATERIAL.test(text.slice(s.start, s.end))));
    if (!about) continue;
    uses.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return { defines: false, uses };
}

export const domesticUndefined: Rule = {
  id: 'domestic-undefined',
  description: '"Domestic" or "American-made" said of magnets or materials with no standard named or defined in the document.',
  defaultSeverity: 'warning',
  check(ctx) {
    const uses: { block: number; start: number; end: number; word: string }[] = [];
    let defined = false;
    for (let i = 0; i < ctx.doc.blocks.length && !defined; i++) {
      const f = ctx.fact('domestic-undefined', i, (text) => blockFacts(text, () => ctx.sentences(i)));
      if (f.defines) defined = true;
      else for (const u of f.uses) uses.push({ block: i, ...u });
    }
    if (defined || uses.length === 0) return;
    const first = uses[0]!;
    const start = ctx.source(first.block, first.start);
    const end = ctx.source(first.block, first.end, true);
    const more = uses.slice(1, 6);
    const entries = existing(ctx, ['domestic', 'made-in-usa', 'dfars-magnet-restriction', 'buy-american-act', 'rare-earth-magnet-security-act']);
    const cites = entries
      .slice(1)
      .map((id) => ctx.kb.get(id)!)
      .map(citeLine);
    const note =
      `"${first.word.replace(/\s+/g, ' ')}" in this document means: TODO — name the standard (e.g. DFARS 225.7018: no melting, sintering or magnetising in a covered country; ` +
      `FTC Made in USA: "all or virtually all" made in the U.S.; or a bill's definition).` +
      (cites.length ? ` Sources: ${cites.join('; ')}.` : '');
    ctx.report({
      start,
      end,
      message:
        `"${first.word.replace(/\s+/g, ' ')}" is said of magnets or materials, but the document names no standard for it and defines no meaning. ` +
        `"Domestic" differs by standard: DFARS reaches melting, sintering and magnetising; FTC "Made in USA" needs "all or virtually all" U.S. content; ` +
        `a bill may define its own. Say which standard you mean, or define the term.` +
        (uses.length > 1 ? ` (${uses.length - 1} more use${uses.length > 2 ? 's' : ''} in this document.)` : ''),
      related: more.map((u) => ({
        start: ctx.source(u.block, u.start),
        end: ctx.source(u.block, u.end, true),
        message: `also "${u.word.replace(/\s+/g, ' ')}" here`,
      })),
      entries,
      fixes: [noteFix(ctx, 'Insert a definition note for "domestic"', end, 'domestic', note)],
    });
  },
};
