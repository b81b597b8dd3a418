// Finding reliance on blanks made abroad: "finishes sintered blocks imported from Ningbo",
// "rough magnets shipped in from Asia", "only finishes material sintered abroad" — and
// setting aside reliance that is negated, ended, supposed, or about firms in general.
import { agentBefore, type Agent, type Mention } from './entities.js';
import {
  BLANK_NOUN,
  clauseAround,
  FOREIGN_CORE,
  ENDED,
  ENDED_NEXT,
  GENERIC_AGENT,
  IMPORT_CUE,
  NEGATED_RELIANCE,
  NON_MAGNET_BLANK,
  NOW,
  OWN_BLANK,
  questionTest,
  REJECTED,
  SINTERED_ABROAD,
  supposed,
} from './lexicon.js';
import { cellIndex, type Unit } from './units.js';

export interface Evidence {
  unit: number;
  start: number;
  end: number;
  agent: Agent;
  /** About firms in general, trade statistics, or a gerund ("finishing imported blanks leaves…"). */
  generic: boolean;
  /** The words that say the material came from abroad ("imported", "Ningbo", "Quebec"). */
  cue: string;
  /**
   * Where the finishing happens, when the text puts it at a plant abroad ("its Gunma facility
   * grinds blocks imported from China"): no reliance for a U.S. claim, reliance for a claim
   * made for that place.
   */
  plant?: string;
}

// A gerund as the clause's subject ("because finishing imported blanks leaves…"); after a
// comma it is more likely a list of the producer's own steps ("slicing, grinding and coating blocks").
const GERUND =
  '(?:finishing|grinding|slicing|machining|cutting|importing|buying|sourcing|processing|coating|plating|magneti[sz]ing|assembling)';
const GERUND_SUBJECT = new RegExp(
  `(?:^\\s*["“']?\\s*|;\\s*|\\b(?:because|that|since|as|while|whether)\\s+)${GERUND}(?:[,\\s]+(?:or\\s+|and\\s+)?${GERUND})*\\s+(?:(?:a|an|the)\\s+)?(?:[\\p{L}-]+\\s+){0,3}$`,
  'iu',
);
// Aggregate flows ("U.S. imports of sintered blocks rose…"), not one producer's purchases.
const STATISTIC = /(?<!\b(?:its|their|our|his|her)\s+)\b(?:imports|shipments|exports|trade|purchases|sales|volumes?|tonnage|deliveries|flows?)\s+of\s+(?:[\p{L}-]+\s+){0,3}$/iu;
const GENERIC_SUBJECT = /^\s*["“'‘]?\s*(?:a|an|any)\s+(?:magnet|producer|company|firm|finisher|shop|manufacturer)\b/i;
// Material nouns other than blanks: a cue next to them is about them ("imports NdPr metal …
// and sinters it into blocks").
const OTHER_MATERIAL = /\b(?:metal|metals|oxides?|alloys?|powders?|flakes?|ingots?|scrap|swarf|concentrates?|feedstock|equipment|furnaces?|mills?|machines?|presses|tools?|steel|copper|motors?|magnets\s+(?:directly|finished))\b/i;
// After the blank noun, only another material (not the mill or sinterer it came from) takes the cue.
const OTHER_MATERIAL_AFTER = /\b(?:metal|metals|oxides?|alloys?|powders?|flakes?|ingots?|scrap|swarf|concentrates?|feedstock|steel|copper)\b/i;
// Blocks the producer makes ("sinters it into blocks", "presses its own blocks").
const OUTPUT = /\b(?:into|to\s+make|to\s+produce|produces|producing|sinters|sintering|presses|pressing|casts|makes|making)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
// The foreign place is where the blanks go, not where they come from ("exported as blanks
// to a partner in Monterrey").
const OUTBOUND = /\b(?:export(?:s|ed|ing)?|ships?|shipped|sells?|sold|sent|sends?|delivered|delivers?|supplies|supplied)\b[^;]{0,40}?\bto\b(?!\s+(?:us|me|our|its|the\s+company|the\s+plant)\b)[^;]{0,40}$/i;

const PRONOUN_BLANKS = /\b(?:import(?:s|ed|ing)?|buy(?:s|ing)?|bought|sourc(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|gets?|got)\s+them\b/gi;

/** Is the cue at `at` the destination of an outbound movement, with no "from" in between? */
function outbound(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const m = OUTBOUND.exec(before);
  return !!m && !/\bfrom\b/i.test(before.slice(m.index));
}
// A plant abroad that does the finishing ("its plant in Saltillo, Mexico finishes blanks…").
const FINISH_VERB = /\b(?:finish(?:es|ed)?|slices?|sliced|grinds?|ground|machines?|machined|coats?|coated|cuts?|processes|processed|magneti[sz]es|magneti[sz]ed)\b/i;
const FOREIGN_PLANT = new RegExp(
  String.raw`\b(?:plant|facility|site|works|operation|factory|subsidiary|affiliate|unit|line)s?\s+(?:in|at|near)\s+(?:[\p{Lu}][\p{L}'’.-]*[\s,]+){0,3}?(?:${FOREIGN_CORE.source})|(?:${FOREIGN_CORE.source})\s+(?:plant|facility|site|works|operation|factory|subsidiary|affiliate)`,
  'iu',
);

/** Does the clause's end date lie in the future ("through 2027" read in 2026)? */
function futureEnd(clause: string, year: number): boolean {
  const m = /\b(?:until|through|till|to)\s+(?:[\p{L}.-]+\s+){0,5}?((?:19|20)\d{2})\b|\b(?:19|20)\d{2}\s*[–—-]\s*((?:19|20)\d{2})\b/iu.exec(clause);
  return !!m && +(m[1] ?? m[2])! >= year;
}

export function findEvidence(unit: Unit, mentions: Mention[], next?: Unit, year = new Date().getFullYear()): Evidence[] {
  const text = unit.text;
  // The next sentence may end the reliance ("That ended in March 2025").
  if (next && ENDED_NEXT.test(next.text)) return [];
  const out: Evidence[] = [];
  let lastNegatedEnd = -1;
  const candidates: { start: number; end: number }[] = [];
  for (const m of text.matchAll(BLANK_NOUN)) candidates.push({ start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(SINTERED_ABROAD)) {
    // "sintering alloy made from NdPr metal purchased in Vietnam": the place is the metal's.
    if (/^sintering/i.test(m[0]) && /\b(?:from|metal|oxide|alloy|powder|flake|ingot)\b/i.test(m[0])) continue;
    // Across table cells only from a row label to its value ("| Sintering | China |"), not from
    // one producer's column to the next.
    if (unit.cells) {
      const a = cellIndex(unit, m.index);
      if (a > 0 && a !== cellIndex(unit, m.index + m[0].length - 1)) continue;
    }
    candidates.push({ start: m.index, end: m.index + m[0].length });
  }
  // "…no longer buys blanks from Baotou; it now imports them from Ganzhou": a pronoun taking
  // up blanks named earlier in the sentence.
  let firstBlank = -1;
  for (const c of candidates) if (firstBlank < 0 || c.start < firstBlank) firstBlank = c.start;
  if (firstBlank >= 0) {
    for (const m of text.matchAll(PRONOUN_BLANKS)) if (m.index > firstBlank) candidates.push({ start: m.index, end: m.index + m[0].length });
  }
  candidates.sort((a, b) => a.start - b.start);

  // A question asks about reliance, it does not report it.
  const asks = questionTest(text);
  let cellAt = 0;
  let previousEnd = 0;
  for (const c of candidates) {
    if (asks(c.start)) continue;
    const [cs, ce] = clauseAround(text, c.start, c.end);
    // What precedes belongs to this noun only back to the previous one.
    const from = Math.max(cs, previousEnd, c.start - 60);
    previousEnd = c.end;
    const before = text.slice(from, c.start);
    if (NON_MAGNET_BLANK.test(before) || OWN_BLANK.test(before)) continue;
    // The noun as a modifier: "Chinese block prices", "blank imports rose".
    if (/^[\s\u00a0]+(?:prices?|markets?|shortages?|tariffs?|volumes?|statistics|trade)\b/i.test(text.slice(c.end, c.end + 20))) continue;
    // A form field that answers "none": "Imported blanks, blocks or semi-finished magnets used: None".
    if (/^[^:.;|\n]{0,80}:[ \t]*(?:none|no|n\/a|nil|zero|0)\.?[ \t]*(?:\n|$)/i.test(text.slice(c.end))) continue;
    // A table row that answers "none": "| Imported blanks | None |".
    if (unit.row && unit.cells) {
      // Candidates come in text order: the cell pointer only moves forward.
      while (cellAt < unit.cells.length && unit.cells[cellAt]!.end < c.end) cellAt++;
      const cell = unit.cells[cellAt];
      const answer = cell && cell.start <= c.start ? unit.cells[cellAt + 1] : undefined;
      if (answer && /^\s*(?:none|no|n\/a|nil|zero|0\s*%?|[—–-])\s*$/i.test(text.slice(answer.start, answer.end))) continue;
    }
    // Coordinated with a negated noun: "no imported blanks or semi-finished magnets".
    if (lastNegatedEnd >= 0 && /^[\s,]*(?:or|and|nor|,)[\s\u00a0]+(?:[\p{L}-]+[\s\u00a0]+){0,2}$/iu.test(text.slice(lastNegatedEnd, c.start))) {
      lastNegatedEnd = c.end;
      continue;
    }
    // "None of its magnets are cut from imported billets": a negative subject opens the clause.
    const negSubject = /^\s*(?:none|no|neither)\b/i.test(text.slice(cs, c.start)) && !/\b(?:but|except|only|yet)\b/i.test(text.slice(cs, c.start));
    if (negSubject || NEGATED_RELIANCE.test(text.slice(Math.max(cs, c.start - 50), c.start))) {
      lastNegatedEnd = c.end;
      continue;
    }
    // Something must say the material came from abroad, and be about this noun: not about
    // another material next to it, not where blocks are sent, not the producer's own output.
    // Blocks the producer makes itself — unless it makes them abroad ("sinters its blocks at a
    // subsidiary plant in Hai Phong, Vietnam").
    // (The place must be where they are made: up to the end of the phrase, not a later "and
    // labels them Made in France".)
    if (OUTPUT.test(text.slice(Math.max(cs, c.start - 40), c.start)) && !FOREIGN_CORE.test(text.slice(c.end, Math.min(ce, c.end + 70)).split(/[.;]|\s(?:and|but|while|which)\s/)[0]!)) continue;
    const own = IMPORT_CUE.test(text.slice(c.start, c.end)); // "material sintered in China"
    const cueBefore = lastCue(text.slice(from, c.start));
    const afterText = text.slice(c.end, Math.min(ce, c.end + 90));
    const cueAfter = IMPORT_CUE.exec(afterText);
    const beforeOk = cueBefore >= 0 && !OTHER_MATERIAL.test(text.slice(from + cueBefore, c.start)) && !outbound(text, from + cueBefore);
    const afterOk = !!cueAfter && !OTHER_MATERIAL_AFTER.test(afterText.slice(0, cueAfter.index)) && !outbound(text, c.end + cueAfter.index);
    if (!own && !beforeOk && !afterOk) continue;
    const cue = own
      ? text.slice(c.start, c.end)
      : afterOk
        ? cueAfter![0]
        : IMPORT_CUE.exec(text.slice(from + cueBefore, c.start))![0];
    const lead = text.slice(cs, c.start);
    const plantAt = FOREIGN_PLANT.exec(lead);
    const plant = plantAt && FINISH_VERB.test(lead.slice(plantAt.index)) ? plantAt[0] : undefined;
    const clauseText = text.slice(cs, ce);
    // Reliance that has ended ("until 2024", "no longer imports") and is not said to continue.
    // An end date still ahead ("contracted … through 2027") is no end.
    if (ENDED.test(clauseText) && !/\b(?:still|continues?|continued)\b/i.test(clauseText) && !futureEnd(clauseText, year)) continue;
    // A later clause that ends it ("…imported blanks; it stopped in 2023 and now sinters its
    // own") — not an earlier one, which tells what came before ("no longer buys blanks from
    // Baotou; it now imports them from Ganzhou").
    if (ENDED.test(text.slice(ce)) && NOW.test(text) && !/\b(?:still|continues?)\b/i.test(text)) continue;
    if (REJECTED.test(clauseText)) continue;
    // Suppositions: "if the plant used imported blanks", "were it to source blanks abroad".
    const sentenceBefore = text.slice(0, c.start);
    if (supposed(sentenceBefore, clauseText)) continue;
    const clauseBefore = text.slice(cs, c.start);
    // Legal norms ("…a blank produced abroad shall not be sufficient") speak of no producer.
    const norm = /\bshall\b/i.test(text);
    // A plural kind of firm as the subject ("most U.S. finishers import their blanks").
    const plural = /\b(?:finishers|firms|companies|producers|makers|manufacturers|shops|suppliers|importers|businesses)\b/i.exec(clauseBefore);
    const pluralAgent =
      !!plural &&
      // The subject, near the clause start — not "we depend on a small number of suppliers".
      clauseBefore.slice(0, plural.index).trim().split(/\s+/).length <= 8 &&
      !/\b(?:we|our|us|I)\b/i.test(clauseBefore) &&
      !/(?:\b(?:our|its|their|his|her)|['’]s)\s+(?:[\p{L}-]+\s+)?$/iu.test(clauseBefore.slice(0, plural.index)) &&
      !mentions.some((m) => m.start >= cs && m.start < c.start && !m.oblique);
    // "As a producer that finishes imported blocks, we…" describes the speaker, not firms in general.
    const selfDescribed = /\bas\s+an?\s+(?:producer|company|firm|finisher|shop|manufacturer|maker|supplier)\s+(?:that|which|who)\b/i.test(clauseBefore);
    const generic =
      norm ||
      pluralAgent ||
      (GENERIC_AGENT.test(clauseBefore) && !selfDescribed) || GERUND_SUBJECT.test(clauseBefore) || STATISTIC.test(clauseBefore) || GENERIC_SUBJECT.test(clauseBefore);
    out.push({ unit: unit.index, start: c.start, end: c.end, agent: agentBefore(text, nearest(mentions, cs, c.start), cs, c.start), generic, cue, ...(plant ? { plant } : {}) });
  }
  return out;
}

/** Offset of the last import cue in `text`, or -1. */
function lastCue(text: string): number {
  let at = -1;
  const re = new RegExp(IMPORT_CUE.source, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  return at;
}

/** Mentions in [from, to), nearest first, so the agent is the closest subject before the evidence. */
function nearest(mentions: Mention[], from: number, to: number): Mention[] {
  return mentions.filter((m) => m.start >= from && m.start < to).reverse();
}
