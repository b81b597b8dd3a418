// Hover cards: what a writer reads on a KB term, and that nothing a KB entry says can become
// HTML, a script or a link to anything but its http(s) sources and Policy Lens's own commands.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORY_LABELS, statusLine, type Finding, type KbEntry } from '../../../src/engine/api.js';
import { entryHoverMarkdown, findingHoverMarkdown, termHoverMarkdown, type HoverDeps } from '../../../src/extension/hover/hover-markdown.js';
import { HOVER_COMMANDS } from '../../../src/extension/ids.js';
import { bundledKb } from '../../helpers.js';
import { HOSTILE } from './hostile-entry.js';
import { renderPermissive, urlsIn } from './render-markdown.js';

const kb = bundledKb();
const deps: HoverDeps = { lookup: (id) => kb.get(id), statusLine, categoryLabel: (c) => CATEGORY_LABELS[c] };
const entry = (id: string) => kb.get(id)!;

/** Links in rendered hover HTML are http(s) or a command this extension allows in hovers. */
function assertSafeLinks(html: string): void {
  for (const url of urlsIn(html)) {
    if (/^https?:\/\//.test(url)) continue;
    const m = /^command:([^?]+)/.exec(url);
    assert.ok(m && HOVER_COMMANDS.includes(m[1]!), `unexpected link target ${url}`);
  }
}

test('a term card shows term, category, status with dates, caveat, summary, why, 3 citations, related links and review date', () => {
  const e = entry('section-45x');
  const md = entryHoverMarkdown(e, deps);
  const html = renderPermissive(md);
  assert.match(html, /<strong>section 45X<\/strong> · Incentives · current, effective 2023-01-01, ends 2033-12-31/);
  assert.match(html, /<em>Not confirmed:<\/em> Statute text read is the pre-July 2025/);
  assert.ok(html.includes(e.summary.slice(0, 40).replace(/"/g, '&quot;')));
  assert.match(html, /<em>Why it matters:<\/em> Drafts often call 45X/);
  const cites = [...html.matchAll(/<li><a href="(https?:[^"]+)">/g)].map((m) => m[1]);
  assert.equal(cites.length, 3, 'top three citations as links');
  assert.match(html, /KPMG TaxNewsFlash[^<]*<\/a>, 2024-10-24 <em>\(secondary source\)<\/em>/);
  assert.match(html, /2 more on the entry page/);
  assert.match(html, /<em>Related:<\/em> <a href="command:policyLens\.openEntry\?%5B%22inflation-reduction-act%22%5D"[^>]*>Inflation Reduction Act of 2022<\/a>/);
  assert.match(html, /Reviewed 2026-11-28/);
  assertSafeLinks(html);
});

test('an ambiguous term shows one card per entry, separated by a rule', () => {
  const md = termHoverMarkdown([entry('magnet-blank'), entry('sintering')], deps);
  const html = renderPermissive(md);
  assert.equal((html.match(/<hr \/>/g) ?? []).length, 1);
  assert.match(html, /<strong>magnet blank<\/strong>/);
  assert.match(html, /<strong>sintering<\/strong>/);
});

test('a hostile entry: no HTML, no script, no command or javascript link, and its text still reads as written', () => {
  const md = entryHoverMarkdown(HOSTILE, deps);
  const html = renderPermissive(md);
  assert.doesNotMatch(html, /<(?:script|img|iframe|b|style)\b/i, html);
  assertSafeLinks(html);
  // Only the one https citation became a link; its parentheses and angle brackets are encoded.
  const external = urlsIn(html).filter((u) => u.startsWith('http'));
  assert.deepEqual(external, ['https://example.org/a_%28b%29?q=%3Cx%3E']);
  // The text is shown, escaped, not dropped.
  assert.ok(html.includes('magnet [run](command:workbench.action.terminal.new) &lt;b&gt;blank&lt;/b&gt;'));
  assert.ok(html.includes('&lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt;'));
  assert.ok(html.includes('&amp;lt;b&amp;gt;'), 'an entity in KB text stays literal');
  assert.ok(html.includes('https://evil.example/x'), 'a bare URL in KB text is text, not a link');
  assert.ok(html.includes('Bad ](command:workbench.action.quit) title'), 'a citation with a refused URL keeps its title, unlinked');
  // The unknown related id is left out; the known one links to its entry.
  assert.match(html, /<em>Related:<\/em> <a href="command:policyLens\.openEntry\?%5B%22magnet-blank%22%5D"/);
  assert.match(html, /team entry/);
});

test('a finding card: rule, what it checks, the entries involved as links, the rule docs', () => {
  const f: Finding = {
    ruleId: 'domestic-claim-imported-blanks',
    severity: 'error',
    message: 'ignored here: the diagnostic shows it',
    start: { offset: 0, line: 1, column: 1 },
    end: { offset: 5, line: 1, column: 6 },
    related: [],
    entries: ['magnet-blank', 'no-such-entry', 'domestic'],
    fixes: [],
  };
  const html = renderPermissive(findingHoverMarkdown(f, 'A "domestic" claim about magnets <finished> from imported blanks.', deps));
  assert.match(html, /<strong>Policy Lens · domestic-claim-imported-blanks<\/strong> \(error\)/);
  assert.match(html, /&lt;finished&gt;/);
  assert.doesNotMatch(html, /ignored here/);
  assert.match(html, /<em>Entries involved:<\/em> <a href="command:policyLens\.openEntry\?%5B%22magnet-blank%22%5D"[^>]*>magnet blank<\/a> · <a [^>]*>domestic<\/a>/);
  assert.match(html, /<a href="command:policyLens\.openRuleDocs\?%5B%22domestic-claim-imported-blanks%22%5D">About this rule<\/a>/);
  assertSafeLinks(html);
});

test('every bundled entry renders to safe hover HTML', () => {
  for (const e of kb.entries.values()) {
    const html = renderPermissive(entryHoverMarkdown(e as KbEntry, deps));
    assert.doesNotMatch(html, /<(?:script|img|iframe|style)\b/i, e.id);
    assertSafeLinks(html);
  }
});
