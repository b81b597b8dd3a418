// Who a unit talks about: company names (and first-person "we"), without a parser.
// A name is a run of capitalised words ending in a company word ("Vantor Magnetics",
// "Cobalt Mesa Inc."), or a capitalised word that such a name starts with, or a capitalised
// word that acts as a subject ("Tern buys…", "Everholt's magnets"). Its key is its first word.
import { COMPANY_SUFFIX, FOREIGN_PLACE, NOT_A_NAME } from './lexicon.js';

export interface Mention {
  key: string;
  start: number;
  end: number;
  /** Follows a preposition ("from Vantor Magnetics", "at Kellner's plant"): not a subject. */
  oblique: boolean;
  /** A company name (has a company word, or is known as one), or a subject before its verb. */
  strong: boolean;
  /** The key is complete (a company word ended it). */
  sealed?: boolean;
}

/** Same producer: equal keys, or one is the short form of the other ("Ellery" / "Ellery Torque"). */
export function sameEntity(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

export function hasEntity(set: Iterable<string>, key: string): boolean {
  for (const k of set) if (sameEntity(k, key)) return true;
  return false;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
// Words before a name that make it a person ("Commissioner Patel") or a place that
// modifies a noun ("our Boise facility", "its Georgia plant"): not a producer subject.
const TITLES = new Set(['cfo', 'coo', 'cto', 'vp', 'chief', 'chair', 'chairwoman', 'president', 'commissioner', 'senator', 'sen', 'rep', 'representative', 'mr', 'mrs', 'ms', 'dr', 'ceo', 'president', 'governor', 'secretary', 'chairman', 'chair', 'director', 'officer', 'judge', 'minister', 'mayor', 'dean', 'professor', 'prof']);
const POSSESSIVES = new Set(['our', 'its', 'their', 'his', 'her', 'my', 'your', 'the', 'this', 'that', 'a', 'an']);
// Nouns after a place name that make it a modifier ("the Beloit cell", "its Georgia plant").
const FACILITY = /^(?:plant|plants|cell|site|facility|factory|works|line|shop|hall|center|centre|operation|furnace|furnaces|campus|location|mill|office|team|crew)$/i;
// Street words: "1400 Industrial Ave." is an address.
const STREET = /^(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Dr|Drive|Way|Lane|Ln|Pkwy|Parkway|Hwy|Highway|Court|Ct|Place|Pl|Suite)$/;
// A name after a role noun is an appositive description ("its partner Vessey Holdings").
const ROLES = new Set(['partner', 'subsidiary', 'affiliate', 'parent', 'owner', 'customer', 'client', 'competitor', 'rival', 'sister', 'group', 'distributor', 'sinterer']);
const PREPOSITIONS = new Set(['unlike', 'like', 'besides', 'in', 'at', 'from', 'of', 'to', 'by', 'near', 'outside', 'with', 'for', 'into', 'on', 'than', 'via', 'under', 'through', 'between', 'behind']);
const SUBJECT_VERB =
  /^(?:buys|bought|imports|imported|sinters|sintered|finishes|finished|makes|made|produces|produced|manufactures|slices|grinds|machines|cuts|receives|received|purchases|purchased|procures|sources|sourced|obtains|operates|ships|supplies|uses|relies|depends|continues|renewed|casts|presses|mills|is|was|has|had|gets|got|sells|markets|labels|calls|says|said|plans|will|now|also|only|still|performs|processes|runs|owns|officials)$/i;
const US_STATES = new Set(
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming'.split(' '),
);

interface Tok {
  text: string;
  bare: string; // without a trailing possessive or period
  start: number;
  end: number;
  possessive: boolean;
}

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let t = m[0];
    let end = m.index + t.length;
    // Sentence punctuation glued on by the word pattern.
    while (t.length > 1 && /[.'’-]$/.test(t) && !/^(?:Co|Inc|Corp|Ltd|Jr|Sr|St)\.$/.test(t)) {
      t = t.slice(0, -1);
      end--;
    }
    const possessive = /['’]s$/.test(t);
    const bare = possessive ? t.slice(0, -2) : t;
    out.push({ text: t, bare, start: m.index, end, possessive });
  }
  return out;
}

function capitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

function plausibleName(word: string): boolean {
  // A hyphenated word counts by its first part ("American-made" is not a name).
  const w = word.split(/[-\u2010\u2011]/)[0]!;
  return (
    w.length > 1 &&
    capitalised(w) &&
    !NOT_A_NAME.has(w) &&
    !/\d/.test(w) &&
    !(w.length > 1 && w === w.toUpperCase()) &&
    !FOREIGN_PLACE.test(w) &&
    !US_STATES.has(w)
  );
}

/** A title goes on after the company word ("Critical Minerals Strategy"): not a company. */
function titleGoesOn(text: string, toks: Tok[], i: number): boolean {
  const after = toks[i + 1];
  return !!after && capitalised(after.bare) && !COMPANY_SUFFIX.test(after.bare) && text.slice(toks[i]!.end, after.start).trim() === '';
}

/**
 * Names of people the text introduces with a title or role ("chief financial officer Lena
 * Park", "our quality lead, Ana Brooks"): not producers.
 */
export function personNames(text: string): Set<string> {
  const names = new Set<string>();
  const toks = tokens(text);
  for (let i = 0; i < toks.length - 1; i++) {
    const word = toks[i]!.bare.toLowerCase();
    const role = PERSON_ROLES.has(word);
    if (!TITLES.has(word) && !role) continue;
    const full: string[] = [];
    for (let j = i + 1; j < toks.length && j <= i + 3; j++) {
      const t = toks[j]!;
      const gap = text.slice(toks[j - 1]!.end, t.start);
      if (!capitalised(t.bare) || !(/^\s+$/.test(gap) || (role && j === i + 1 && /^,\s+$/.test(gap))) || COMPANY_SUFFIX.test(t.bare)) break;
      names.add(t.bare);
      full.push(t.bare);
    }
    if (full.length > 1) names.add(full.join(' '));
  }
  return names;
}
const PERSON_ROLES = new Set(['lead', 'engineer', 'manager', 'spokesperson', 'spokeswoman', 'spokesman', 'founder', 'cofounder', 'co-founder', 'owner', 'analyst', 'technician', 'supervisor', 'operator', 'foreman', 'head', 'witness', 'economist', 'professor', 'researcher']);

/** First words of company names ("Vantor" for "Vantor Magnetics of Spartanburg"). */
export function companyKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const toks = tokens(text);
  for (let i = 1; i < toks.length; i++) {
    if (!COMPANY_SUFFIX.test(toks[i]!.bare) || !capitalised(toks[i]!.bare)) continue;
    if (titleGoesOn(text, toks, i)) continue;
    // Walk back over the capitalised words before the company word.
    let j = i - 1;
    while (j >= 0 && capitalised(toks[j]!.bare) && !toks[j]!.possessive && text.slice(toks[j]!.end, toks[j + 1]!.start).trim() === '') j--;
    let first = j + 1;
    while (first < i && NOT_A_NAME.has(toks[first]!.bare)) first++;
    if (first < i && plausibleName(toks[first]!.bare)) keys.add(toks[first]!.bare);
    // Words of the name after the first also identify it ("Tarrow Finishing" vs "Tarrow Sinter").
  }
  return keys;
}

/**
 * Names mentioned in a unit. `known`: company keys found anywhere near; `heading`: a title,
 * where capitalisation says nothing, so only known names count.
 */
export function mentions(text: string, known: ReadonlySet<string>, heading: boolean): Mention[] {
  const out: Mention[] = [];
  // A line that is only a label ("Production", "2. Capability", "Supply Chain") names no one.
  const labels: [number, number][] = [];
  if (text.includes('\n')) {
    let at = 0;
    for (const line of text.split('\n')) {
      if (/^\s*(?:[\d.]+\s+)?(?:\p{Lu}[\p{L}-]*\s*){1,4}[:.]?\s*$/u.test(line) && !COMPANY_WORD.test(line)) labels.push([at, at + line.length]);
      at += line.length + 1;
    }
  }
  const toks = tokens(text).filter((t) => !labels.some(([a, b]) => t.start >= a && t.end <= b));
  let person = -1; // end offset of a person's name being skipped ("CFO Dev Anand")
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    if (person >= 0 && prev && prev.end === person && capitalised(t.bare) && /^\s+$/.test(gap)) {
      person = t.end;
      continue;
    }
    person = -1;
    // Continuation of a name already taken ("Gresham Magnet Co.", "Cobalt Mesa Inc.").
    if (prev && capitalised(t.bare) && !prev.possessive && /^[ \t\u00a0]+$/.test(gap) && out.length && out[out.length - 1]!.end === prev.end) {
      const last = out[out.length - 1]!;
      last.end = t.end;
      // The key is the name without its company word: "Tarrow Finishing", "Cobalt Mesa", "Vantor".
      if (!COMPANY_SUFFIX.test(t.bare) && !last.sealed && !/\d/.test(t.bare)) last.key += ` ${t.bare}`;
      else last.sealed = true;
      continue;
    }
    if (!plausibleName(t.bare)) continue;
    // A city before its state ("Prairie Wind Magnetics, Pueblo, Colorado, grinds…").
    if (!known.has(t.bare) && (prev?.end ?? -1) !== t.start - 1 && CITY_STATE.test(text.slice(t.end, t.end + 24))) continue;
    // "Phase I", "Option 2", "Lot 7": a label, not a name.
    if (toks[i + 1] && /^(?:\d+[A-Za-z]?|[IVX]{1,4})$/.test(toks[i + 1]!.bare) && text.slice(t.end, toks[i + 1]!.start) === ' ') continue;
    const sentenceStart = !prev || /[.:!?;(\[•*|)>\/-]\s*$/.test(text.slice(0, t.start)) || /[:;]\s*$/.test(gap);
    const next = toks[i + 1];
    const company = known.has(t.bare) || (!!next && COMPANY_SUFFIX.test(next.bare) && capitalised(next.bare) && !titleGoesOn(text, toks, i + 1));
    let isName: boolean;
    let strong = company;
    if (company) isName = true;
    else if (heading) isName = false;
    else if (sentenceStart) {
      // "Tern buys…", "Everholt's magnets"; not a capitalised verb or gerund ("Finishes sintered blanks", "Using…").
      isName =
        !SUBJECT_VERB.test(t.bare) &&
        !/ing$/.test(t.bare) &&
        (t.possessive ||
          (!!next && SUBJECT_VERB.test(next.bare) && !/^[,;:]/.test(text.slice(t.end, next.start).trim())) ||
          // A two-word proper name opening a clause ("Narrows Finishing, which…").
          (!!next && capitalised(next.bare) && !/\d/.test(next.bare) && next.bare !== next.bare.toUpperCase() && !/^[A-Z]{2,}s$/.test(next.bare) && text.slice(t.end, next.start) === ' '));
      strong = isName;
    } else isName = true;
    if (!isName) continue;
    const before = prev?.bare.toLowerCase() ?? '';
    if (TITLES.has(before) && /^\s+$/.test(gap)) {
      person = t.end;
      continue;
    }
    // A place before a facility noun, or after a possessive or article, modifies a noun.
    const modifier =
      !company &&
      ((!!prev && (POSSESSIVES.has(before) || prev.possessive || /^\d+$/.test(prev.bare)) && /^\s+$/.test(gap)) ||
        (!!next && (FACILITY.test(next.bare) || STREET.test(next.bare))) ||
        // A trade name before a process or material noun ("Parylene coating").
        (!!next && MATERIAL_NOUN.test(next.bare) && /^\s+$/.test(text.slice(t.end, next.start))));
    // The agent of a passive ("are manufactured in the United States by Corrie Vale") is the producer.
    // Not after a pronoun subject, which keeps the topic ("They are supplied by Corbel…": the
    // magnets just named, from their supplier).
    const passiveAgent =
      before === 'by' && /^\s+$/.test(gap) && PASSIVE_BEFORE.test(text.slice(Math.max(0, prev!.start - 80), prev!.start)) && !/^\s*(?:they|it|these|those|both)\b/i.test(text);
    const oblique = !passiveAgent && (modifier || (!!prev && (PREPOSITIONS.has(before) || ROLES.has(before)) && /^\s+$/.test(gap)));
    // A name whose first word opens the sentence ("Ellery Torque's magnets"): key on that word.
    let start = t.start;
    let key = t.bare;
    if (prev && capitalised(prev.bare) && plausibleName(prev.bare) && !prev.possessive && /^\s+$/.test(gap)) {
      start = prev.start;
      key = prev.bare;
    }
    // A name that a relative clause describes ("Hobart Finishing, which cuts blanks…") is that clause's subject.
    const relative = !oblique && /^[^,.;:]*?,\s*(?:which|who|whose)\b/.test(text.slice(t.end, t.end + 40)) && !/[.;:]/.test(text.slice(t.end, text.indexOf(',', t.end)));
    out.push({ key, start, end: t.end, oblique, strong: strong || relative || passiveAgent || (!oblique && !!next && SUBJECT_VERB.test(next.bare)) });
  }
  return out;
}

const PASSIVE_BEFORE = /\b(?:is|are|was|were|been|being)\s+(?:[\p{L}-]+\s+){0,2}?(?:made|manufactured|produced|built|supplied|sourced|finished|sintered|cast|magneti[sz]ed|machined)\b[^.;:]{0,60}$/iu;
const CITY_STATE = new RegExp(`^,\\s*(?:${[...US_STATES].join('|')}|[A-Z]{2})\\b`);
const COMPANY_WORD = /\b(?:Magnetics|Magnet|Magnets|Inc|LLC|Ltd|Corp|Co|GmbH|AG|SRL|SpA|Company|Corporation)\b/;
const MATERIAL_NOUN = /^(?:coating|coatings|plating|finish|treatment|process|technology|resin|film|layer|grade|grades|alloy|powder|epoxy|lacquer)$/;

const FIRST_PERSON = /\b(?:we|our|us|ours)\b/i;

export type Agent = { kind: 'name'; key: string } | { kind: 'we' } | { kind: 'none' };

/** The subject side of a clause: the first name (not after a preposition) before `pos`. */
export function agentBefore(text: string, mentionsInUnit: Mention[], clauseStart: number, pos: number): Agent {
  for (const m of mentionsInUnit) {
    if (m.start < clauseStart || m.start >= pos) continue;
    if (!m.oblique) return { kind: 'name', key: m.key };
  }
  if (FIRST_PERSON.test(text.slice(clauseStart, pos))) return { kind: 'we' };
  return { kind: 'none' };
}
