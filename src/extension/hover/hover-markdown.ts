// The Markdown of hover cards: a KB term, and a finding. Pure (no `vscode`), so the escaping
// can be unit-tested; the provider wraps the string in a MarkdownString that trusts only
// HOVER_COMMANDS and has HTML off. All KB text goes through escapeMarkdown, all links are
// either http(s) citation URLs or this extension's own command URIs.
import type { Category, Finding, KbEntry } from '../../engine/api.js';
import { commandUri, escapeMarkdown, safeHttpUrl } from '../escape.js';
import { COMMANDS } from '../ids.js';

export interface HoverDeps {
  lookup(id: string): KbEntry | undefined;
  statusLine(e: KbEntry): string;
  categoryLabel(c: Category): string;
}

/** How many citations a hover lists; the entry page lists all. */
export const HOVER_CITATIONS = 3;

const esc = escapeMarkdown;

function entryLink(e: KbEntry): string {
  return `[${esc(e.term)}](${commandUri(COMMANDS.openEntry, [e.id])} "Open the entry")`;
}

/** The card for one entry. */
export function entryHoverMarkdown(e: KbEntry, deps: HoverDeps): string {
  const parts: string[] = [];
  const team = e.origin === 'workspace' ? ' · team entry' : '';
  parts.push(`**${esc(e.term)}** · ${esc(deps.categoryLabel(e.category))} · ${esc(deps.statusLine(e))}${team}`);
  if (e.caveat) parts.push(`*Not confirmed:* ${esc(e.caveat)}`);
  parts.push(esc(e.summary));
  parts.push(`*Why it matters:* ${esc(e.why)}`);
  const cites = e.citations.slice(0, HOVER_CITATIONS).map((c, i) => {
    const url = safeHttpUrl(c.url);
    const title = url ? `[${esc(c.title)}](${url})` : esc(c.title);
    return `${i + 1}. ${title}, ${esc(c.date)}${c.kind === 'secondary' ? ' *(secondary source)*' : ''}`;
  });
  if (cites.length) {
    const more = e.citations.length - cites.length;
    parts.push(`*Sources:*\n\n${cites.join('\n')}${more > 0 ? `\n\n${more} more on the entry page.` : ''}`);
  }
  const related = e.related.map((id) => deps.lookup(id)).filter((x): x is KbEntry => !!x);
  if (related.length) parts.push(`*Related:* ${related.map(entryLink).join(' · ')}`);
  parts.push(`Reviewed ${esc(e.reviewed)} · [Open entry](${commandUri(COMMANDS.openEntry, [e.id])})`);
  return parts.join('\n\n');
}

/** The card for a term occurrence: one entry, or each entry of an ambiguous alias. */
export function termHoverMarkdown(entries: readonly KbEntry[], deps: HoverDeps): string {
  return entries.map((e) => entryHoverMarkdown(e, deps)).join('\n\n---\n\n');
}

/**
 * The explanation of a finding: what its rule checks, the rule's docs and the KB entries
 * involved. The finding's message itself is not repeated: the diagnostic hover shows it.
 */
export function findingHoverMarkdown(f: Finding, ruleDescription: string | undefined, deps: HoverDeps): string {
  const parts = [`**Policy Lens · ${esc(f.ruleId)}** (${esc(f.severity)})`];
  if (ruleDescription) parts.push(esc(ruleDescription));
  const entries = f.entries.map((id) => deps.lookup(id)).filter((x): x is KbEntry => !!x);
  if (entries.length) parts.push(`*Entries involved:* ${entries.map(entryLink).join(' · ')}`);
  parts.push(`[About this rule](${commandUri(COMMANDS.openRuleDocs, [f.ruleId])})`);
  return parts.join('\n\n');
}
