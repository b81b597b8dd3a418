// Finding domestic-production claims the text itself makes: "U.S.-made magnets", "produces
// magnets domestically", "qualifies as a domestic source", "our supply is domestic", and
// setting aside what only looks like one: denials, questions, conditionals, definitions,
// claims reported from someone else, scare quotes, policy talk, talk about other things.
import { agentBefore, type Mention } from './entities.js';
import {
  ADVERB_FIRST,
  ATTRIBUTIVE,
  BARE,
  CARRIED_LABEL,
  CARRIES_LABEL,
  CLAIM_NEGATION,
  clauseAround,
  CONTENT_CLAIM,
  DOWNSTREAM_PRODUCT,
  DEFINES,
  DEFINITIONAL,
  DOUBT,
  DW_CELL,
  FOREIGN_CORE,
  ELIGIBILITY,
  GENERIC_HEAD,
  LABELLING,
  MADE_AT_OWN,
  MODAL,
  NAMED_MEMBERS,
  NON_CLAIM_AFTER,
  ONSHORED,
  ORIGIN_FIELD,
  POLICY_AFTER,
  PREDICATIVE,
  REPORTED,
  SCARE_QUOTED,
  TOPIC_HEAD,
  questionTest,
  supposed,
  THIRD_PARTY,
  DISPUTED,
  RETRACTED,
  VERBAL,
} from './lexicon.js';
import type { Unit } from './units.js';

// Time frames that put a claim in the past (not "used to", which may be about something else:
// "a building once used to store potatoes").
const PAST =
  /\b(?:until|till|through)\s+(?:[\p{L}.-]+\s+){0,5}?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*[–—-]\s*(?:19|20)\d{2}\b|\bbetween\s+(?:19|20)\d{2}\s+and\s+(?:19|20)\d{2}\b|\b(?:formerly|previously)\b/iu;
// A product other than magnets as the subject right before the verb ("The laminations are made…").
const DOWNSTREAM_SUBJECT = new RegExp(`(?:${DOWNSTREAM_PRODUCT.source})\\s+(?:(?:are|is|were|was|all|now|also)\\s+)*$`, 'i');
const WANTS =
  /\b(?:wants?|wanted|seeks?|sought|needs?|calls?\s+for|called\s+for|aims?\s+(?:for|at)|envision(?:s|ed)?|envisage[sd]?|proposes|push(?:es|ed|ing)?\s+for|targets|goal\s+(?:of|is)|hopes?\s+for|would\s+like)\s+(?:(?:a|an|the|more|new)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

export interface Claim {
  unit: number;
  start: number;
  end: number;
  /** A heading (or title line) claim: it speaks for the section under it. */
  heading: boolean;
}

// Magnet talk: magnets themselves, or the words of making and finishing them.
export const MAGNET_WORD = /\b(?:magnets?|magnetics|SmCo|NdFeB|samarium[\s-]+cobalt|neodymium|rare[\s-]+earths?|sinter(?:ed|ing|s)?|blanks?|billets?|blocks?)\b/i;
const CLAUSE_BREAK = /[;:—–(]|\s-\s/g;

/** Start of the clause holding `pos`: after the last semicolon, colon or dash before it. */
function clauseStart(text: string, pos: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m && m.index < pos; m = CLAUSE_BREAK.exec(text)) start = m.index + m[0].length;
  return start;
}

/**
 * Claims in a unit. `magnetNearby`: the units around it speak of magnets (a catalogue line
 * "All grades are Made in USA" under a title naming the magnets).
 */
export function findClaims(unit: Unit, mentions: Mention[], magnetNearby = false, release = false, next?: Unit): Claim[] {
  const text = unit.text;
  const asks = questionTest(text); // a question asks, it does not claim
  // Doubt, definitions and legal norms ("a magnet shall be treated as produced in the
  // United States only if…") make no claim about a producer.
  if (DOUBT.test(text) || DEFINES.test(text) || /\bshall\b/i.test(text)) return [];
  const magnetUnit = magnetNearby || MAGNET_WORD.test(text);
  const found: { start: number; end: number; head?: string; members: boolean; kind: string }[] = [];

  for (const m of text.matchAll(ATTRIBUTIVE)) {
    const dw = m[1]!;
    const head = m[2]!;
    const start = m.index;
    const end = start + m[0].length;
    const afterDw = text.slice(start + dw.length).replace(/^[\s\u00a0-]+/, '');
    if (/^domestic$/i.test(dw) && NON_CLAIM_AFTER.test(afterDw)) continue;
    // A maker-type head ("source", "producer", "capacity") must be about magnets.
    if (!/^magnets?$/i.test(head) && !magnetUnit) continue;
    const between = text.slice(start + dw.length, end - head.length);
    if (!/^magnets?$/i.test(head) && !/magnet|NdFeB|SmCo/i.test(between) && DOWNSTREAM_PRODUCT.test(between)) continue;
    // A section title that is only a topic, naming no producer ("Domestic Magnet Capacity";
    // not "A domestic magnet supply for the Fort Wayne line").
    if (unit.heading && TOPIC_HEAD.test(head) && !mentions.length && !text.slice(0, start).trim() && !text.slice(end).replace(/[\s*_#:.]+/g, '')) continue;
    found.push({ start, end, head, members: NAMED_MEMBERS.test(text.slice(end)) || /^,\s*\p{Lu}/u.test(text.slice(end)), kind: 'attributive' });
  }
  for (const m of text.matchAll(VERBAL)) {
    if (!magnetUnit) continue;
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'verbal' });
  }
  for (const m of text.matchAll(MADE_AT_OWN)) {
    if (!magnetUnit) continue;
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'verbal' });
  }
  for (const m of text.matchAll(ADVERB_FIRST)) {
    if (!magnetUnit) continue;
    found.push({ start: m.index, end: m.index + m[0].length, members: NAMED_MEMBERS.test(text.slice(m.index + m[0].length)), kind: 'adverb' });
  }
  for (const m of text.matchAll(PREDICATIVE)) {
    if (!magnetUnit) continue;
    // "is a domestic end product" — an article only before an end-product claim.
    if (/\s(?:a|an)\s+(?!product\s+of\b)/i.test(m[0]) && !/end\s+products?$/i.test(m[0])) continue;
    const after = text.slice(m.index + m[0].length);
    if (/^[\s\u00a0]*(?:content|demand|market)/i.test(after)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'predicative' });
  }
  for (const m of text.matchAll(BARE)) {
    if (!magnetUnit) continue;
    // A status someone asked for is not the text's claim ("Requested status: Domestic").
    if (/\b(?:requested|claimed|proposed|asserted|applied[\s-]+for|sought)\b[^:\n]{0,30}:\s*[*_]*\s*$/i.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    if (/^domestic$/i.test(m[1]!) && NON_CLAIM_AFTER.test(text.slice(m.index + m[0].length).trim())) continue;
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'bare' });
  }
  for (const m of text.matchAll(LABELLING)) {
    if (!magnetUnit) continue;
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'labelling' });
  }
  for (const m of text.matchAll(CARRIED_LABEL)) {
    if (!magnetUnit || !DW_CELL.test(m[1]!)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    found.push({ start, end: start + m[1]!.length, members: false, kind: 'label' });
  }
  for (const m of text.matchAll(ORIGIN_FIELD)) {
    // The place before the country must not be abroad ("Origin: Ningbo, China (USA distributor)").
    if (!magnetUnit || FOREIGN_CORE.test(m[0])) continue;
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'origin' });
  }
  for (const m of text.matchAll(ONSHORED)) {
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'onshored' });
  }
  // A table cell that only says "U.S.-made" or "Domestic" speaks of its row's magnets.
  if (unit.row && magnetUnit) {
    for (const cell of unit.cells ?? []) {
      const cellText = text.slice(cell.start, cell.end);
      if (DW_CELL.test(cellText)) {
        const lead = cellText.length - cellText.trimStart().length;
        found.push({ start: cell.start + lead, end: cell.start + cellText.trimEnd().length, members: false, kind: 'cell' });
      }
    }
  }
  for (const m of text.matchAll(CONTENT_CLAIM)) {
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'content' });
  }
  for (const m of text.matchAll(ELIGIBILITY)) {
    if (!magnetUnit) continue;
    found.push({ start: m.index, end: m.index + m[0].length, members: false, kind: 'eligibility' });
  }

  const claims: Claim[] = [];
  for (const f of found) {
    if (asks(f.start)) continue;
    // In a table row, a claim inside a column header ("Domestic source?: Yes") stands only
    // when the row's cell answers yes.
    if (unit.row && unit.cells && !unit.cells.some((c) => f.start < c.end && c.start < f.end)) {
      const answer = unit.cells.find((c) => c.start >= f.end);
      if (!answer || !/^\s*(?:yes|y|✓|✔|true|qualified|compliant|eligible|domestic)\b/iu.test(text.slice(answer.start, answer.end))) continue;
    }
    // "the FTC's Made in USA standard", "domestic content requirement": talk about rules —
    // unless the product carries the label ("earned the right to use the Made in Britain mark").
    if (f.kind !== 'eligibility' && f.kind !== 'content' && POLICY_AFTER.test(text.slice(f.end)) && !CARRIES_LABEL.test(text.slice(Math.max(0, f.start - 40), f.start))) continue;
    const before = text.slice(0, f.start);
    const cs = clauseStart(text, f.start);
    const clauseBefore = text.slice(cs, f.start);
    const near = clauseBefore.slice(-48);
    // Denial: "is not a domestic producer", "should not count as domestic", "not as domestic producers".
    if (CLAIM_NEGATION.test(near.replace(/\bnot\s+only\b/gi, ''))) continue;
    // "should not describe the finishing of imported blocks as domestic": the denial sits on the verb.
    if (/\bas\s+(?:an?\s+)?$/i.test(clauseBefore) && CLAIM_NEGATION.test(clauseBefore.replace(/\bnot\s+only\b/gi, ''))) continue;
    if (CLAIM_NEGATION.test(text.slice(f.start, f.end))) continue;
    // Suppositions: "if …", "once the line starts …, its magnets will be domestic".
    // "Once the line starts, its magnets will be domestic" (not "a building once used to…").
    if (supposed(before, text.slice(cs, Math.min(text.length, f.end + 60))) || /(?:^|[,;:—]\s*)(?:once|as\s+soon\s+as)\b/i.test(before)) continue;
    if (/(?:^|[,;:—]\s*)when\b/i.test(before) && /\b(?:will|plans?|intends?|expects?)\b/i.test(text)) continue;
    // An unticked box ("☐ Domestic end product ☒ Foreign end product").
    if (/[☐□]\s*$/u.test(before)) continue;
    // Talk about magnets in general: "Most magnets described as domestic…", "A magnet cut from a
    // Chinese block is not American-made", "Japan's domestic output has declined".
    if (/^\s*["“]?\s*(?:most|many|some|few|several|much)\s+(?:of\s+(?:the\s+)?)?(?:[\p{L}.-]+\s+){0,3}$/iu.test(clauseBefore)) continue;
    if (/\b(?:most|many|some|few|several)\s+(?:of\s+(?:the\s+)?)?$/i.test(clauseBefore.slice(-40)) && !/\bone\s+of\b/i.test(clauseBefore.slice(-60))) continue;
    // A title naming a topic: "RFI Response — Availability of Domestic Permanent Magnets".
    if (unit.heading && /\b(?:availability|sources?|supply|request|market|demand|need|survey|study|review|assessment|outlook|prospects)\s+(?:of|for)\s+$/i.test(before)) continue;
    // Said of another product: "The laminations are made domestically".
    if ((f.kind === 'verbal' || f.kind === 'predicative' || f.kind === 'adverb') && DOWNSTREAM_SUBJECT.test(clauseBefore.slice(-60).replace(/\b\p{Lu}[\p{L}-]*/gu, '')) && !MAGNET_WORD.test(clauseBefore)) continue;
    if (/\b(?:a|an|any)\s+(?:[\p{L}-]+\s+)?magnet\s+(?:cut|finished|made|ground|machined|sliced|sintered|produced|from|with)\b[^;]*$/iu.test(clauseBefore.slice(-200))) continue;
    if (f.head && /^(?:output|production|capacity|industry|supply)$/i.test(f.head) && /(?:\b(?:Japan|America|Europe|Britain|Canada|Australia|China|Germany|Korea|India)|\bthe\s+(?:nation|country|U\.S\.|UK|EU|world))['’]s\s+$/u.test(before)) continue;
    // A kind of firm as the subject ("Suppliers that make magnets domestically are…").
    if (/^\s*(?:[\p{L}-]+\s+){0,2}(?:suppliers|producers|firms|companies|makers|manufacturers|finishers|shops|businesses)\s+(?:that|which|who)\s+$/iu.test(clauseBefore)) continue;
    // What the operations are, not a claim: "their U.S. operations consist of slicing…".
    if (/^\s+(?:consist(?:s|ed)?\s+of|(?:are|is|were|was)\s+(?:limited|confined)\s+to|(?:are|is)\s+(?:only|just|merely)\b)/i.test(text.slice(f.end, f.end + 40))) continue;
    // A wish or a goal, not a claim: "The Pentagon wants a domestic mine-to-magnet supply chain"
    // (but "customers want magnets made in America, and that is what we deliver").
    if (WANTS.test(clauseBefore.slice(-120)) && !/\b(?:deliver|supply|provide|offer|sell|produce|make)(?:s|ed)?\b/i.test(text.slice(f.end))) continue;
    // A past claim: "Until 2019 it made its magnets in Ohio from its own alloy; it now…".
    const [ps, pe] = clauseAround(text, f.start, f.end);
    const claimClause = text.slice(ps, pe);
    if (PAST.test(claimClause.slice(Math.max(0, f.start - ps - 300), f.end - ps + 300)) && !/\b(?:still|continues?|now|today|currently)\b/i.test(claimClause)) continue;
    // An intention, not a claim: "it plans to begin selling domestic magnets".
    if (/\b(?:plans?|planning|intends?|intending|aims?|aiming|hopes?|hoping|expects?|seeks?)\s+to\s+(?:[\p{L}-]+\s+){0,4}$/iu.test(clauseBefore)) continue;
    // Ownership or headquarters, not production: "American-owned", "U.S.-based".
    if (/^[-\u2010\u2011](?:owned|based|headquartered|controlled|run|led|listed|registered|incorporated)\b/i.test(text.slice(f.end))) continue;
    // A sentence quoted as an example ("the sentence 'our homegrown magnets come from…'").
    if (/\b(?:sentence|phrase|example|wording|words|line|slogan|headline|statement|string|tagline)\s*[:,]?\s*["“'‘][^"”'’]*$/i.test(before)) continue;
    if (MODAL.test(clauseBefore) && !f.members) continue;
    // A criterion, not a claim: "only magnets sintered here count as domestic".
    if ((f.kind === 'eligibility' || f.kind === 'content') && /^\s*only\b/i.test(clauseBefore)) continue;
    if (/\bonly\s+(?:if|when|where)\b/i.test(text.slice(f.end, f.end + 40))) continue;
    // Definitions are not claims — but meeting one is ("meets the program's definition of a domestic manufacturer").
    const meetsDefinition = /\b(?:meets?|met|satisf(?:y|ies|ied)|falls?\s+within|fits?)\s+(?:the\s+)?(?:[\p{L}'’]+\s+){0,2}definition\s+of\s+(?:an?\s+)?$/iu.test(before);
    if ((DEFINITIONAL.test(before) && !meetsDefinition) || /^["”'’]?\s*(?:means|shall\s+mean|refers\s+to|is\s+defined|has\s+the\s+meaning)\b/i.test(text.slice(f.end))) continue;
    // Finishing or assembly labels: "U.S.-finished", a quoted "Assembled in USA from imported…".
    if (/^[-\u2010\u2011](?:finished|assembled|processed|machined|coated|cut|ground|packaged|packed|designed|engineered|inspected|tested)\b/i.test(text.slice(f.end))) continue;
    if (/["“'‘][^"”'’]*$/.test(before) && /^[^"”'’]*["”'’]/.test(text.slice(f.end)) && /\b(?:assembled|finished)\s+in\b|\bfrom\s+imported\b/i.test(text.slice(before.search(/["“'‘][^"”'’]*$/), f.end + 60))) continue;
    // What someone else says: "X says its magnets are made in America".
    // What a producer says of its own magnets stands as a claim, unless the text disputes it
    // ("…says its magnets are American-made, but customs records show…") or withdrew it
    // ("the previous draft called Dunlin a domestic supplier").
    const reported = REPORTED.exec(clauseBefore);
    if (reported) {
      const speaker = clauseBefore.slice(0, reported.index);
      const firstPerson = /\b(?:we|our|us|I)\b/i.test(speaker);
      const third = THIRD_PARTY.test(speaker) || mentions.some((m) => m.start >= cs && m.start < cs + reported.index);
      const own = release && mentions.some((m) => m.strong && m.start >= cs && m.start < cs + reported.index);
      if (third && !firstPerson && !own && (DISPUTED.test(text) || DISPUTED.test(next?.text ?? '') || RETRACTED.test(text))) continue;
    }
    // Scare quotes around the domestic word keep the text's distance — not quotes around a
    // label the producer carries ("carry our 'Made in EU' mark").
    const span = text.slice(Math.max(0, f.start - 2), f.end + 2);
    if (SCARE_QUOTED.test(span) && !CARRIES_LABEL.test(text.slice(Math.max(0, f.start - 40), f.start))) continue;
    // Generic talk about an industry ("domestic magnet producers need support"), unless the
    // members are named, a producer is the subject, or it heads a section.
    if (f.head && GENERIC_HEAD.test(f.head) && !f.members && !unit.heading) {
      // Only a company-like name makes it specific (not a capitalised title word).
      const strong = mentions.filter((m) => m.strong);
      const agent = agentBefore(text, strong, cs, f.start);
      const namedAfter = strong.some((m) => m.start >= f.end);
      // "…the plant of Tarnava Magnetics SRL, which adds EU-made magnet capacity": the relative
      // clause speaks of the producer just named.
      const relativeToNamed = /,\s*(?:which|who)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(clauseBefore) && mentions.some((m) => m.end <= f.start);
      // "The company, one of the few domestic suppliers of …": said of the subject.
      const oneOf = /\bone\s+of\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu.test(clauseBefore);
      if (agent.kind === 'none' && !namedAfter && !relativeToNamed && !oneOf) continue;
    }
    // Keep the widest of overlapping spans.
    const overlap = claims.find((c) => c.start < f.end && f.start < c.end);
    if (overlap) {
      overlap.start = Math.min(overlap.start, f.start);
      overlap.end = Math.max(overlap.end, f.end);
      continue;
    }
    claims.push({ unit: unit.index, start: f.start, end: f.end, heading: unit.heading });
  }
  return claims.sort((a, b) => a.start - b.start);
}
