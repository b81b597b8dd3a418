// Restricted mode: a second window on a workspace that is NOT trusted (the launcher starts
// code-server with workspace trust on and the trust prompt off). The workspace has a
// .policylens.json (flagship rule off, preferred-term as an error), team KB entries in
// .policylens/kb/ and policyLens.kb.extraFolders in its settings: none of them may apply.
// The CLI, which always reads them, on the same folder is the control that they are valid.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/ids.js';
import type { WorkspaceLintSummary } from '../../../src/extension/workspace-lint/workspace-linter.js';
import { api, closeAllEditors, driver, extension, linesOf, ofRule, ours, root, show, waitFor, waitForDiagnostics, wsUri, type PolicyLensApi } from './helpers.js';

const FLAGSHIP = 'domestic-claim-imported-blanks';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const js = path.join(extension().extensionUri.fsPath, 'dist', 'cli.js');
  return spawnSync(process.execPath, [js, ...args], { cwd: root().fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
}

suite('Untrusted workspace (restricted mode)', () => {
  let pl: PolicyLensApi;
  suiteSetup(async () => {
    pl = await api();
  });
  suiteTeardown(closeAllEditors);

  test('the workspace is not trusted; Policy Lens still runs (limited support) and checks documents', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher should have opened this workspace untrusted');
    assert.equal(extension().packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const f of ['.policylens.json', '.policylens/kb/magnet-blank.md', '.policylens/kb/example-offtake-program.md', 'team-extra/example-drafting-term.md', '.vscode/settings.json'])
      assert.ok(fs.existsSync(path.join(root().fsPath, f)), `fixture ${f} is missing`);
    const uri = wsUri(`rules/${FLAGSHIP}.md`);
    await show(uri);
    await waitForDiagnostics(uri, 'diagnostics in restricted mode', (ds) => ds.length > 0);
  });

  test('the control: the CLI on this folder applies .policylens.json and reads the team KB entries', () => {
    const lint = cli(['lint', `rules/${FLAGSHIP}.md`, 'rules/preferred-term.md', '--format', 'json']);
    const out = JSON.parse(lint.stdout) as { files: { path: string; findings: { ruleId: string; severity: string }[] }[] };
    const findings = out.files.flatMap((f) => f.findings);
    assert.equal(findings.filter((f) => f.ruleId === FLAGSHIP).length, 0, 'the config turns the flagship rule off');
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'preferred-term').map((f) => f.severity),
      ['error'],
      'the config makes preferred-term an error',
    );
    // The CLI reads .policylens/kb/ as a trusted editor does; extra folders come with --kb.
    const terms = cli(['terms', 'team-terms.md', '--kb', 'team-extra', '--format', 'json']);
    assert.match(terms.stdout, /example-offtake-program/, `the team entries are valid: ${terms.stdout.slice(0, 300)}`);
    assert.match(terms.stdout, /example-drafting-term/, `the extra-folder entry is valid: ${terms.stdout.slice(0, 300)}`);
  });

  test('.policylens.json is not applied: every rule at its default severity', async () => {
    const uri = wsUri(`rules/${FLAGSHIP}.md`);
    await vscode.workspace.openTextDocument(uri);
    const ds = await waitForDiagnostics(uri, 'the flagship rule (the config would turn it off)', () => ofRule(uri, FLAGSHIP).length === 3);
    assert.deepEqual(linesOf(ds, FLAGSHIP), [2, 16, 26]);
    assert.ok(ofRule(uri, FLAGSHIP).every((d) => d.severity === vscode.DiagnosticSeverity.Error));

    const pt = wsUri('rules/preferred-term.md');
    await vscode.workspace.openTextDocument(pt);
    const [d] = await waitForDiagnostics(pt, 'preferred-term (the config would make it an error)', () => ofRule(pt, 'preferred-term').length === 1).then(() => ofRule(pt, 'preferred-term'));
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Information, 'preferred-term keeps its default severity (info)');
  });

  test('.policylens/kb/ entries are not loaded: no team terms; the bundled "magnet blank" card', async () => {
    const team = wsUri('team-terms.md');
    await vscode.workspace.openTextDocument(team);
    await pl.lintNow(team);
    const ids = pl.getTerms(team).flatMap((t) => t.entries);
    assert.ok(!ids.includes('example-offtake-program'), `team entry recognised: ${ids.join(', ')}`);

    const pt = wsUri('rules/preferred-term.md');
    const doc = await vscode.workspace.openTextDocument(pt);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', pt, new vscode.Position(4, doc.lineAt(4).text.indexOf('magnet blanks') + 2));
    const cards = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c))).filter((v) => v.startsWith('**magnet blank**'));
    assert.equal(cards.length, 1, 'one magnet blank card');
    assert.ok(!cards[0]!.includes('team entry') && !cards[0]!.includes('Example Agency'), `the team entry was used: ${cards[0]!.slice(0, 200)}`);
    assert.match(cards[0]!, /The sintered \\\(or pressed\\\) magnet body/);

    const kb = await pl.kbViewItems();
    assert.deepEqual(
      kb.flatMap((c) => c.children).filter((e) => e.description?.startsWith('team · ')).map((e) => e.label),
      [],
      'no team rows in the Knowledge base view',
    );
  });

  test('policyLens.kb.extraFolders from the workspace settings is not read (a restricted setting)', async () => {
    const inspect = vscode.workspace.getConfiguration('policyLens').inspect<string[]>('kb.extraFolders');
    assert.deepEqual(vscode.workspace.getConfiguration('policyLens').get('kb.extraFolders'), [], `effective value: ${JSON.stringify(inspect)}`);
    const team = wsUri('team-terms.md');
    await pl.lintNow(team);
    assert.ok(!pl.getTerms(team).some((t) => t.entries.includes('example-drafting-term')), 'the extra folder entry was recognised');
  });

  test('workspace settings do not change the rules either (docs/settings.md: "the rules\' defaults and your user settings only")', async () => {
    // The workspace's .vscode/settings.json turns measure-status off.
    const inspect = vscode.workspace.getConfiguration('policyLens', wsUri('rules')).inspect<Record<string, string>>('rules');
    const uri = wsUri('rules/measure-status.md');
    await vscode.workspace.openTextDocument(uri);
    await pl.lintNow(uri);
    assert.deepEqual(
      ofRule(uri, 'measure-status').map((d) => d.range.start.line + 1),
      [3, 7],
      `measure-status was turned off by the untrusted workspace's settings (policyLens.rules: ${JSON.stringify(inspect)})`,
    );
  });

  test('Lint Workspace in restricted mode uses the defaults too', async () => {
    const summary = await vscode.commands.executeCommand<WorkspaceLintSummary>(COMMANDS.lintWorkspace);
    assert.ok(summary && !summary.cancelled);
    const uri = wsUri(`rules/${FLAGSHIP}.md`).toString();
    const all = [...pl.workspaceFindings(), ...vscode.workspace.textDocuments.filter((d) => d.uri.toString() === uri).map((d) => ({ uri, findings: pl.getFindings(d.uri) }))];
    const flagship = all.filter((f) => f.uri === uri).flatMap((f) => f.findings).filter((f) => f.ruleId === FLAGSHIP);
    assert.equal(flagship.length, 3);
    // The team KB folder's own files are linted as documents, like any Markdown file.
    assert.ok(ours(wsUri('team-terms.md')).every((d) => d.source === 'Policy Lens'));
  });

  test('the output channel says why (through the window)', async function () {
    if (!driver.available) this.skip();
    await vscode.commands.executeCommand(COMMANDS.showOutput);
    await waitFor(
      'the restricted-mode note in the Policy Lens output channel',
      // (The Output view wraps long lines.)
      async () => (await driver.texts('.part.panel .view-lines')).some((t) => /Workspace not trusted: checking with the bundled knowledge base, default rule settings and your settings only/.test(t.replace(/\s+/g, ' '))),
      10_000,
      200,
    );
  });
});
