// Generators for the engine's property and fuzz tests (fast-check).
//
//   structuredMarkdown  Markdown built from a grammar of blocks and inlines, filled with words
//                       from a vocabulary of KB terms and the flagship rule's words, so that
//                       findings and term matches actually occur.
//   mutatedText         random slices of the fixtures and the shared corpus with random
//                       insertions, deletions and duplications of markup characters, line
//                       breaks (LF, CRLF, lone CR), BOM, NUL, tabs and unusual Unicode.
//   edit                a random edit of a text (for the incremental-cache property).
//
// Run counts: FUZZ_RUNS per property (POLICY_LENS_FUZZ_RUNS, default 300 in CI).
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledKb, ROOT, SHARED } from '../helpers.js';

/** Inputs per property: bounded in CI, longer with POLICY_LENS_FUZZ_RUNS=N. */
export const FUZZ_RUNS = (() => {
  const n = Number(process.env.POLICY_LENS_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : 300;
})();

/**
 * Replaying a failure: fast-check prints its seed and path; POLICY_LENS_FUZZ_SEED=seed (and
 * POLICY_LENS_FUZZ_PATH=path for the shrunk case itself) run it again.
 */
export const FUZZ_SEED = process.env.POLICY_LENS_FUZZ_SEED !== undefined ? Number(process.env.POLICY_LENS_FUZZ_SEED) : undefined;
export const FUZZ_PATH = process.env.POLICY_LENS_FUZZ_PATH || undefined;

// ------------------------------------------------------------------ vocabulary

/** The flagship rule's words and phrases: claims, blanks evidence, places, producers. */
const FLAGSHIP = [
  'domestic', 'domestically produced', 'U.S.-made', 'U.S. made', 'American-made', 'made in USA', 'Made in the USA',
  'domestic source', 'domestic supplier', 'domestic magnet producer', 'all-American supply chain', 'homegrown',
  'magnets', 'NdFeB magnets', 'SmCo magnets', 'rotor magnets', 'sintered blocks', 'sintered NdFeB blocks', 'blanks',
  'magnet blanks', 'imported blanks', 'unfinished magnets', 'semi-finished magnets', 'billets', 'rough blocks',
  'imported from Ningbo', 'from producers in Baotou', 'from a supplier in Japan', 'shipped in from Asia', 'Ganzhou',
  'slices', 'grinds', 'coats', 'magnetizes', 'finishes them', 'wire-cuts', 'sinters its own blocks', 'in Dayton',
  'in Reno', 'in Tulsa, Oklahoma', 'in Spartanburg', 'Fernhill Magnetics', 'Quarrow Magnet Works', 'Gresham Magnet Co.',
  'the company', 'its plant', 'buys', 'sources', 'never used', 'no longer', 'until 2023', 'Chinese', 'China',
];

/** Words of policy text around the terms. */
const FILLER = [
  'the', 'a', 'of', 'and', 'or', 'is', 'are', 'for', 'to', 'in', 'that', 'which', 'with', 'its', 'program', 'supplier',
  'credit', 'section', 'Sec.', 'No.', 'e.g.', 'i.e.', 'U.S.', 'U.S.C.', 'Pub. L.', 'H.R.', 'S. 1979', 'Inc.', 'Corp.',
  'Dr.', 'Mr.', 'etc.', 'J. Okafor', '§', '§ 45X', '2025', '10%', '$4.2 million', '(a)', '(1)', '—', '–', '"quoted"',
  '‘single’', '“curly”', '…', 'café', 'naïve', 'Straße', 'İstanbul', 'ﬁnished', '日本', '😀', 'x\u0301', '\u00a0',
];

let vocab: string[] | undefined;
/** KB terms and aliases, the flagship words and filler. */
export function vocabulary(): string[] {
  if (vocab) return vocab;
  const kb: string[] = [];
  for (const e of bundledKb().entries.values()) {
    kb.push(e.term);
    for (const a of e.aliases) kb.push(a.text);
  }
  vocab = [...new Set([...FLAGSHIP, ...FLAGSHIP, ...kb, ...FILLER, ...FILLER, ...FILLER])];
  return vocab;
}

/** Full sentences from the claim cases, so that claims and their evidence co-occur. */
let sentencesCache: string[] | undefined;
function caseSentences(): string[] {
  if (sentencesCache) return sentencesCache;
  const out: string[] = [];
  for (const t of caseTexts()) for (const s of t.split(/(?<=[.!?])\s+/)) if (s.length > 20 && s.length < 400 && !/[\r\n]/.test(s)) out.push(s);
  sentencesCache = out.slice(0, 2000);
  return sentencesCache;
}

// ------------------------------------------------------------------ structured Markdown

const word = () => fc.constantFrom(...vocabulary());
const phrase = (max = 6) => fc.array(word(), { minLength: 1, maxLength: max }).map((w) => w.join(' '));
/** Prose a policy writer would write: a phrase, or a whole sentence from the claim cases. */
const prose = () => fc.oneof({ arbitrary: phrase(), weight: 6 }, { arbitrary: fc.constantFrom(...caseSentences()), weight: 1 });

const REFS = ['ref', 'dfars', 'S. 1979', 'n1', 'Foo Bar'];
const FOOTNOTES = ['1', 'n', 'note-a'];
const URLS = ['https://example.com/domestic', 'http://x.org/a_b*c', '/relative/path', '<https://example.com/a b>', '#anchor', ''];

function leafInline(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: prose(), weight: 12 },
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), phrase(3)).map(([n, t]) => `${'`'.repeat(n)}${t}${'`'.repeat(n)}`), weight: 2 },
    { arbitrary: fc.constantFrom('<https://example.com/domestic>', '<mailto:a@b.org>', '<a@example.org>', '<http://x.y/z?q=1&r=2>'), weight: 1 },
    { arbitrary: fc.constantFrom('www.example.com', 'www.commerce.gov/bis.', 'https://www.federalregister.gov/d/2025-1', 'ops@example.org', 'http://a.b/c_(d)'), weight: 1 },
    { arbitrary: fc.constantFrom('&amp;', '&nbsp;', '&#39;', '&#x2014;', '&copy;', '&unknownentity;', '&#0;', '&#x1F600;', '&', '&amp'), weight: 1 },
    { arbitrary: fc.constantFrom('\\*', '\\_', '\\[', '\\]', '\\\\', '\\`', '\\#', '\\|', '\\&', '\\<', '\\a'), weight: 1 },
    { arbitrary: fc.constantFrom('<span>', '</span>', '<b>domestic</b>', '<br/>', '<!-- note -->', '<!-- policy-lens-disable-line -->', '<a href="x">', '<?pi?>'), weight: 1 },
    { arbitrary: fc.constantFrom(...FOOTNOTES).map((f) => `[^${f}]`), weight: 1 },
    { arbitrary: fc.constantFrom(...REFS).map((r) => `[${r}]`), weight: 1 },
    { arbitrary: fc.tuple(phrase(3), fc.constantFrom(...URLS)).map(([t, u]) => `![${t}](${u})`), weight: 1 },
  );
}

function inline(depth: number): fc.Arbitrary<string> {
  if (depth <= 0) return leafInline();
  const inner = () => inlines(depth - 1);
  return fc.oneof(
    { arbitrary: leafInline(), weight: 6 },
    { arbitrary: fc.tuple(fc.constantFrom('*', '_', '**', '__', '~~', '~', '***'), inner()).map(([d, t]) => `${d}${t}${d}`), weight: 2 },
    { arbitrary: fc.tuple(inner(), fc.constantFrom(...URLS), fc.option(fc.constantFrom('"title"', "'t'", '(t)'))).map(([t, u, ti]) => `[${t}](${u}${ti ? ' ' + ti : ''})`), weight: 1 },
    { arbitrary: fc.tuple(inner(), fc.constantFrom(...REFS, '')).map(([t, r]) => `[${t}][${r}]`), weight: 1 },
    // Unbalanced delimiters: half an emphasis, a lone bracket.
    { arbitrary: fc.tuple(fc.constantFrom('*', '_', '**', '[', ']', '`', '<', '~~'), inner()).map(([d, t]) => `${d}${t}`), weight: 1 },
  );
}

const SEPS = [' ', ' ', ' ', '', ', ', '. ', '; ', ' — '];
function inlines(depth: number): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(inline(depth), fc.constantFrom(...SEPS)), { minLength: 1, maxLength: depth > 0 ? 3 : 4 })
    .map((parts) => parts.map(([t, s], i) => (i === parts.length - 1 ? t : t + s)).join(''));
}

/** Lines of a paragraph, with soft and hard line breaks. */
function paragraphLines(): fc.Arbitrary<string[]> {
  return fc
    .array(fc.tuple(inlines(1), fc.constantFrom('', '', '', '  ', '\\', ' ')), { minLength: 1, maxLength: 3 })
    .map((ls) => ls.map(([t, br], i) => (i < ls.length - 1 ? t + br : t)))
    // A paragraph line must not start like another block; keep generated ones prose-like.
    .map((ls) => ls.map((l) => l.replace(/^[ \t]+/, '')));
}

function leafBlock(): fc.Arbitrary<string[]> {
  return fc.oneof(
    { arbitrary: paragraphLines(), weight: 10 },
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inlines(1), fc.constantFrom('', ' #', ' ###', ' #x')).map(([n, t, c]) => [`${'#'.repeat(n)} ${t}${c}`]), weight: 3 },
    { arbitrary: fc.tuple(paragraphLines(), fc.constantFrom('===', '---', '=', '-  ', '====  ')).map(([ls, u]) => [...ls, u]), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('```', '~~~', '````', '``` text', '~~~ md'), fc.array(prose(), { maxLength: 3 }), fc.boolean())
        .map(([f, body, closed]) => [f, ...body, ...(closed ? [f.replace(/ .*/, '')] : [])]),
      weight: 2,
    },
    { arbitrary: fc.array(prose(), { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => '    ' + l)), weight: 1 },
    {
      arbitrary: fc.tuple(fc.constantFrom('div', 'table', 'p', 'details', 'pre', 'script'), fc.array(prose(), { maxLength: 2 })).map(([tag, body]) => [`<${tag}>`, ...body, `</${tag}>`]),
      weight: 1,
    },
    { arbitrary: fc.array(prose(), { maxLength: 2 }).map((body) => ['<!--', ...body, '-->']), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '<!-- policy-lens-disable domestic-claim-imported-blanks -->',
        '<!-- policy-lens-enable -->',
        '<!-- policy-lens-disable-next-line -->',
        '<!-- policy-lens-disable-file preferred-term -->',
      ).map((c) => [c]),
      weight: 1,
    },
    { arbitrary: table(), weight: 2 },
    { arbitrary: fc.constantFrom('***', '---', '___', '* * *', '- - -').map((t) => [t]), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...REFS), fc.constantFrom(...URLS.filter(Boolean)), fc.constantFrom('', ' "Title"', " 'T'")).map(([r, u, t]) => [`[${r}]: ${u}${t}`]), weight: 1 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...FOOTNOTES), paragraphLines(), fc.option(paragraphLines())).map(([f, ls, more]) => [
        `[^${f}]: ${ls[0]}`,
        ...ls.slice(1).map((l) => '    ' + l),
        ...(more ? ['', ...more.map((l) => '    ' + l)] : []),
      ]),
      weight: 1,
    },
  );
}

function table(): fc.Arbitrary<string[]> {
  return fc.integer({ min: 1, max: 4 }).chain((cols) => {
    const cell = () => fc.oneof({ arbitrary: inlines(1), weight: 4 }, { arbitrary: fc.constant(''), weight: 1 }, { arbitrary: fc.constant('a \\| b'), weight: 1 });
    const row = () => fc.array(cell(), { minLength: 1, maxLength: cols + 1 });
    return fc
      .tuple(fc.array(cell(), { minLength: cols, maxLength: cols }), fc.array(fc.constantFrom('---', ':--', '--:', ':-:'), { minLength: cols, maxLength: cols }), fc.array(row(), { maxLength: 4 }), fc.boolean())
      .map(([head, delim, rows, pipes]) => {
        const line = (cells: string[]) => (pipes || cells.length < 2 ? `| ${cells.join(' | ')} |` : cells.join(' | '));
        return [line(head), line(delim), ...rows.map(line)];
      });
  });
}

const BULLETS = ['-', '*', '+', '1.', '2)', '10.', '1)'];

function block(depth: number): fc.Arbitrary<string[]> {
  if (depth <= 0) return leafBlock();
  return fc.oneof(
    { arbitrary: leafBlock(), weight: 8 },
    { arbitrary: list(depth - 1), weight: 2 },
    { arbitrary: quote(depth - 1), weight: 2 },
  );
}

/** Blocks separated by blank lines, or sometimes by nothing (then they may merge or interrupt). */
function blocks(depth: number, max: number): fc.Arbitrary<string[]> {
  return fc
    .array(fc.tuple(block(depth), fc.constantFrom('\n', '\n', '\n', '', '\n\n')), { minLength: 1, maxLength: max })
    .map((bs) => bs.flatMap(([ls, sep], i) => (i === 0 ? ls : sep === '' ? ls : sep === '\n' ? ['', ...ls] : ['', '', ...ls])));
}

function list(depth: number): fc.Arbitrary<string[]> {
  return fc
    .tuple(fc.constantFrom(...BULLETS), fc.array(blocks(depth, 2), { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
    .map(([marker, items, loose, lazy]) => {
      const pad = ' '.repeat(marker.length + 1);
      const out: string[] = [];
      items.forEach((lines, i) => {
        if (i > 0 && loose) out.push('');
        lines.forEach((l, k) => {
          if (k === 0) out.push(`${marker} ${l}`);
          else if (l === '') out.push('');
          // A lazy continuation line: no indentation (a paragraph continues anyway).
          else out.push(lazy && k === 1 ? l : pad + l);
        });
      });
      return out;
    });
}

function quote(depth: number): fc.Arbitrary<string[]> {
  return fc.tuple(blocks(depth, 2), fc.constantFrom('> ', '>', ' > '), fc.boolean()).map(([lines, prefix, lazy]) =>
    lines.map((l, k) => (l === '' ? prefix.trimEnd() : lazy && k === lines.length - 1 && k > 0 ? l : prefix + l)),
  );
}

const FRONT_MATTER = fc.constantFrom(
  ['---', 'title: Domestic magnets brief', 'tags: [magnets, 45X]', '---'],
  ['+++', 'title = "U.S.-made magnets"', '+++'],
  ['---', '---'],
  ['---', 'unterminated: front matter'],
);

export type LineEnd = 'lf' | 'crlf' | 'cr' | 'mixed';

function joinLines(lines: string[], ends: LineEnd, pick: number[]): string {
  if (ends === 'lf') return lines.join('\n');
  if (ends === 'crlf') return lines.join('\r\n');
  if (ends === 'cr') return lines.join('\r');
  const seps = ['\n', '\r\n', '\r'];
  return lines.map((l, i) => (i === lines.length - 1 ? l : l + seps[(pick[i % pick.length] ?? 0) % 3])).join('');
}

/** A Markdown document from the block and inline grammar. */
export function structuredMarkdown(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.option(FRONT_MATTER, { freq: 6 }),
      blocks(3, 6),
      fc.constantFrom<LineEnd>('lf', 'lf', 'lf', 'lf', 'crlf', 'cr', 'mixed'),
      fc.array(fc.nat(2), { minLength: 1, maxLength: 8 }),
      fc.constantFrom('', '\n', '\n\n'),
    )
    .map(([fm, body, ends, pick, trailing]) => joinLines([...(fm ? [...fm, ''] : []), ...body], ends, pick) + trailing.replace(/\n/g, ends === 'crlf' ? '\r\n' : ends === 'cr' ? '\r' : '\n'));
}

// ------------------------------------------------------------------ real text, mutated

function caseTexts(): string[] {
  const out: string[] = [];
  const files = [path.join(SHARED, 'claims', 'cases.jsonl'), ...listFiles(path.join(ROOT, 'test', 'fixtures', 'claims')).filter((f) => f.endsWith('.jsonl'))];
  for (const f of files) {
    if (!fs.existsSync(f)) continue;
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const t = (JSON.parse(line) as { text?: unknown }).text;
        if (typeof t === 'string') out.push(t);
      } catch {
        // not a JSON line; skip
      }
    }
  }
  return out;
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listFiles(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

export interface Seed {
  name: string;
  text: string;
}

let seedsCache: { files: Seed[]; cases: Seed[] } | undefined;
/** Real text: the fixtures and the shared corpus (files), and the claim cases (each case one seed). */
export function seeds(): { files: Seed[]; cases: Seed[] } {
  if (seedsCache) return seedsCache;
  const files: Seed[] = [];
  const fixtureFiles = listFiles(path.join(ROOT, 'test', 'fixtures')).filter((f) => /\.(md|txt|markdown)$/.test(f));
  const corpusFiles = [...listFiles(path.join(SHARED, 'corpus'))].filter((f) => /\.(md|txt)$/.test(f));
  for (const f of [...fixtureFiles, ...corpusFiles]) files.push({ name: path.relative(path.dirname(ROOT), f), text: fs.readFileSync(f, 'utf8') });
  const cases = caseTexts().map((text, i) => ({ name: `claim case ${i}`, text }));
  seedsCache = { files, cases };
  return seedsCache;
}

/** Characters and strings the mutations insert. */
export const MARKUP = [
  '*', '_', '`', '[', ']', '(', ')', '<', '>', '#', '-', '+', '|', '!', '\\', '&', ';', '~', '=', ':', '"', "'", '.',
  '**', '__', '```', '~~~', '[^1]', '](x)', '<!--', '-->', '> ', '- ', '* ', '1. ', '1) ', '    ', '|---|', '| a |', '---',
  '===', '[ref]: /u', '&amp;', '&#x0;', '<div>', '</div>', '<https://x.y>', 'www.x.com', 'U.S.', 'domestic', ' blanks',
  '\n', '\n', '\n\n', '\r\n', '\r', '\r\r\n', '\n\r', '\t', '\uFEFF', '\0', '\u00a0', '\u2028', '\u2029', '\u200b',
  '\u0301', '😀', '\ud800', '\udc00', 'İ', 'ß', 'ﬁ', 'Σ', '\uFFFC', '\uFFFD', '\u0085', '\u000b', '\u000c',
];

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...MARKUP) }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 3 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }), weight: 1 },
);

export function applyMutation(text: string, m: Mutation): string {
  const at = text.length ? m.at % (text.length + 1) : 0;
  if (m.op === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  if (m.op === 'delete') return text.slice(0, at) + text.slice(at + m.len);
  return text.slice(0, at) + text.slice(at, at + m.len) + text.slice(at);
}

export interface MutatedInput {
  seed: string;
  text: string;
}

/** A random slice (up to `maxLen` characters) of a real text, randomly mutated. */
export function mutatedText(maxLen = 2500): fc.Arbitrary<MutatedInput> {
  return fc
    .record({
      file: fc.boolean(),
      seed: fc.nat(),
      start: fc.nat(),
      len: fc.integer({ min: 0, max: maxLen }),
      lineEnds: fc.constantFrom<'keep' | LineEnd>('keep', 'keep', 'keep', 'crlf', 'cr'),
      mutations: fc.array(mutation, { maxLength: 16 }),
    })
    .map(({ file, seed, start, len, lineEnds, mutations }) => {
      const { files, cases } = seeds();
      const all = file || !cases.length ? files : cases;
      const s = all[seed % all.length]!;
      const from = s.text.length > len ? start % (s.text.length - len + 1) : 0;
      let text = s.text.slice(from, from + len);
      if (lineEnds === 'crlf') text = text.replace(/\r?\n/g, '\r\n');
      else if (lineEnds === 'cr') text = text.replace(/\r?\n/g, '\r');
      for (const m of mutations) text = applyMutation(text, m);
      return { seed: `${s.name} [${from}, +${len}]`, text };
    });
}

// ------------------------------------------------------------------ edits

export interface Edit {
  at: number;
  del: number;
  text: string;
}

/** An editor-like edit: typing a word or markup, deleting a stretch, adding or removing a blank line. */
export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  del: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 200 })),
  text: fc.oneof(fc.constant(''), fc.constantFrom(...MARKUP), fc.constantFrom(...FLAGSHIP).map((w) => ' ' + w), fc.constantFrom('\n\n', '\n\n# Heading\n\n', '\n- item\n', '\n\n| a |\n|---|\n| domestic |\n')),
});

export function applyEdit(text: string, e: Edit): string {
  const at = text.length ? e.at % (text.length + 1) : 0;
  return text.slice(0, at) + e.text + text.slice(at + e.del);
}
