// One line for an entry's status and dates, as hovers, pages and the CLI show it.
import type { KbEntry } from './types.js';

export function statusLine(e: Pick<KbEntry, 'status' | 'effective' | 'ends'>): string {
  let s: string = e.status;
  if (e.effective) s += `, effective ${e.effective}`;
  if (e.ends) s += `, ${e.status === 'suspended' ? 'suspended until' : e.status === 'current' ? 'ends' : 'ended'} ${e.ends}`;
  return s;
}
