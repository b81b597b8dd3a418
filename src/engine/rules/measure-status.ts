// measure-status: a proposed measure spoken of as law, or a suspended, expired or superseded
// one spoken of as in force; the finding shows the KB entry's status and dates.
// Docs: docs/rules/measure-status.md
import type { KbEntry } from '../kb/types.js';
import type { Rule } from './rule.js';
import { sentenceAt } from './util.js';

// Wording that treats a measure as law in force.
const AS_LAW_PROPOSED =
  /\b(?:under|pursuant\s+to|provides|provided|offers|grants|gives|requires|allows|mandates|establishe[sd]|created|enacted|signed|became\s+law|is\s+(?:now\s+)?law|took\s+effect|in\s+(?:force|effect)|qualif(?:y|ies|ied)|eligible|claim(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|earn(?:s|ed|ing)?|pays?|awards?)\b/i;
// Wording that keeps a proposal a proposal.
const HEDGE_PROPOSED =
  /\b(?:propos(?:ed|al|als|es|ing)|would|could|might|may|bill|if\s+(?:enacted|passed|adopted)|introduced|pending|draft|not\s+(?:yet\s+)?(?:law|enacted)|sponsors?|cosponsors?|seeks?|aims?|referred|committee)\b/i;
// Wording that treats a measure as in force now.
const IN_FORCE =
  /\b(?:bans?|prohibits?|requires?|restricts?|blocks?|applies|(?:is|are)\s+(?:still\s+)?in\s+(?:force|effect)|remains?\s+in\s+(?:force|effect)|currently|now|today|offers|provides|(?:is|are)\s+(?:still\s+)?available|(?:can|may)\s+(?:still\s+|now\s+|also\s+)?claim|qualif(?:y|ies)|eligible)\b/i;
// Wording that acknowledges the pause or the end.
const ACKNOWLEDGED =
  /\b(?:suspen(?:d|ded|sion|sions)|paus(?:e|ed|es)|lift(?:ed|s)?|halt(?:ed|s)?|until|through|deferred|delayed|expired?|ended|ends|terminat(?:ed|es)|repeal(?:ed|s)?|no\s+longer|former(?:ly)?|was|were|had|replaced|superseded|before)\b/i;

function dates(e: KbEntry): string {
  const parts: string[] = [];
  if (e.effective) parts.push(`effective ${e.effective}`);
  if (e.ends) parts.push(`${e.status === 'suspended' ? 'suspended until' : 'ended'} ${e.ends}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export const measureStatus: Rule = {
  id: 'measure-status',
  description: 'A proposed measure spoken of as law, or a suspended or expired one spoken of as in force.',
  defaultSeverity: 'warning',
  check(ctx) {
    ctx.matches.forEach((list, i) => {
      const b = ctx.doc.blocks[i]!;
      for (const m of list) {
        const e = m.entries.length === 1 ? ctx.kb.get(m.entries[0]!) : undefined;
        if (!e || e.status === 'current') continue;
        const s = sentenceAt(ctx.sentences(i), m.start);
        if (!s) continue;
        const sentence = b.text.slice(s.start, s.end);
        let problem: string | undefined;
        if (e.status === 'proposed') {
          if (AS_LAW_PROPOSED.test(sentence) && !HEDGE_PROPOSED.test(sentence)) problem = 'is a proposal, not law, but this sentence speaks of it as law';
        } else if (IN_FORCE.test(sentence) && !ACKNOWLEDGED.test(sentence)) {
          problem =
            e.status === 'suspended' && e.ends && e.ends < ctx.today
              ? `was suspended until ${e.ends}; whether it is back in force is not confirmed, and this sentence speaks of it as in force without a source dated after ${e.ends}`
              : `is ${e.status}, but this sentence speaks of it as in force`;
        }
        if (!problem) continue;
        ctx.report({
          start: ctx.source(i, m.start),
          end: ctx.source(i, m.end, true),
          message: `${e.term} ${problem}. Knowledge base: status ${e.status}${dates(e)}, reviewed ${e.reviewed}.${e.caveat ? ` ${e.caveat}` : ''}`,
          entries: [e.id],
        });
      }
    });
  },
};
