// Statutory and regulatory citations in prose, for hovers on citations the KB has no entry
// for. The same forms are scoped by syntaxes/citations.injection.tmLanguage.json (Oniguruma
// regexes there, JavaScript ones here); test/unit/grammar/citations.test.ts checks both on
// one list of samples.

export type CitationKind = 'statute' | 'regulation' | 'public-law' | 'bill' | 'federal-register' | 'tariff';

export interface CitationMatch {
  kind: CitationKind;
  /** What kind of citation this is, in words, for the hover. */
  description: string;
  text: string;
  start: number;
  end: number;
}

// Pinpoints such as (c)(1)(iii).
const PIN = String.raw`(?:\([a-zA-Z0-9]{1,5}\))*`;
// A section number: 45X, 4872, 45X-45Y.
const SEC = String.raw`\d{1,5}[A-Z]{0,3}(?:[-–]\d{1,5}[A-Z]{0,3})?`;

interface Form {
  kind: CitationKind;
  re: RegExp;
  describe(m: RegExpExecArray): string;
}

const FORMS: Form[] = [
  {
    kind: 'statute',
    re: new RegExp(String.raw`\b(\d{1,2})\s?U\.\s?S\.\s?C\.\s?(?:§§?\s?)?${SEC}${PIN}|\b(\d{1,2})\s?USC\s(?:§§?\s?)?${SEC}${PIN}`, 'g'),
    describe: (m) => `United States Code, title ${m[1] ?? m[2]}: a section of federal statute.`,
  },
  {
    kind: 'statute',
    re: new RegExp(String.raw`§§?\s?${SEC}(?:\.\d+(?:-\d+)?)?${PIN}`, 'g'),
    describe: () => 'A section citation (§): a section of a statute or regulation; the surrounding text says which code.',
  },
  {
    kind: 'regulation',
    re: new RegExp(String.raw`\b(\d{1,2})\s?C\.?\s?F\.?\s?R\.?\s(?:(?:part|pt\.|§§?)\s?)?\d{1,4}(?:\.\d{1,5})?(?:-\d{1,4})?${PIN}`, 'g'),
    describe: (m) => `Code of Federal Regulations, title ${m[1]}: a federal regulation.`,
  },
  {
    kind: 'regulation',
    re: new RegExp(String.raw`\b(DFARS|FAR)\s(?:§\s?)?\d{1,3}\.\d{1,4}(?:-\d{1,4})?${PIN}`, 'g'),
    describe: (m) =>
      m[1] === 'DFARS'
        ? 'Defense Federal Acquisition Regulation Supplement (48 CFR chapter 2): a Department of Defense procurement rule or contract clause.'
        : 'Federal Acquisition Regulation (48 CFR chapter 1): a federal procurement rule or contract clause.',
  },
  {
    kind: 'public-law',
    re: /\b(?:Pub\.\s?L\.|P\.\s?L\.)\s(?:No\.\s)?(\d{2,3})-\d{1,3}\b/g,
    describe: (m) => `Public Law of the ${ordinal(+m[1]!)} Congress: an enacted act.`,
  },
  {
    kind: 'bill',
    re: /(?<![\w.])H\.\s?R\.\s?\d{1,5}\b/g,
    describe: () => 'A House bill: proposed legislation, not law unless enacted (check its status).',
  },
  {
    kind: 'bill',
    re: /(?<![\w.])S\.\s?\d{1,5}\b/g,
    describe: () => 'A Senate bill: proposed legislation, not law unless enacted (check its status).',
  },
  {
    kind: 'federal-register',
    re: /\b(\d{1,3})\s(?:FR|Fed\.\sReg\.)\s\d{1,6}\b/g,
    describe: (m) => `Federal Register, volume ${m[1]}: a rule, proposed rule or notice as published (page cited).`,
  },
  {
    kind: 'tariff',
    re: /\bHTS(?:US|A)?\s(?:(?:sub)?heading\s)?\d{4}(?:\.\d{2}(?:\.\d{2,4})?)?\b/g,
    describe: () => 'Harmonized Tariff Schedule of the United States: a customs classification (heading or subheading).',
  },
];

/** The citations in a line of text, leftmost first; overlapping forms keep the longer match. */
export function findCitations(text: string): CitationMatch[] {
  const all: CitationMatch[] = [];
  for (const f of FORMS) {
    f.re.lastIndex = 0;
    for (let m = f.re.exec(text); m; m = f.re.exec(text)) {
      all.push({ kind: f.kind, description: f.describe(m), text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CitationMatch[] = [];
  for (const c of all) if (!out.length || c.start >= out[out.length - 1]!.end) out.push(c);
  return out;
}

/** The citation covering a column of a line, if any. */
export function citationAt(line: string, column: number): CitationMatch | undefined {
  return findCitations(line).find((c) => column >= c.start && column <= c.end);
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}
