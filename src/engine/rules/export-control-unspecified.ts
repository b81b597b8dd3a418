// export-control-unspecified: "export controls" or "export ban" with no measure, authority
// or date named in the paragraph. Docs: docs/rules/export-control-unspecified.md
import type { Rule } from './rule.js';
import { existing } from './util.js';

const CUE =
  /\bexport[\s-]+(?:controls?|bans?|restrictions?|curbs?|licen[cs]ing|licen[cs]e\s+requirements?|prohibitions?|limits?|quotas?)\b|\b(?:ban(?:s|ned|ning)?|restrict(?:s|ed|ing)?|curb(?:s|ed|ing)?)\s+(?:the\s+)?exports?\b/gi;

// A measure, an authority or a date that pins the control down.
const SPECIFIC =
  /\bAnnouncement\s+(?:No\.?\s*)?\d|\bNo\.\s*\d+\s+(?:of\s+)?(?:\[?\d{4}\]?)|\bCatalog(?:ue)?\s+of\s+Technologies\b|\bExport\s+Control\s+Law\b|\bExport\s+Administration\s+Regulations\b|\bEAR\b|\b15\s+C\.?F\.?R\.?|\bEntity\s+List\b|\bforeign\s+direct\s+product\b|\bMOFCOM\b|\bMinistry\s+of\s+Commerce\b|\bMOST\b|\bMinistry\s+of\s+Science\b|\bBIS\b|\bBureau\s+of\s+Industry\s+and\s+Security\b|\bGeneral\s+Administration\s+of\s+Customs\b|\bGAC\b|\b(?:Department\s+of\s+)?Commerce\s+Department\b|\bDepartment\s+of\s+Commerce\b|\bState\s+Council\b|\bExport\s+Control\s+Reform\s+Act\b|\bECRA\b|\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

export const exportControlUnspecified: Rule = {
  id: 'export-control-unspecified',
  description: '"Export controls" or "export ban" with no measure, authority or date named.',
  defaultSeverity: 'warning',
  check(ctx) {
    const entries = existing(ctx, ['export-control', 'china-2023-technology-export-ban', 'mofcom-announcement-18-2025', 'mofcom-announcement-70-2025']);
    ctx.doc.blocks.forEach((b, i) => {
      CUE.lastIndex = 0;
      const m = CUE.exec(b.text);
      if (!m) return;
      // The paragraph, and the heading it sits under, may name the measure.
      if (SPECIFIC.test(b.text)) return;
      let h = i - 1;
      while (h >= 0 && ctx.doc.blocks[h]!.kind !== 'heading') h--;
      if (h >= 0 && SPECIFIC.test(ctx.doc.blocks[h]!.text)) return;
      const word = m[0].replace(/\s+/g, ' ');
      ctx.report({
        start: ctx.source(i, m.index),
        end: ctx.source(i, m.index + m[0].length, true),
        message:
          `"${word}" names no measure, authority or date. Say whose measure and which (e.g. MOFCOM Announcement No. 18 of 2025, 4 April 2025: licences, not a ban), ` +
          `what it covers and its current status (several October 2025 measures were suspended to 10 November 2026).`,
        entries,
      });
    });
  },
};
