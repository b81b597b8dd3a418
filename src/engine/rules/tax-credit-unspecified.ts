// tax-credit-unspecified: a tax credit, subsidy or incentive for magnets or minerals with no
// provision or bill named in its section. Docs: docs/rules/tax-credit-unspecified.md
import type { Sentence } from '../sentences.js';
import type { Rule } from './rule.js';
import { citeLine, existing, MAGNET_OR_MATERIAL, noteFix, sentenceAt } from './util.js';

const CUE = /\b(?:tax[\s-]+credits?|production[\s-]+(?:tax[\s-]+)?credits?|investment[\s-]+(?:tax[\s-]+)?credits?|subsid(?:y|ies)|incentives?|tax[\s-]+breaks?)\b/gi;

// A specific provision, statute, bill or program.
const PROVISION =
  /§\s*\d|\bsection\s+\d+[A-Z]{0,2}\b|\b\d+\s+U\.?S\.?C\.?|\bU\.S\.C\.|\bPub(?:lic)?\.?\s*L(?:aw)?\.?\s*(?:No\.?\s*)?\d|\b(?:H\.\s?R\.|S\.)\s?\d{1,5}\b|\bInflation\s+Reduction\s+Act\b|\bIRA\b|\bOne\s+Big\s+Beautiful\s+Bill\b|\bOBBBA\b|\bRare\s+Earth\s+Magnet\s+Security\s+Act\b|\bMagnets?\s+Value\s+Chain\s+Support\s+Act\b|\bDefense\s+Production\s+Act\b|\bDPA\b|\bTitle\s+III\b|\b(?:45X|48C|30D|45Y|48E)\b|\bCHIPS\b|\bInternal\s+Revenue\s+Code\b|\bT\.D\.\s*\d+/i;

/** The first cue of each sentence about magnets or minerals in one block. */
function findCues(text: string, sentences: () => readonly Sentence[]) {
  const cues: { start: number; end: number; word: string }[] = [];
  let lastSentence = -1;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
    const s = sentenceAt(sentences(), m.index);
    if (!s || s.start === lastSentence || !MAGNET_OR_MATERIAL.test(text.slice(s.start, s.end))) continue;
    lastSentence = s.start;
    cues.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return cues;
}

export const taxCreditUnspecified: Rule = {
  id: 'tax-credit-unspecified',
  description: 'A tax credit, subsidy or incentive for magnets or minerals with no provision or bill named.',
  defaultSeverity: 'warning',
  check(ctx) {
    const blocks = ctx.doc.blocks;
    const cues = blocks.map((_, i) => ctx.fact('tax-credit-cues', i, (text) => findCues(text, () => ctx.sentences(i))));
    // Only sections with a cue need to know whether they name a provision.
    const sections = new Set<number>();
    cues.forEach((c, i) => c.length && sections.add(ctx.section[i]!));
    const named = new Set<number>();
    blocks.forEach((_, i) => {
      const sec = ctx.section[i]!;
      if (sections.has(sec) && !named.has(sec) && ctx.fact('names-provision', i, (text) => PROVISION.test(text))) named.add(sec);
    });
    const entries = existing(ctx, ['tax-credit', 'section-45x', 'magnet-production-credit', 'rare-earth-magnet-security-act', 'subsidy']);
    cues.forEach((list, i) => {
      if (named.has(ctx.section[i]!)) return;
      for (const m of list) {
        const start = ctx.source(i, m.start);
        const end = ctx.source(i, m.end, true);
        const word = m.word.replace(/\s+/g, ' ');
        const cites = entries
          .filter((id) => id === 'section-45x' || id === 'rare-earth-magnet-security-act')
          .map((id) => ctx.kb.get(id)!)
          .map((e) => `${e.term} (status: ${e.status}) — ${citeLine(e)}`);
        const note =
          `Provision: TODO — name the statute, section or bill for this ${word}` +
          (cites.length ? `, e.g. ${cites.join('; ')}` : '') +
          '. Say whether it is law or proposed.';
        ctx.report({
          start,
          end,
          message:
            `"${word}" for magnets or minerals names no provision or bill. Say which: §45X (26 U.S.C. 45X) credits refined critical minerals but not magnets; ` +
            `the magnet production credits (e.g. S. 1979 / H.R. 1496) are proposed, not law.`,
          entries,
          fixes: [noteFix(ctx, `Insert a citation note for "${word}"`, end, 'provision', note)],
        });
      }
    });
  },
};
