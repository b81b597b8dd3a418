// Linking claims and evidence about the same producer, within one passage.
//
// Same sentence: linked, unless the evidence is about firms in general or a contrast sets
// another named producer apart. Across sentences (up to WINDOW units apart, either order):
// linked when the evidence names the claim's producer, or names no producer at all ("the
// company", "the plant", "its magnets", agentless "Blanks are imported…") and nothing in
// between moved the topic to another producer.
import { findClaims, MAGNET_WORD, type Claim } from './claims.js';
import { companyKeys, mentions, type Mention } from './entities.js';
import { findEvidence, type Evidence } from './evidence.js';
import { OTHER_PRODUCER } from './lexicon.js';
import type { Unit } from './units.js';

/** How many units (sentences, table rows, titles) apart a claim and its evidence may be. */
export const WINDOW = 6;

export interface Link {
  claim: Claim;
  evidence: Evidence[];
}

const CONTRAST = /\b(?:whereas|while|by\s+contrast|in\s+contrast|unlike|but\s+(?:another|its\s+competitor|a\s+competitor|rival)|competitors?|rivals?)\b/i;

export function analyzeUnits(units: Unit[]): Link[] {
  const known = new Set<string>();
  for (const u of units) for (const k of companyKeys(u.text)) known.add(k);
  const unitMentions: Mention[][] = units.map((u) => mentions(u.text, known, u.heading));
  const claims: Claim[] = [];
  const evidence: Evidence[] = [];
  const magnet = units.map((u) => MAGNET_WORD.test(u.text));
  units.forEach((u, i) => {
    const nearby = magnet.slice(Math.max(0, i - 2), i + 3).some(Boolean);
    claims.push(...findClaims(u, unitMentions[i]!, nearby));
    evidence.push(...findEvidence(u, unitMentions[i]!));
  });
  if (!claims.length || !evidence.length) return [];

  // The producer each unit is about: its first company-like name in subject position.
  const subject = unitMentions.map((ms) => ms.find((m) => !m.oblique && m.strong)?.key);

  const links: Link[] = [];
  for (const claim of claims) {
    const cu = claim.unit;
    const entities = new Set(unitMentions[cu]!.map((m) => m.key));
    // A claim naming no producer speaks of the one the passage was just about.
    if (!subject[cu]) {
      for (let k = cu - 1; k >= Math.max(0, cu - WINDOW); k--) {
        if (subject[k]) {
          entities.add(subject[k]!);
          break;
        }
      }
    }
    const linked: Evidence[] = [];
    for (const ev of evidence) {
      const eu = ev.unit;
      if (Math.abs(eu - cu) > WINDOW || ev.generic) continue;
      // Rows of a supplier table are records of different producers.
      const cRow = units[cu]!;
      const eRow = units[eu]!;
      if (eu !== cu && cRow.row && eRow.row && cRow.table === eRow.table && cRow.perProducer) continue;
      if (eu === cu) {
        const lo = Math.min(claim.end, ev.end);
        const hi = Math.max(claim.start, ev.start);
        const between = units[cu]!.text.slice(lo, hi);
        if (ev.agent.kind === 'name' && CONTRAST.test(between) && !entities.has(ev.agent.key)) continue;
        if (ev.agent.kind === 'name' && OTHER_PRODUCER.test(units[eu]!.text.slice(0, ev.start))) {
          if (!claimCovers(units[cu]!.text, claim, ev)) continue;
        }
        linked.push(ev);
        continue;
      }
      if (OTHER_PRODUCER.test(units[eu]!.text.slice(0, ev.start))) continue;
      const evMentions = unitMentions[eu]!.filter((m) => m.start < ev.start).map((m) => m.key);
      if (ev.agent.kind === 'name') {
        const key = ev.agent.key;
        // A title claim speaks for what follows; a claim with no producer takes the first one named.
        if (entities.has(key) || (claim.heading && eu > cu)) linked.push(ev);
        else if (entities.size === 0 && !topicShift(unitMentions, subject, cu, ev, entities)) linked.push(ev);
        continue;
      }
      // No producer named in the evidence (or "we"): the passage's topic must not have moved.
      if (evMentions.some((k) => entities.has(k)) || !topicShift(unitMentions, subject, cu, ev, entities)) linked.push(ev);
    }
    if (linked.length) links.push({ claim, evidence: linked });
  }
  return links;
}

/**
 * Does another producer take the subject position between the claim and the evidence (in
 * the units between them, or before the evidence in its own unit)?
 */
function topicShift(unitMentions: Mention[][], subject: (string | undefined)[], cu: number, ev: Evidence, entities: Set<string>): boolean {
  if (entities.size === 0) return false;
  const lo = Math.min(cu, ev.unit);
  const hi = Math.max(cu, ev.unit);
  for (let k = lo + 1; k < hi; k++) {
    const s = subject[k];
    if (s && !entities.has(s)) return true;
  }
  if (ev.unit > cu) {
    for (const m of unitMentions[ev.unit]!) if (m.start < ev.start && !m.oblique && m.strong && !entities.has(m.key)) return true;
    return false;
  }
  // Evidence before the claim refers to the producer named before it.
  for (const m of [...unitMentions[ev.unit]!].reverse()) if (m.start < ev.start && !m.oblique && m.strong) return !entities.has(m.key);
  for (let k = ev.unit - 1; k >= Math.max(0, ev.unit - WINDOW); k--) {
    const s = subject[k];
    if (s) return !entities.has(s);
  }
  return false;
}

/** "Our supply is domestic: …, and our second source, Tern, finishes imported blanks": the claim covers it. */
function claimCovers(text: string, claim: Claim, ev: Evidence): boolean {
  const between = text.slice(Math.min(claim.end, ev.start), Math.max(claim.end, ev.start));
  return /\b(?:our|its|their)\s+(?:second|other|main|primary|backup|alternate)\s+(?:source|supplier)/i.test(between);
}
