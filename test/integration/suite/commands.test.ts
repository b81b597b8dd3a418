// Every contributed command, executed through vscode.commands with the arguments a user's click
// passes (or, for the commands that ask, answering their quick picks, input boxes and save
// dialog through the workbench's own quick-input commands: nothing is stubbed).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { DocLint } from '../../../src/extension/diagnostics/document-linter.js';
import { COMMANDS } from '../../../src/extension/ids.js';
import { acceptQuickInputsUntil, api, closeAllEditors, driver, extension, ofRule, quickInputShown, readText, remove, show, waitFor, waitForDiagnostics, wsUri, type PolicyLensApi } from './helpers.js';

const FLAGSHIP = 'domestic-claim-imported-blanks';

/** Commands tested in another file of the suite. */
const ELSEWHERE: Record<string, string> = {
  [COMMANDS.lintWorkspace]: 'workspace-lint.test.ts',
  [COMMANDS.clearWorkspaceFindings]: 'workspace-lint.test.ts',
};
/** Commands tested in this file (each has a test whose title starts with its id). */
const HERE = [
  COMMANDS.lintDocument,
  COMMANDS.lookUpTerm,
  COMMANDS.openEntry,
  COMMANDS.openKnowledgeBase,
  COMMANDS.searchKnowledgeBase,
  COMMANDS.clearKnowledgeBaseFilter,
  COMMANDS.exportFindings,
  COMMANDS.showOutput,
  COMMANDS.openRuleDocs,
  COMMANDS.revealRange,
];

function bundledEntry(id: string): { term: string; citations: { title: string; url: string }[] } {
  const file = path.join(extension().extensionUri.fsPath, 'dist', 'kb.json');
  const entry = (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { id: string; term: string; citations: { title: string; url: string }[] }[] }).entries.find((e) => e.id === id);
  assert.ok(entry, `no bundled entry ${id}`);
  return entry;
}

const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
const webviewTabs = () => tabs().filter((t) => t.input instanceof vscode.TabInputWebview);

suite('Commands', () => {
  let pl: PolicyLensApi;
  const flagship = () => wsUri(`rules/${FLAGSHIP}.md`);
  suiteSetup(async () => {
    pl = await api();
    await show(flagship());
    await waitForDiagnostics(flagship(), 'the flagship diagnostics', () => ofRule(flagship(), FLAGSHIP).length === 3);
  });
  suiteTeardown(closeAllEditors);

  test('every contributed command is registered, and tested', async () => {
    const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort(), 'package.json and ids.ts agree');
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of contributed) assert.ok(registered.has(c), `${c} is not registered`);
    assert.deepEqual([...HERE, ...Object.keys(ELSEWHERE)].sort(), contributed, 'a command without a test');
  });

  test(`${COMMANDS.lintDocument}: lints the active document now and returns the result`, async () => {
    await show(flagship());
    const r = await vscode.commands.executeCommand<DocLint | undefined>(COMMANDS.lintDocument);
    assert.ok(r, 'no result');
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(r.version, doc.version);
    assert.deepEqual(
      r.result.findings.filter((f) => f.ruleId === FLAGSHIP).map((f) => f.start.line),
      [3, 17, 27],
    );
    assert.deepEqual(r.result.findings, pl.getFindings(doc.uri), 'the result is what the document shows');
  });

  test(`${COMMANDS.lookUpTerm}: asks with the selection, opens the picked entry's page`, async () => {
    const editor = await show(wsUri('rules/preferred-term.md'));
    const line = 4;
    const at = editor.document.lineAt(line).text.indexOf('magnet blanks');
    editor.selection = new vscode.Selection(line, at, line, at + 'magnet blank'.length);
    const picked = vscode.commands.executeCommand(COMMANDS.lookUpTerm);
    await quickInputShown('Look Up Term');
    await acceptQuickInputsUntil(Promise.resolve(picked), 'Look Up Term to accept the first match');
    const page = await waitFor('the entry page', () => pl.entryPage()?.id === 'magnet-blank' && pl.entryPage());
    assert.equal(page.title, 'Policy Lens: magnet blank');
  });

  test(`${COMMANDS.openEntry}: with an id opens that entry's page (webview titled "Policy Lens: <term>"); an unknown id opens nothing; no id asks`, async () => {
    await vscode.commands.executeCommand(COMMANDS.openEntry, 'section-45x');
    const page = await waitFor('the 45X entry page', () => pl.entryPage()?.id === 'section-45x' && pl.entryPage());
    assert.match(page.title, /^Policy Lens: /);
    const term = page.title.slice('Policy Lens: '.length);
    assert.ok(page.html.includes(term), 'the page shows the term');
    assert.match(page.html, /Content-Security-Policy/, 'the page has a CSP');
    // Every citation is listed, as a link the page's script opens through the extension (no direct href).
    const entry = bundledEntry('section-45x');
    assert.equal(page.title, `Policy Lens: ${entry.term}`);
    const links = [...page.html.matchAll(/<a href="#" data-link="[^"]*" class="external">/g)];
    assert.ok(links.length >= entry.citations.length, `${links.length} links for ${entry.citations.length} citations`);
    assert.ok(!/<a [^>]*href="https?:/.test(page.html), 'no direct external href');
    await waitFor('a webview tab with the page title', () => webviewTabs().some((t) => t.label === page.title));
    assert.equal(webviewTabs().filter((t) => t.label.startsWith('Policy Lens: ')).length, 1, 'one panel, reused');

    await vscode.commands.executeCommand(COMMANDS.openEntry, 'no-such-entry');
    assert.equal(pl.entryPage()?.id, 'section-45x', 'an unknown id leaves the page as it was');

    const asked = Promise.resolve(vscode.commands.executeCommand(COMMANDS.openEntry));
    await quickInputShown('Open Knowledge Base Entry');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await asked;
    assert.equal(pl.entryPage()?.id, 'section-45x', 'dismissing the pick opens nothing');
  });

  test(`${COMMANDS.openKnowledgeBase}: reveals the Knowledge base view`, async () => {
    await vscode.commands.executeCommand(COMMANDS.openKnowledgeBase);
    if (!driver.available) return;
    const headers = await waitFor('the Knowledge base view in the sidebar', async () => {
      const h = await driver.texts('.sidebar .pane-header');
      return h.some((x) => /knowledge base/i.test(x)) && h;
    });
    assert.ok(headers.some((x) => /in this document/i.test(x)) && headers.some((x) => /findings/i.test(x)), headers.join(' | '));
    const rows = await waitFor('KB rows', async () => {
      const r = await driver.texts('.sidebar .monaco-list-row');
      return r.length > 0 && r;
    });
    assert.ok(rows.some((r) => r.startsWith('Supply chain')), rows.join(' | '));
  });

  test(`${COMMANDS.searchKnowledgeBase} and ${COMMANDS.clearKnowledgeBaseFilter}: filter the Knowledge base view, then show it all again`, async () => {
    pl.setKbFilter('');
    const all = (await pl.kbViewItems()).flatMap((c) => c.children).length;
    if (!driver.available) pl.setKbFilter('45X'); // without a keyboard, accept the box's current value
    const asked = Promise.resolve(vscode.commands.executeCommand(COMMANDS.searchKnowledgeBase));
    await quickInputShown('Search Knowledge Base');
    if (driver.available) {
      await driver.type('45X');
      await driver.press('Enter');
      await asked;
    } else await acceptQuickInputsUntil(asked, 'the search box to accept');
    const found = (await pl.kbViewItems()).flatMap((c) => c.children.map((e) => e.label));
    assert.ok(found.length > 0 && found.length < all, `"45X" matched ${found.length} of ${all}`);
    assert.ok(found.some((t) => t.includes('45X')), found.join(', '));

    await vscode.commands.executeCommand(COMMANDS.clearKnowledgeBaseFilter);
    assert.equal((await pl.kbViewItems()).flatMap((c) => c.children).length, all);
  });

  test(`${COMMANDS.exportFindings}: SARIF and Markdown reports, through the format pick and the save dialog`, async () => {
    await show(flagship());
    // SARIF: the first format; the save dialog proposes <folder>/policy-lens-findings.sarif.
    const sarif = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.exportFindings));
    const sarifUri = await acceptQuickInputsUntil(sarif, 'Export Findings (SARIF) to write its file', 30_000);
    assert.ok(sarifUri, 'the export was cancelled');
    assert.equal(sarifUri.path.split('/').pop(), 'policy-lens-findings.sarif');
    const log = JSON.parse(await readText(sarifUri)) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    assert.ok(run.tool.driver.rules.some((r) => r.id === FLAGSHIP));
    const flagshipResults = run.results.filter((r) => r.ruleId === FLAGSHIP && r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith(`rules/${FLAGSHIP}.md`));
    assert.deepEqual(
      flagshipResults.map((r) => [r.level, r.locations[0]!.physicalLocation.region.startLine]),
      [
        ['error', 3],
        ['error', 17],
        ['error', 27],
      ],
    );

    // Markdown: the second format.
    const md = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>(COMMANDS.exportFindings));
    await quickInputShown('Export Findings format');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    const mdUri = await acceptQuickInputsUntil(md, 'Export Findings (Markdown) to write its file', 30_000);
    assert.ok(mdUri, 'the export was cancelled');
    assert.equal(mdUri.path.split('/').pop(), 'policy-lens-findings.md');
    const report = await readText(mdUri);
    assert.match(report, /domestic-claim-imported-blanks/);
    assert.match(report, /rules\/domestic-claim-imported-blanks\.md/);
    assert.match(report, /magnet blank/, 'the report names the KB entries involved');
    await remove(sarifUri);
    await remove(mdUri);
  });

  test(`${COMMANDS.showOutput}: shows the Policy Lens output channel`, async () => {
    await vscode.commands.executeCommand(COMMANDS.showOutput);
    if (!driver.available) return;
    const title = await waitFor('the Output panel on the Policy Lens channel', async () => {
      const t = await driver.texts('.part.panel .monaco-select-box, .part.panel .output-view-select, .part.panel select');
      return t.find((x) => x.includes('Policy Lens'));
    });
    assert.ok(title);
  });

  test(`${COMMANDS.openRuleDocs}: opens the rule's docs page in the Markdown preview; unknown or malformed ids open nothing`, async () => {
    const before = tabs().length;
    await vscode.commands.executeCommand(COMMANDS.openRuleDocs, FLAGSHIP);
    const tab = await waitFor('a Markdown preview of the rule page', () =>
      tabs().find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(`${FLAGSHIP}.md`)),
    );
    assert.ok(tab);
    const count = tabs().length;
    assert.equal(count, before + 1);
    await vscode.commands.executeCommand(COMMANDS.openRuleDocs, 'no-such-rule');
    await vscode.commands.executeCommand(COMMANDS.openRuleDocs, '../../package');
    assert.equal(tabs().length, count, 'no tab for an unknown or malformed rule id');
  });

  test(`${COMMANDS.revealRange}: opens the document with the range selected (Range or [l, c, l, c], Uri or string)`, async () => {
    const uri = wsUri('rules/measure-status.md');
    await vscode.commands.executeCommand(COMMANDS.revealRange, uri, [6, 27, 6, 31]);
    let editor = await waitFor('the editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor);
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character], [6, 27, 6, 31]);
    assert.equal(editor.document.getText(editor.selection), '§30D');

    const other = wsUri(`rules/${FLAGSHIP}.md`);
    await vscode.commands.executeCommand(COMMANDS.revealRange, other.toString(), new vscode.Range(2, 24, 2, 48));
    editor = await waitFor('the other editor', () => vscode.window.activeTextEditor?.document.uri.toString() === other.toString() && vscode.window.activeTextEditor);
    assert.equal(editor.document.getText(editor.selection), 'domestic magnet producer');

    await vscode.commands.executeCommand(COMMANDS.revealRange, uri, [1, 2, 3]);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), other.toString(), 'a malformed range does nothing');
  });
});
