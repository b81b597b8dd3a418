// The status bar item's text and tooltip. Pure (no `vscode`).
import type { SeverityCounts } from '../sidebar/grouping.js';

export type StatusInput =
  | { state: 'linted'; counts: SeverityCounts; partial: boolean }
  | { state: 'oversize'; bytesText: string; limitText: string }
  | { state: 'pending' };

/** `$(law)` then the non-zero counts: `$(law) $(error) 1 $(warning) 3 $(info) 2`; `$(law) $(check)` when clean. */
export function statusText(s: StatusInput): { text: string; tooltip: string } {
  if (s.state === 'pending') return { text: '$(law) $(loading~spin)', tooltip: 'Policy Lens: checking…' };
  if (s.state === 'oversize')
    return { text: '$(law) $(circle-slash)', tooltip: `Policy Lens: not checked: the document is ${s.bytesText}, over the ${s.limitText} limit (policyLens.maxFileSize).` };
  const c = s.counts;
  const info = c.info + c.hint;
  const parts: string[] = [];
  if (c.error) parts.push(`$(error) ${c.error}`);
  if (c.warning) parts.push(`$(warning) ${c.warning}`);
  if (info) parts.push(`$(info) ${info}`);
  const text = `$(law) ${parts.length ? parts.join(' ') : '$(check)'}${s.partial ? ' $(history)' : ''}`;
  const counts = `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(info, 'note')}`;
  return { text, tooltip: `Policy Lens: ${counts}${s.partial ? ' (checked partially)' : ''}. Click to show the findings.` };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
