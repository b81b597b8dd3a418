import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDocument, ChunkCache } from '../../src/engine/document.js';
import { OPAQUE, toSource } from '../../src/engine/prose.js';

/** The prose of a document, blocks joined by " ¶ ", whitespace collapsed. */
function prose(source: string, kind: 'markdown' | 'text' = 'markdown', mode: 'fast' | 'full' = 'fast'): string {
  return buildDocument(source, { kind, mode })
    .blocks.map((b) => b.text.replace(/\s+/g, ' ').trim())
    .join(' ¶ ');
}

/** Source text of the first occurrence of `phrase` (searched in block prose, whitespace-insensitive). */
function sourceOf(source: string, phrase: RegExp, mode: 'fast' | 'full' = 'fast'): string | undefined {
  for (const b of buildDocument(source, { mode }).blocks) {
    const m = phrase.exec(b.text);
    if (m) return source.slice(toSource(b, m.index), toSource(b, m.index + m[0].length, true));
  }
  return undefined;
}

test('prose comes from paragraphs, headings, list items, table cells, quotes and footnotes', () => {
  const md = [
    '# Heading words',
    '',
    'A paragraph.',
    '',
    '- a list item',
    '',
    '> a quoted line',
    '',
    '| cell one | cell two |',
    '|---|---|',
    '| cell three | cell four |',
    '',
    'See the note.[^n]',
    '',
    '[^n]: footnote words',
  ].join('\n');
  for (const mode of ['fast', 'full'] as const) {
    assert.equal(
      prose(md, 'markdown', mode),
      `Heading words ¶ A paragraph. ¶ a list item ¶ a quoted line ¶ cell one ¶ cell two ¶ cell three ¶ cell four ¶ See the note.${OPAQUE} ¶ footnote words`,
    );
  }
});

test('code, inline code, HTML, comments, front matter, link destinations and autolinks are not prose', () => {
  const md = [
    '---',
    'title: domestic magnets',
    '---',
    '',
    'Text with `inline domestic` code, <span>html</span> and <!-- a domestic comment --> here.',
    '',
    '```',
    'domestic in a fence',
    '```',
    '',
    '    domestic in indented code',
    '',
    '<div>',
    'domestic in an HTML block',
    '</div>',
    '',
    'A [link text](https://example.com/domestic) and <https://example.com/x> and www.example.com too.',
  ].join('\n');
  const p = prose(md);
  assert.doesNotMatch(p, /domestic/);
  assert.match(p, /link text/);
  assert.equal(p, prose(md, 'markdown', 'full'));
});

test('a phrase maps back to exact source offsets across a hard wrap, a quote marker and emphasis', () => {
  const md = 'Our *domestic* magnets are\n> no, wait.\n\n> produced\n> domestically here.\n\nThe U.S.-made\n   magnets.';
  assert.equal(sourceOf(md, /domestic magnets/), '*domestic* magnets'.slice(1));
  assert.equal(sourceOf(md, /produced\s+domestically/), 'produced\n> domestically');
  assert.equal(sourceOf(md, /U\.S\.-made\s+magnets/), 'U.S.-made\n   magnets');
  assert.equal(sourceOf(md, /produced\s+domestically/, 'full'), 'produced\n> domestically');
});

test('entities and escapes map to their source spans', () => {
  const md = 'Tax &amp; trade \\*not emphasis\\* here.';
  const doc = buildDocument(md);
  const b = doc.blocks[0]!;
  assert.equal(b.text, 'Tax & trade *not emphasis* here.');
  const amp = b.text.indexOf('&');
  assert.equal(md.slice(toSource(b, amp), toSource(b, amp + 1, true)), '&amp;');
  const star = b.text.indexOf('*');
  assert.equal(md.slice(toSource(b, star), toSource(b, star + 1, true)), '\\*');
});

test('plain text: paragraphs split on blank lines, taken verbatim, HTML comments left out', () => {
  const txt = 'First para\nwraps here.\n\n  \nSecond <!-- hidden --> para.\r\n\r\nThird.';
  const doc = buildDocument(txt, { kind: 'text' });
  assert.deepEqual(
    doc.blocks.map((b) => b.text),
    ['First para\nwraps here.', `Second ${OPAQUE} para.`, 'Third.'],
  );
  assert.equal(doc.comments.length, 1);
});

test('the chunk cache reuses unchanged chunks after an edit', () => {
  const cache = new ChunkCache();
  const parts = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} with *emphasis* and text.`);
  buildDocument(parts.join('\n\n'), { cache });
  const before = cache.misses;
  parts[25] = 'Paragraph 25 was *edited*.';
  const doc = buildDocument(parts.join('\n\n'), { cache });
  assert.equal(cache.misses - before, 1, 'only the edited chunk is parsed again');
  assert.equal(doc.blocks[25]!.text, 'Paragraph 25 was edited.');
});

test('fast path and full parse agree on tricky structure', () => {
  const cases = [
    '- item\n\n  continued para\n\nnext',
    '1. one\n2. two\n\n10) ten',
    'para\n===\n\nsetext two\n---',
    '```\nfence\n\nwith blank\n```\nafter',
    '<!--\ncomment\n\nwith blank\n-->\nafter',
    '[ref]: https://example.com\n\nUse [the ref][ref] and [^1].\n\n[^1]: Note text.',
    '> quote\n> more\n\nlazy\ncontinuation',
    'Tabs\tinside\tline\n\n\tindented with tab',
    '# H1 #\n## H2 ##  \n###### H6\n####### not a heading',
    'Line one  \nhard break\\\nanother',
    '\u0000 nul char',
    'a | b\n-- | --\nc | d',
  ];
  for (const md of cases) {
    const fast = buildDocument(md).blocks.map((b) => [b.kind, b.text.replace(/\s+/g, ' ').trim(), b.base + b.start]);
    const full = buildDocument(md, { mode: 'full' }).blocks.map((b) => [b.kind, b.text.replace(/\s+/g, ' ').trim(), b.base + b.start]);
    assert.deepEqual(fast, full, JSON.stringify(md));
  }
});
