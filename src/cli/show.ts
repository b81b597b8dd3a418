// `policy-lens kb show`: one entry as plain text for a terminal.
import type { KnowledgeBase } from '../engine/kb/knowledge-base.js';
import { statusLine } from '../engine/kb/status.js';
import { CATEGORY_LABELS, type KbEntry } from '../engine/kb/types.js';

export function describeEntry(e: KbEntry, kb: KnowledgeBase): string {
  const lines: string[] = [];
  lines.push(`${e.term}  [${e.id}]`);
  lines.push(`${CATEGORY_LABELS[e.category]} · status: ${statusLine(e)} · reviewed ${e.reviewed}${e.origin === 'workspace' ? ` · team entry (${e.file})` : ''}`);
  if (e.aliases.length) lines.push(`Also: ${e.aliases.map((a) => a.text).join(', ')}`);
  lines.push('', e.summary, '', `Why it matters: ${e.why}`);
  if (e.caveat) lines.push('', `Not confirmed: ${e.caveat}`);
  if (e.body) lines.push('', e.body);
  lines.push('', 'Sources:');
  for (const c of e.citations)
    lines.push(`  - ${c.title}${c.publisher ? `, ${c.publisher}` : ''}, ${c.date}${c.pinpoint ? `, ${c.pinpoint}` : ''}${c.kind === 'secondary' ? ' (secondary)' : ''}\n    ${c.url}`);
  const related = e.related.map((r) => kb.get(r)).filter((x): x is KbEntry => !!x);
  if (related.length) lines.push('', `Related: ${related.map((r) => `${r.term} [${r.id}]`).join(', ')}`);
  return lines.join('\n');
}
