// export-control-unspecified: "export controls" or "export ban" with no measure, authority
// or date named in the paragraph. Docs: docs/rules/export-control-unspecified.md
import type { Rule } from './rule.js';
import { existing } from './util.js';

const CUE =
  /\bexport[\s-]+(?:controls?|bans?|restrictions?|curbs?|licen[cs]ing|licen[cs]e\s+requirements?|prohibitions?|limits?|quotas?)\b|\b(?:ban(?:s|ned|ning)?|restrict(?:s|ed|ing)?|curb(?:s|ed|ing)?)\s+(?:the\s+)?exports?\b/gi;

// A measure, an authority or a date that pins the control down.
const SPECIFIC =
  /\bAnnouncement\s+(?:No\.?\s*)?\d|\bNo\.\s*\d+\s+(?:of\s+)?(?:\[?\d{4}\]?)|\bCatalog(?:ue)?\s+of\s+Technologies\b|\bExport\s+Control\s+Law\b|\bExport\s+Administration\s+Regulations\b|\bEAR\b|\b15\s+C\.?F\.?R\.?|\bEntity\s+List\b|\bforeign\s+direct\s+product\b|\bMOFCOM\b|\bMinistry\s+of\s+Commerce\b|\bMOST\b|\bMinistry\s+of\s+Science\b|\bBIS\b|\bBureau\s+of\s+Industry\s+and\s+Security\b|\bGeneral\s+Administration\s+of\s+Customs\b|\bGAC\b|\b(?:Department\s+of\s+)?Commerce\s+Department\b|\bDepartment\s+of\s+Commerce\b|\bState\s+Council\b|\bExport\s+Control\s+Reform\s+Act\b|\bECRA\b|\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** A block's first export-control cue, or null. */
function firstCue(text: string) {
  CUE.lastIndex = 0;
  const m = CUE.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, word: m[0] } : null;
}

export const exportControlUnspecified: Rule = {
  id: 'export-control-unspecified',
  description: '"Export controls" or "export ban" with no measure, authority or date named.',
  defaultSeverity: 'warning',
  check(ctx) {
    const entries = existing(ctx, ['export-control', 'china-2023-technology-export-ban', 'mofcom-announcement-18-2025', 'mofcom-announcement-70-2025']);
    const specific = (i: number) => ctx.fact('names-export-measure', i, (text) => SPECIFIC.test(text));
    let heading = -1;
    ctx.doc.blocks.forEach((b, i) => {
      if (b.kind === 'heading') heading = i;
      const m = ctx.fact('export-control-cue', i, firstCue);
      // The paragraph, and the heading it sits under, may name the measure.
      if (!m || specific(i) || (heading >= 0 && heading !== i && specific(heading))) return;
      const word = m.word.replace(/\s+/g, ' ');
      ctx.report({
        start: ctx.source(i, m.start),
        end: ctx.source(i, m.end, true),
        message:
          `"${word}" names no measure, authority or date. Say whose measure and which (e.g. MOFCOM Announcement No. 18 of 2025, 4 April 2025: licences, not a ban), ` +
          `what it covers and its current status (several October 2025 measures were suspended to 10 November 2026).`,
        entries,
      });
    });
  },
};
