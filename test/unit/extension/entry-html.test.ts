// The entry page's HTML: a strict CSP with a nonce, nothing loaded from outside the extension,
// every KB string escaped, external links only as indexes into the page's own http(s) list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORY_LABELS, statusLine, type KbEntry } from '../../../src/engine/api.js';
import { entryPageHtml, entryPageTitle, type EntryPageInput } from '../../../src/extension/entry-page/html.js';
import { renderMarkdownSubset } from '../../../src/extension/entry-page/markdown-subset.js';
import { bundledKb } from '../../helpers.js';
import { HOSTILE } from './hostile-entry.js';

const kb = bundledKb();
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = 'n0nceN0nceN0nceN0nceN0nce12';

function page(entry: KbEntry) {
  const input: EntryPageInput = {
    entry,
    related: entry.related.map((id) => kb.get(id)).filter((e): e is KbEntry => !!e),
    statusLine: statusLine(entry),
    categoryLabel: (c) => CATEGORY_LABELS[c],
    cspSource: CSP_SOURCE,
    nonce: NONCE,
    styleUri: `${CSP_SOURCE}/ext/media/entry.css`,
    scriptUri: `${CSP_SOURCE}/ext/media/entry.js`,
  };
  return entryPageHtml(input);
}

function tags(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
}

test('the CSP is strict and nonce-based, and is the first thing in <head>', () => {
  const { html } = page(kb.get('magnet-blank')!);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(csp, 'CSP meta present');
  assert.equal(csp[1], `default-src 'none'; style-src ${CSP_SOURCE} 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; img-src ${CSP_SOURCE}`);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'), 'CSP before any resource');
  const scripts = tags(html, 'script');
  assert.equal(scripts.length, 1);
  assert.match(scripts[0]!, new RegExp(`nonce="${NONCE}"`));
  assert.match(html, /<title>Policy Lens: magnet blank<\/title>/);
  assert.equal(entryPageTitle({ term: 'magnet blank' }), 'Policy Lens: magnet blank');
});

test('nothing is loaded from outside the extension; external links are href="#" with an index', () => {
  for (const e of kb.entries.values()) {
    const { html, links } = page(e);
    for (const m of html.matchAll(/\b(src|href)="([^"]*)"/g)) {
      const url = m[2]!;
      assert.ok(url === '#' || url.startsWith(`${CSP_SOURCE}/`), `${e.id}: ${m[1]}="${url}" would load or navigate outside`);
    }
    assert.doesNotMatch(html, /\burl\(|@import|<img|<iframe|<object|<embed|<form|\son\w+=/i, e.id);
    for (const l of links) assert.match(l, /^https?:\/\//, `${e.id}: ${l}`);
    const indexes = [...html.matchAll(/data-link="(\d+)"/g)].map((m) => +m[1]!);
    for (const i of indexes) assert.ok(i < links.length, `${e.id}: data-link ${i} has a URL`);
    assert.equal(new Set(indexes).size, links.length, `${e.id}: every link is used`);
  }
});

test('the page shows the entry: status and dates, caveat, summary, why, body, every citation, related entries', () => {
  const e = kb.get('section-45x')!;
  const { html, links } = page(e);
  assert.match(html, /<h1>section 45X<\/h1>/);
  assert.match(html, /<span class="status status-current">current, effective 2023-01-01, ends 2033-12-31<\/span>/);
  assert.match(html, /<section class="caveat" role="note"><strong>Not confirmed:<\/strong> Statute text read/);
  assert.match(html, /<section class="why"><h2>Why it matters<\/h2><p>Drafts often call 45X/);
  assert.match(html, /<section class="body"><h2>In detail<\/h2>\n<p>Section 45X of the Internal Revenue Code/);
  assert.match(html, /<ul><li>The Senate-amended text phases down/);
  assert.equal((html.match(/<section class="citations"><h2>Sources<\/h2><ol>([^]*?)<\/ol>/)![1]!.match(/<li>/g) ?? []).length, e.citations.length);
  for (const c of e.citations) assert.ok(links.includes(new URL(c.url).href), c.url);
  assert.match(html, /<span class="badge secondary">secondary source<\/span>/);
  assert.match(html, /<a href="#" data-entry="inflation-reduction-act">Inflation Reduction Act of 2022<\/a>/);
  assert.match(html, /Bundled entry · id section-45x/);
});

test('a hostile entry: script, HTML and links in the KB are shown as text; only its https links are openable', () => {
  const { html, links } = page(HOSTILE);
  const body = html.slice(html.indexOf('<body>'));
  assert.equal(tags(body, 'script').length, 1, 'only the page script');
  assert.doesNotMatch(body, /<(?:img|iframe|style|b)\b/i);
  assert.ok(body.includes('&lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt;'));
  assert.ok(body.includes('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;'));
  assert.ok(body.includes('&lt;a href=&quot;https://evil.example&quot;&gt;raw link&lt;/a&gt;'));
  assert.ok(body.includes('&lt;style&gt;body{display:none}&lt;/style&gt;'));
  assert.ok(body.includes('<code>&lt;code&gt;</code>'));
  assert.ok(body.includes('bad <span class="url">(javascript:alert(1))</span>'), 'a javascript: link is text');
  assert.ok(body.includes('cmd <span class="url">(command:workbench.action.quit)</span>'), 'a command: link is text');
  assert.deepEqual(links, ['https://example.org/a_%28b%29?q=%3Cx%3E', 'https://example.org/4', 'https://example.org/body-link', 'https://example.org/auto']);
  assert.match(body, /Team entry: \/team\/\.policylens\/kb\/hostile-entry\.md/);
  assert.match(body, /data-entry="magnet-blank"/);
  assert.doesNotMatch(body, /does-not-exist/);
});

test('the Markdown subset: paragraphs, headings, lists, emphasis, code, links', () => {
  const links: string[] = [];
  const html = renderMarkdownSubset(
    [
      '# Heading',
      'A paragraph with **bold**, *italic*, _also italic_, snake_case_word and `code <x>`,',
      'continued on a second line.',
      '',
      '- one',
      '  continued',
      '* two with [a link](https://example.org/x)',
      '',
      '3. three',
      '4. four <https://example.org/y>',
    ].join('\n'),
    (u) => links.push(u) - 1,
  );
  assert.equal(
    html,
    [
      '<h3>Heading</h3>',
      '<p>A paragraph with <strong>bold</strong>, <em>italic</em>, <em>also italic</em>, snake_case_word and <code>code &lt;x&gt;</code>, continued on a second line.</p>',
      '<ul><li>one continued</li><li>two with <a href="#" data-link="0" class="external">a link</a> <span class="url">(https://example.org/x)</span></li></ul>',
      '<ol><li>three</li><li>four <a href="#" data-link="1" class="external">https://example.org/y</a></li></ol>',
    ].join('\n'),
  );
  assert.deepEqual(links, ['https://example.org/x', 'https://example.org/y']);
});
