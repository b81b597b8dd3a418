// The engine bugs the fuzz and pathological-input tests found, each as its shrunk input:
// the fast path must give what the full parse gives (block by block, character by
// character), and the result must be the right one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDocument } from '../../src/engine/document.js';
import { lintText } from '../../src/engine/lint.js';
import { IN_LIST, toSource } from '../../src/engine/prose.js';
import { bundledKb } from '../helpers.js';
import { blockView, checkResult } from './check.js';

const TODAY = '2026-06-01';

/** Fast path = full parse on `text`; returns the fast path's blocks as [kind, prose, containers, absolute start]. */
function agree(text: string): [string, string, number, number][] {
  assert.deepEqual(blockView(text, 'fast'), blockView(text, 'full'), JSON.stringify(text));
  return buildDocument(text).blocks.map((b) => [b.kind, b.text.replace(/\s+/g, ' ').trim(), b.containers, b.base + b.start]);
}

/** The source text a block's prose maps back to. */
function sourceOfProse(text: string, word: string): string[] {
  const out: string[] = [];
  for (const b of buildDocument(text).blocks) {
    for (let i = b.text.indexOf(word); i !== -1; i = b.text.indexOf(word, i + 1)) out.push(`${toSource(b, i)}:${text.slice(toSource(b, i), toSource(b, i + word.length, true))}`);
  }
  return out;
}

test('text around a bare www/email literal keeps its source offsets (the autolink transform leaves no positions)', () => {
  const text = 'A www.example.com domestic and [www.example.com domestic][ref] x@y.org here.';
  agree(text);
  const at = (k: number) => text.indexOf('domestic', k);
  assert.deepEqual(sourceOfProse(text, 'domestic'), [`${at(0)}:domestic`, `${at(at(0) + 1)}:domestic`]);
  const r = lintText(text, bundledKb(), { today: TODAY });
  checkResult(text, r);
  assert.deepEqual(
    r.terms.filter((t) => t.text === 'domestic').map((t) => t.start.offset),
    [at(0), at(at(0) + 1)],
  );
});

test('an unclosed "---" on the first line is not front matter, and lists after it are lists', () => {
  for (const text of ['---\nfoo\n\n- a', '---\r\n\r\n> a', '+++\nfoo\n\n1. a']) {
    const blocks = agree(text);
    assert.notEqual(blocks[blocks.length - 1]![2], 0, `${JSON.stringify(text)}: the last block is in a list or quote`);
  }
});

test('a later chunk that starts with "---", text, "---" is a thematic break and a heading, not front matter', () => {
  assert.deepEqual(agree('text\n\n---\nSome heading\n---\n'), [
    ['paragraph', 'text', 0, 0],
    ['heading', 'Some heading', 0, 10],
  ]);
});

test('list items of different chunks are different items', () => {
  const text = 'Domestic producers:\n\n- Quarrow Magnet Works\n\nAnd:\n\n- Fernhill Magnetics';
  agree(text);
  const items = buildDocument(text).blocks.filter((b) => b.containers & IN_LIST).map((b) => b.item);
  assert.deepEqual(items, [text.indexOf('- Quarrow'), text.indexOf('- Fernhill')]);
});

test('link and footnote definitions resolve wherever they are: in list items, one after another, over two lines', () => {
  const cases: [string, string][] = [
    ['Use [b] here.\n\n[a]: /a\n[b]: /b', 'Use b here.'],
    ['Use [b] here.\n\n- [b]: /b', 'Use b here.'],
    ['Use [b c] here.\n\n[b\nc]: /b', 'Use b c here.'],
    ['Use [b] here.\n\n> [b]: /b', 'Use b here.'],
    ['See the note[^1] and [ref].\n\n10.  > - [ref]: https://example.com\n\n> [^1]: The note.', 'See the note\uFFFC and ref.'],
  ];
  for (const [text, prose] of cases) assert.equal(agree(text)[0]![1], prose, JSON.stringify(text));
});

test('what only looks like a definition is text: indented code, a paragraph continuation', () => {
  assert.equal(agree('Use [b] here.\n\n    [b]: /b')[0]![1], 'Use [b] here.');
  assert.equal(agree('Use [b] here.\n\nSee\n[b]: /b')[0]![1], 'Use [b] here.');
});

test('definitions reach a last chunk that ends inside an unclosed fence', () => {
  assert.deepEqual(agree('[S. 1979]:c\n\n[S. 1979]\n~~~'), [['paragraph', 'S. 1979', 0, 13]]);
});

test('a list after indented code and a blank line (the parser does not start it at 2)', () => {
  for (const text of ['    code\n\n2. a', '\tcode\n\n2) a', '    code\n\n-\n  b', 'x\n\n    code\n\n> 2) | a |\n>    | --- |']) agree(text);
});

test('a fence closing inside a list item, then a real fence: the rest of the document is code', () => {
  const text = '- ```\n  ```\n\n  [domestic][ref]\n- domestic\n\n```\n\n*domestic';
  const blocks = agree(text);
  assert.equal(blocks.length, 2);
  assert.ok(blocks.every(([, , , start]) => start < text.lastIndexOf('```')));
});

test('a leading BOM: headings and front matter after it are seen, offsets count it', () => {
  assert.deepEqual(agree('\uFEFF# Head domestic\n\ntext'), [
    ['heading', 'Head domestic', 0, 1],
    ['paragraph', 'text', 0, 18],
  ]);
  assert.deepEqual(agree('\uFEFF---\ntitle: x\n---\n\ntext'), [['paragraph', 'text', 0, 19]]);
  // A second U+FEFF is text, in the first chunk and in a later one.
  for (const [text, prose, at] of [['\uFEFF\uFEFFabc', '\uFEFFabc', 1], ['a\n\n\uFEFF*b*', '\uFEFFb', 3]] as const) {
    agree(text);
    const b = buildDocument(text).blocks.at(-1)!;
    assert.deepEqual([b.text, b.base + b.start], [prose, at]);
  }
});

test('a plain-text document of 200,000 paragraphs does not overflow the stack', () => {
  const text = 'A short paragraph.\n\n'.repeat(200_000);
  const r = lintText(text, bundledKb(), { kind: 'text', today: TODAY, withoutTerms: true });
  assert.equal(r.partial, undefined);
});

test('1 MB of lone-CR lines is scanned in linear time', () => {
  const t0 = performance.now();
  buildDocument('word\r'.repeat(200_000));
  assert.ok(performance.now() - t0 < 3000, `${(performance.now() - t0).toFixed(0)} ms`);
});

test('CRLF and CR line breaks read as "\\n" in both modes (block text was longer in the full parse)', () => {
  const text = 'Para *one*\r\nline two\r\n\r\nPara two\r\nline\rthree';
  agree(text);
  assert.deepEqual(
    buildDocument(text, { mode: 'full' }).blocks.map((b) => b.text),
    ['Para one\nline two', 'Para two\nline\nthree'],
  );
});
