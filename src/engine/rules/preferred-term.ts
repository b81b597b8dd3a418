// preferred-term: a wording the KB marks as discouraged, with the KB's preferred term as a
// quick fix. Docs: docs/rules/preferred-term.md
import { plural, tokenize } from '../match.js';
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
        // Keep the plural the writer used ("blank magnets" → "magnet blanks") and a capital at
        // the start of a sentence.
        let term = entry.term;
        const writtenLast = tokenize(written).words.at(-1)?.toLowerCase() ?? '';
        const discouraged = entry.aliases.filter((a) => a.discouraged).map((a) => tokenize(a.text).words.at(-1)?.toLowerCase() ?? '');
        if (discouraged.some((w) => w && plural(w) === writtenLast && w !== writtenLast)) {
          const t = tokenize(term);
          const last = t.words.at(-1)!;
          term = term.slice(0, term.lastIndexOf(last)) + plural(last) + term.slice(term.lastIndexOf(last) + last.length);
        }
        if (/^\p{Lu}/u.test(written) && !/^\p{Lu}/u.test(term)) term = term[0]!.toUpperCase() + term.slice(1);
        ctx.report({
          start,
          end,
          message: `Prefer "${term}" to "${written.replace(/\s+/g, ' ')}": ${entry.summary}`,
          entries: [entry.id],
          fixes: [{ title: `Replace with "${term}"`, edits: [{ start, end, text: term }], preferred: true }],
        });
      }
    });
  },
};
