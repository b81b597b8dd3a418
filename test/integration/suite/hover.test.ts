// Hover cards through VS Code's own hover pipeline (vscode.executeHoverProvider): KB terms,
// findings, and citations the KB has no entry for.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { statusLine } from '../../../src/engine/kb/status.js';
import { CATEGORY_LABELS } from '../../../src/engine/kb/types.js';
import { HOVER_COMMANDS } from '../../../src/extension/ids.js';
import { bundledKb, closeAllEditors, wsUri } from './helpers.js';

async function hoverAt(uri: vscode.Uri, line: number, needle: string, offsetInNeedle = 1): Promise<{ md: vscode.MarkdownString[]; hovers: vscode.Hover[]; doc: vscode.TextDocument }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const col = doc.lineAt(line).text.indexOf(needle);
  assert.ok(col >= 0, `"${needle}" is not on line ${line + 1} of ${uri.path}`);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col + offsetInNeedle))) ?? [];
  const md = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
  return { md, hovers, doc };
}

/** Every `command:` link target in a Markdown string. */
const commandLinks = (md: string) => [...md.matchAll(/\]\((command:[^)\s?]+)/g)].map((m) => m[1]!.slice('command:'.length));

suite('Hovers', () => {
  suiteTeardown(closeAllEditors);

  test('a KB term: term, category and status, summary, why, the first citations, the entry link; only the hover commands are trusted', async () => {
    const uri = wsUri('rules/domestic-claim-imported-blanks.md');
    const { md, hovers, doc } = await hoverAt(uri, 3, 'sintered NdFeB blocks', 3);
    const card = md.find((m) => m.value.startsWith('**magnet blank**'));
    assert.ok(card, `no magnet blank card among ${md.length} hover parts: ${md.map((m) => m.value.slice(0, 60)).join(' | ')}`);
    const v = card.value;
    // Expected from the KB bundle the extension ships: KB text is shown as literal Markdown
    // (ASCII punctuation backslash-escaped, whitespace folded), links are the citations' URLs.
    const e = bundledKb().get('magnet-blank')!;
    const esc = (t: string) => t.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
    const url = (u: string) => new URL(u).href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    const label = CATEGORY_LABELS[e.category as keyof typeof CATEGORY_LABELS];
    assert.ok(v.startsWith(`**${esc(e.term)}** · ${esc(label)} · ${esc(statusLine(e as Parameters<typeof statusLine>[0]))}\n\n`), v.slice(0, 120));
    if (e.caveat) assert.ok(v.includes(`*Not confirmed:* ${esc(e.caveat)}`), 'the caveat');
    assert.ok(v.includes(`\n\n${esc(e.summary)}\n\n`), 'the summary');
    assert.ok(v.includes(`*Why it matters:* ${esc(e.why)}`), 'why it matters');
    // The first three citations, linked to their sources, and how many more the entry page has.
    assert.ok(e.citations.length > 3, 'the entry has more than three citations');
    const cites = e.citations
      .slice(0, 3)
      .map((c, i) => `${i + 1}. [${esc(c.title)}](${url(c.url)}), ${esc(c.date)}${c.kind === 'secondary' ? ' *(secondary source)*' : ''}`)
      .join('\n');
    assert.ok(v.includes(`*Sources:*\n\n${cites}\n\n${e.citations.length - 3} more on the entry page.`), `the sources: ${v.slice(v.indexOf('*Sources:*'), v.indexOf('*Sources:*') + 400)}`);
    const related = e.related.filter((id) => bundledKb().has(id)).map((id) => `[${esc(bundledKb().get(id)!.term)}](command:policyLens.openEntry?${encodeURIComponent(JSON.stringify([id]))} "Open the entry")`);
    assert.ok(v.includes(`*Related:* ${related.join(' · ')}`), 'the related entries, as links that open them');
    assert.ok(v.endsWith(`Reviewed ${esc(e.reviewed)} · [Open entry](command:policyLens.openEntry?%5B%22magnet-blank%22%5D)`), v.slice(-120));
    // Trust: command links run only the extension's hover commands; no raw HTML.
    assert.deepEqual(card.isTrusted, { enabledCommands: [...HOVER_COMMANDS] });
    assert.equal(card.supportHtml, false);
    for (const c of commandLinks(v)) assert.ok(HOVER_COMMANDS.includes(c), `hover links to command ${c}`);
    // The hover's range is the term as written.
    const h = hovers.find((x) => x.contents.includes(card))!;
    assert.equal(h.range && doc.getText(h.range), 'sintered NdFeB blocks');
  });

  test('a finding: the rule, its severity and description, the entries involved, the rule docs link', async () => {
    const uri = wsUri('rules/domestic-claim-imported-blanks.md');
    const { md } = await hoverAt(uri, 2, 'domestic magnet producer', 2);
    const finding = md.find((m) => m.value.startsWith('**Policy Lens · domestic\\-claim\\-imported\\-blanks** (error)'));
    assert.ok(finding, `no finding card: ${md.map((m) => m.value.slice(0, 80)).join(' | ')}`);
    assert.match(finding.value, /\*Entries involved:\* \[magnet blank\]\(command:policyLens\.openEntry\?%5B%22magnet-blank%22%5D "Open the entry"\)/);
    assert.match(finding.value, /\[About this rule\]\(command:policyLens\.openRuleDocs\?%5B%22domestic-claim-imported-blanks%22%5D\)$/);
    assert.deepEqual(finding.isTrusted, { enabledCommands: [...HOVER_COMMANDS] });
    for (const m of md.filter((x) => x.value.includes('command:'))) for (const c of commandLinks(m.value)) assert.ok(HOVER_COMMANDS.includes(c), `hover links to command ${c}`);
    // The claim is also a KB term ("domestic"): its card is in the same hover.
    assert.ok(md.some((m) => m.value.startsWith('**domestic**')), 'the "domestic" term card');
  });

  test('a citation the KB has no entry for: what kind of citation it is', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Citations\n\nSee 40 CFR 60.5 and 15 U.S.C. 78 for details.\n' });
    const { md } = await hoverAt(doc.uri, 2, '15 U.S.C. 78', 4);
    const card = md.find((m) => m.value.includes('· citation'));
    assert.ok(card, `no citation card: ${md.map((m) => m.value.slice(0, 80)).join(' | ')}`);
    assert.equal(card.value, String.raw`**15 U\.S\.C\. 78** · citation

United States Code\, title 15\: a section of federal statute\.

No Policy Lens knowledge-base entry covers this citation.`);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('no hover on plain prose', async () => {
    const uri = wsUri('rules/domestic-claim-imported-blanks.md');
    const { md } = await hoverAt(uri, 0, 'Supplier briefing', 2);
    assert.deepEqual(
      md.filter((m) => m.value.includes('Policy Lens') || m.value.includes(' · ')).map((m) => m.value.slice(0, 60)),
      [],
    );
  });
});
