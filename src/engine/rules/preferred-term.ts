// preferred-term: a wording the KB marks as discouraged, with the KB's preferred term as a
// quick fix. Docs: docs/rules/preferred-term.md
import type { Rule } from './rule.js';

export const preferredTerm: Rule = {
  id: 'preferred-term',
  description: 'A wording the knowledge base marks as discouraged; use its preferred term.',
  defaultSeverity: 'info',
  check(ctx) {
    ctx.matches.forEach((list, i) => {
      for (const m of list) {
        if (!m.discouraged?.length) continue;
        const entry = ctx.kb.get(m.discouraged[0]!);
        if (!entry) continue;
        const start = ctx.source(i, m.start);
        const end = ctx.source(i, m.end, true);
        const written = ctx.doc.source.slice(start, end);
        // Keep a capital at the start of a sentence.
        const term = /^\p{Lu}/u.test(written) && !/^\p{Lu}/u.test(entry.term) ? entry.term[0]!.toUpperCase() + entry.term.slice(1) : entry.term;
        ctx.report({
          start,
          end,
          message: `Prefer "${entry.term}" to "${written.replace(/\s+/g, ' ')}": ${entry.summary}`,
          entries: [entry.id],
          fixes: [{ title: `Replace with "${term}"`, edits: [{ start, end, text: term }], preferred: true }],
        });
      }
    });
  },
};
