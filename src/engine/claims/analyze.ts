// Linking claims and evidence about the same producer, within one passage.
//
// Same sentence: linked, unless the evidence is about firms in general or a contrast sets
// another named producer apart. Across sentences (up to WINDOW units apart, either order):
// linked when the evidence names the claim's producer, or names no producer at all ("the
// company", "the plant", "its magnets", agentless "Blanks are imported…") and nothing in
// between moved the topic to another producer.
import { findClaims, MAGNET_WORD, type Claim } from './claims.js';
import { companyKeys, hasEntity, mentions, personNames, type Mention } from './entities.js';
import { findEvidence, type Evidence } from './evidence.js';
import { homeOf, inHome, OTHER_PRODUCER, regionOf } from './lexicon.js';
import { cellIndex, type Unit } from './units.js';

/** How many units (sentences, table rows, titles) apart a claim and its evidence may be. */
export const WINDOW = 6;

/** How many pieces of evidence a finding shows (the first ones, in text order). */
export const MAX_RELATED = 5;

export interface Link {
  claim: Claim;
  evidence: Evidence[];
  /** The home the claim speaks for (US, UK, CA, AU, EU, JP, KR). */
  home: string;
}

const SUPPLIER_OF = /(?:\b(?:its|their|our|the|magnet)|['’]s)\s+(?:(?:magnet|sole|main|primary|only|chosen|contracted)\s+)?(?:supplier|vendor|subcontractor|partner|finisher)\s*[:,]?\s*$/i;
const SECOND_SOURCE = /\b(?:secondary|second|other|alternate|backup|another)\s+(?:supplier|source|vendor)\b/i;
const SUPPLY = /\b(?:suppl(?:y|ies)|supply\s+chain|sourced|sourcing|sources|content)\b/i;
const CONTRAST = /\b(?:whereas|while|by\s+contrast|in\s+contrast|unlike|but\s+(?:another|its\s+competitor|a\s+competitor|rival)|competitors?|rivals?|another\s+(?:firm|producer|supplier|company|finisher|shop))\b/i;

export function analyzeUnits(units: Unit[], year = new Date().getFullYear()): Link[] {
  const known = new Set<string>();
  for (const u of units) for (const k of companyKeys(u.text)) known.add(k);
  // People introduced with a title ("CFO Lena Park") are not producers when named again ("Park said…").
  // (Not a word that also starts a longer name: "owner Cal Holloway" of "Holloway Machine".)
  const raw = units.map((u) => mentions(u.text, known, u.heading));
  const named = new Set<string>();
  for (const u of units) for (const n of personNames(u.text)) named.add(n);
  const nameStarts = new Set<string>();
  for (const ms of raw) for (const m of ms) if (m.key.includes(' ') && !named.has(m.key)) nameStarts.add(m.key.split(' ')[0]!);
  const people = new Set<string>();
  for (const n of named) if (!known.has(n) && !nameStarts.has(n)) people.add(n);
  const unitMentions: Mention[][] = raw.map((ms) => ms.filter((m) => !people.has(m.key)));
  const claims: Claim[] = [];
  const evidence: Evidence[] = [];
  const magnet = units.map((u) => MAGNET_WORD.test(u.text));
  const release = units.some((u) => /\b(?:FOR\s+(?:IMMEDIATE\s+)?RELEASE|PRESS\s+RELEASE|NEWS\s+RELEASE)\b/.test(u.text));
  units.forEach((u, i) => {
    const nearby = magnet.slice(Math.max(0, i - 2), i + 3).some(Boolean);
    claims.push(...findClaims(u, unitMentions[i]!, nearby, release, units[i + 1]));
    evidence.push(...findEvidence(u, unitMentions[i]!, units[i + 1], year));
  });
  if (!claims.length || !evidence.length) return [];

  // The producer each unit is about: its first company-like name in subject position.
  const subject = unitMentions.map((ms) => ms.find((m) => !m.oblique && m.strong)?.key);

  // Evidence by unit, and per-unit facts, so that a claim looks only at the units within
  // WINDOW of it: a long passage with many claims and much evidence stays linear (fuzzing found
  // ≈10 s for 20,000 claims in one passage when every claim scanned all the evidence).
  const byUnit = new Map<number, Evidence[]>();
  for (const ev of evidence) {
    let list = byUnit.get(ev.unit);
    if (!list) byUnit.set(ev.unit, (list = []));
    list.push(ev);
  }
  const perUnit = <T,>(f: (i: number) => T): ((i: number) => T) => {
    const cache = new Map<number, T>();
    return (i) => {
      let v = cache.get(i);
      if (v === undefined && !cache.has(i)) cache.set(i, (v = f(i)));
      return v as T;
    };
  };
  const contrastIn = perUnit((i) => CONTRAST.test(plain(units[i]!.text)) && new Set(unitMentions[i]!.map((m) => m.key)).size > 1);
  const yearsIn = perUnit((i) => [...units[i]!.text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => +m[0]));
  const sinceIn = perUnit((i) => {
    const m = /\b(?:from|since|beginning(?:\s+in)?|starting(?:\s+in)?|as\s+of|after)\s+(?:[A-Za-z]+\s+)?((?:19|20)\d{2})\b/i.exec(units[i]!.text);
    return m ? +m[1]! : undefined;
  });
  const lineIn = perUnit((i) => productLine(units[i]!.text));
  const suppliersIn = perUnit((i) => unitMentions[i]!.filter((m) => SUPPLIER_OF.test(units[i]!.text.slice(Math.max(0, m.start - 40), m.start))));
  const sectionBefore: number[] = [];
  let sections = 0;
  for (const u of units) sectionBefore.push(u.section ? ++sections : sections);

  const links: Link[] = [];
  for (const claim of claims) {
    const cu = claim.unit;
    // The claim's own words name no producer ("Homegrown Magnets for the Heartland").
    const entities = new Set(unitMentions[cu]!.filter((m) => m.end <= claim.start || m.start >= claim.end).map((m) => m.key));
    // A claim naming no producer ("The vendor's U.S.-made magnets") speaks of those the
    // passage just named.
    // …and so does one that points back ("The company's German-made magnets are sold to motor
    // builders in Hesse and Bavaria").
    const pointsBack = /\b(?:the\s+(?:company|firm|group|manufacturer|producer|supplier|plant)['’]s|its|their)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(units[cu]!.text.slice(Math.max(0, claim.start - 40), claim.start));
    const subjectBefore = unitMentions[cu]!.some((m) => !m.oblique && m.start < claim.start);
    if ((pointsBack && !subjectBefore) || !unitMentions[cu]!.some((m) => !m.oblique)) {
      for (let k = cu - 1; k >= Math.max(0, cu - WINDOW); k--) {
        const names = unitMentions[k]!.filter((m) => m.strong || !m.oblique);
        if (!names.length) continue;
        for (const m of names) entities.add(m.key);
        break;
      }
    }
    // The producer's supplier, named after the claim, makes its magnets ("Brookvale's supplier,
    // Lanark Magnetics, grinds them…", "Magnet supplier: Glasswing Magnetics").
    for (let k = cu; k <= Math.min(units.length - 1, cu + WINDOW); k++) {
      for (const m of suppliersIn(k)) if (k !== cu || m.start >= claim.end) entities.add(m.key);
    }
    // A supply claim ("an all-American supply chain") covers the suppliers listed after it.
    const supplyClaim = SUPPLY.test(units[cu]!.text.slice(claim.start, claim.end + 20));
    if (supplyClaim) {
      for (let k = cu + 1; k <= Math.min(units.length - 1, cu + 2); k++) for (const m of unitMentions[k]!) entities.add(m.key);
    }
    // A title that names its producer does not speak for other producers under it.
    const headingNames = claim.heading && unitMentions[cu]!.some((m) => m.strong);
    const claimMaterial = materialOf(units[cu]!.text);
    const since = sinceIn(cu);
    const home = homeOf(units[cu]!.text.slice(claim.start, claim.end), units[cu]!.text.slice(claim.end, claim.end + 60));
    // The producer acting in the claim's own clause (same-unit evidence only).
    const claimAgent = [...unitMentions[cu]!].reverse().find((m) => m.start < claim.start && !m.oblique && m.strong);
    const paren = /^\s*\(([^)]*)\)/.exec(units[cu]!.text.slice(claim.end, claim.end + 200));
    const claimZoneEnd = paren ? claim.end + paren[0].length : claim.end;
    const linked: Evidence[] = [];
    const nearby: Evidence[] = [];
    for (let k = Math.max(0, cu - WINDOW); k <= Math.min(units.length - 1, cu + WINDOW); k++) nearby.push(...(byUnit.get(k) ?? []));
    for (const ev of nearby) {
      // Only the first MAX_RELATED are shown; more would only cost time.
      if (linked.length >= MAX_RELATED) break;
      const eu = ev.unit;
      // A title claim speaks for its own section only.
      // A title claim speaks for its own section and the sections nested under it ("# Made in
      // Michigan: Thornapple Magnet Co." over "## Our process").
      if (claim.heading && eu > cu && sectionBefore[eu - 1]! > sectionBefore[cu]!) {
        const depth = units[cu]!.section ? units[cu]!.depth : undefined;
        let closed = depth === undefined;
        for (let k = cu + 1; k < eu && !closed; k++) if (units[k]!.section && (units[k]!.depth ?? 1) <= depth!) closed = true;
        if (closed) continue;
      }
      if (ev.generic) continue;
      // Blocks from Quebec are imported for a U.S. claim, not for a Canadian one; a plant in
      // Gunma that finishes them is abroad for a U.S. claim, at home for a Japanese one.
      if (inHome(home, regionOf(ev.cue))) continue;
      if (ev.plant && !inHome(home, regionOf(ev.plant))) continue;
      // "From 2023 on, its magnets are domestic" does not speak of blanks bought in 2021.
      if (since !== undefined) {
        const years = yearsIn(eu);
        if (years.length && years.every((y) => y < since)) continue;
      }
      // Rows of a supplier table are records of different producers.
      const cRow = units[cu]!;
      const eRow = units[eu]!;
      if (eu !== cu && cRow.row && eRow.row && cRow.table === eRow.table && cRow.perProducer) continue;
      if (eu === cu) {
        // Same sentence or row: linked, unless a contrast sets the evidence apart
        // ("US-made magnets from Brightholme; rival Castlecourt finishes imported blanks").
        const text = units[cu]!.text;
        const lo = Math.min(claim.end, ev.end);
        const hi = Math.max(claim.start, ev.start);
        if ((contrastIn(cu) || CONTRAST.test(plain(text.slice(lo, hi)))) && !claimCovers(text, claim, ev)) continue;
        // Two producers, each with its own clause: "Brindle…, which sells them as U.S.-made,
        // and Hobart…, which cuts blanks it buys from Ningbo".
        const evKey = ev.agent.kind === 'name' ? ev.agent.key : undefined;
        const evStrong = !!evKey && unitMentions[cu]!.some((m) => m.key === evKey && m.strong && m.start < ev.start);
        // The evidence's producer named in the claim itself or in a parenthesis right after it
        // ("magnets sourced domestically (Pryor Magnetics, TN)").
        const namedWithClaim = !!evKey && unitMentions[cu]!.some((m) => hasEntity([m.key], evKey) && m.start >= claim.start && m.start < claimZoneEnd);
        if (claimAgent && evStrong && !hasEntity([claimAgent.key], evKey!) && !namedWithClaim && !claimCovers(text, claim, ev) && !SUPPLY.test(text.slice(claim.start, claim.end))) continue;
        linked.push(ev);
        continue;
      }
      // Two product lines of one producer: "Its SmCo line … U.S.-made" / "Its NdFeB line … imported blanks".
      const cp = lineIn(cu);
      const ep = lineIn(eu);
      if (cp && ep && cp !== ep) continue;
      const agentKey = ev.agent.kind === 'name' ? ev.agent.key : undefined;
      if (agentKey && hasEntity(entities, agentKey)) {
        linked.push(ev);
        continue;
      }
      if (OTHER_PRODUCER.test(plain(units[eu]!.text.slice(0, ev.start)))) continue;
      // "Most of the firms … are finishers. They import blanks from China": they are those firms.
      if (eu > 0 && /^\s*(?:they|their|these|those|such)\b/i.test(units[eu]!.text) && OTHER_PRODUCER.test(plain(units[eu - 1]!.text))) continue;
      // "Our secondary supplier, a Vietnamese company that machines blanks": another producer,
      // unless the claim is about the whole supply.
      if (SECOND_SOURCE.test(units[eu]!.text.slice(Math.max(0, ev.start - 120), ev.start)) && !supplyClaim) continue;
      // Columns of a comparison table headed by producers' names are different producers.
      if (units[cu]!.row && units[eu]!.row && units[cu]!.table === units[eu]!.table) {
        const cc = cellIndex(units[cu]!, claim.start);
        const ec = cellIndex(units[eu]!, ev.start);
        if (cc > 0 && ec > 0 && cc !== ec && (namedColumn(units[cu]!, unitMentions[cu]!, cc) || namedColumn(units[eu]!, unitMentions[eu]!, ec))) continue;
      }
      // Two product lines named by their material: SmCo claimed, NdFeB finished from blanks.
      const em = materialOf(units[eu]!.text.slice(Math.max(0, ev.start - 40), ev.end));
      if (claimMaterial && em && claimMaterial !== em) continue;
      const evMentions = unitMentions[eu]!.filter((m) => m.start < ev.start).map((m) => m.key);
      if (agentKey) {
        // Another producer is the subject: linked only to a title claim over what follows, or
        // to a claim that names no producer at all.
        if ((claim.heading && eu > cu && !headingNames) || entities.size === 0) linked.push(ev);
        continue;
      }
      // No producer named in the evidence (or "we"): the passage's topic must not have moved.
      if (evMentions.some((k) => hasEntity(entities, k)) || !topicShift(units, unitMentions, subject, cu, ev, entities)) linked.push(ev);
    }
    if (linked.length) links.push({ claim, evidence: linked, home });
  }
  return links;
}

/**
 * Does another producer take the subject position between the claim and the evidence (in
 * the units between them, or before the evidence in its own unit)?
 */
function topicShift(units: Unit[], unitMentions: Mention[][], subject: (string | undefined)[], cu: number, ev: Evidence, entities: Set<string>): boolean {
  if (entities.size === 0) return false;
  const lo = Math.min(cu, ev.unit);
  const hi = Math.max(cu, ev.unit);
  for (let k = lo + 1; k < hi; k++) {
    const s = subject[k];
    if (s && !hasEntity(entities, s)) return true;
  }
  if (ev.unit > cu) {
    for (const m of unitMentions[ev.unit]!) if (m.start < ev.start && !m.oblique && m.strong && !hasEntity(entities, m.key)) return true;
    return false;
  }
  // Evidence in an earlier paragraph cannot speak of a producer the text names only after it.
  let namedBefore = false;
  for (let k = Math.max(0, ev.unit - WINDOW); k <= ev.unit && !namedBefore; k++) namedBefore = unitMentions[k]!.some((m) => hasEntity(entities, m.key));
  if (!namedBefore && units[ev.unit]!.pieces[0]?.block !== units[cu]!.pieces[0]?.block) return true;
  // Evidence before the claim refers to the producer named before it.
  for (const m of [...unitMentions[ev.unit]!].reverse()) if (m.start < ev.start && !m.oblique && m.strong) return !hasEntity(entities, m.key);
  for (let k = ev.unit - 1; k >= Math.max(0, ev.unit - WINDOW); k--) {
    const s = subject[k];
    if (s) return !hasEntity(entities, s);
  }
  return false;
}

/** Is a table column headed by a producer's name (its cells carry the header as a label)? */
function namedColumn(unit: Unit, ms: Mention[], i: number): boolean {
  const cells = unit.cells ?? [];
  const from = i > 0 ? cells[i - 1]!.end : 0;
  return ms.some((m) => m.start >= from && m.start < cells[i]!.start);
}

/** The one magnet material a text names, if it names exactly one. */
function materialOf(text: string): 'smco' | 'ndfeb' | undefined {
  const smco = /\b(?:SmCo|samarium)/i.test(text);
  const ndfeb = /\b(?:NdFeB|neodymium|Nd-Fe-B)/i.test(text);
  return smco === ndfeb ? undefined : smco ? 'smco' : 'ndfeb';
}

/** Text for the contrast tests: a resolution's "WHEREAS," opens a recital, it contrasts nothing. */
function plain(text: string): string {
  return text.replace(/\bWHEREAS\b/g, '');
}

/** The product line a sentence is about, if it opens with one ("Its SmCo line is…"). */
function productLine(text: string): string | undefined {
  const m = /^\s*(?:its|their|our|the)\s+([\p{L}\p{N}-]+)\s+(?:product\s+)?(?:line|lines|grades?|series|range|family)\b/iu.exec(text);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** "Our supply is domestic: …, and our second source, Tern, finishes imported blanks": the claim covers it. */
function claimCovers(text: string, claim: Claim, ev: Evidence): boolean {
  const between = text.slice(Math.min(claim.end, ev.start), Math.max(claim.end, ev.start));
  return /\b(?:our|its|their)\s+(?:second|other|main|primary|backup|alternate|secondary)\s+(?:source|supplier|vendor|partner)s?\b/i.test(between);
}
