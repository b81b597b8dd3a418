// Re-linting when configuration changes: the .policylens.json config file (a real file change
// seen by the file watcher), the policyLens.* settings (written to the workspace's
// .vscode/settings.json through the configuration API), and team KB entries in .policylens/kb/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { api, closeAllEditors, linesOf, ofRule, ours, remove, show, waitFor, waitForDiagnostics, writeText, wsUri } from './helpers.js';

const FLAGSHIP = 'domestic-claim-imported-blanks';
const section = () => vscode.workspace.getConfiguration('policyLens', wsUri('rules'));

suite('Configuration', () => {
  let uri: vscode.Uri;
  suiteSetup(async () => {
    uri = wsUri(`rules/${FLAGSHIP}.md`);
    await show(uri);
    await waitForDiagnostics(uri, 'the flagship diagnostics', () => ofRule(uri, FLAGSHIP).length === 3);
  });
  teardown(async () => {
    await remove(wsUri('.policylens.json'));
    await remove(wsUri('.policylens'));
    await section().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await section().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, 'the default configuration again', () => ofRule(uri, FLAGSHIP).length === 3 && ofRule(uri, FLAGSHIP).every((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });
  suiteTeardown(closeAllEditors);

  test('a .policylens.json change re-lints open documents (created, changed, deleted)', async () => {
    const config = wsUri('.policylens.json');
    await writeText(config, JSON.stringify({ rules: { [FLAGSHIP]: 'off' } }));
    await waitForDiagnostics(uri, 'the rule turned off by the new config file', () => ofRule(uri, FLAGSHIP).length === 0);
    assert.ok(ofRule(uri, 'domestic-undefined').length > 0, 'other rules still run');

    await writeText(config, JSON.stringify({ rules: { [FLAGSHIP]: 'warning' } }));
    await waitForDiagnostics(uri, 'the rule back as a warning after the config changed', () => {
      const ds = ofRule(uri, FLAGSHIP);
      return ds.length === 3 && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Warning);
    });

    await remove(config);
    await waitForDiagnostics(uri, 'the default severity after the config file was deleted', () => ofRule(uri, FLAGSHIP).every((d) => d.severity === vscode.DiagnosticSeverity.Error) && ofRule(uri, FLAGSHIP).length === 3);
  });

  test('a policyLens.rules settings change re-lints; a rule named in the setting overrides the config file', async () => {
    await section().update('rules', { [FLAGSHIP]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, 'the rule turned off in settings', () => ofRule(uri, FLAGSHIP).length === 0);

    // docs/settings.md: the setting wins over the config file for the rules it names; the rest keep the file's.
    await writeText(wsUri('.policylens.json'), JSON.stringify({ rules: { [FLAGSHIP]: 'error', 'domestic-undefined': 'off' } }));
    await section().update('rules', { [FLAGSHIP]: 'hint' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, 'setting "hint" over the config file\'s "error", and the file\'s "off" for domestic-undefined', () => {
      const ds = ofRule(uri, FLAGSHIP);
      return ds.length === 3 && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Hint) && ofRule(uri, 'domestic-undefined').length === 0;
    });
    const written = JSON.parse(fs.readFileSync(path.join(wsUri('.vscode').fsPath, 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(written['policyLens.rules'], { [FLAGSHIP]: 'hint' });
  });

  test('policyLens.enable off clears the diagnostics; on brings them back', async () => {
    await section().update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, 'no diagnostics with policyLens.enable off', (ds) => ds.length === 0);
    await section().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, 'diagnostics again', () => linesOf(ours(uri), FLAGSHIP).join() === '2,16,26');
  });

  test('team KB entries in .policylens/kb/ are loaded in a trusted workspace (new term, overridden entry)', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const pl = await api();
    // A file in the folder (an untitled document belongs to no workspace folder, so to no team KB).
    const teamUri = wsUri('notes/team-terms.md');
    await writeText(teamUri, '# Team\n\nThe Example Offtake Program buys magnet blanks.\n');
    const team = await vscode.workspace.openTextDocument(teamUri);
    await pl.lintNow(team.uri);
    const before = pl.getTerms(team.uri).flatMap((t) => t.entries);
    assert.ok(before.includes('magnet-blank') && !before.includes('example-offtake-program'), `before: bundled terms only (${before.join(', ')})`);
    for (const name of ['example-offtake-program.md', 'magnet-blank.md']) {
      const text = fs.readFileSync(path.join(extensionRoot(), 'test', 'fixtures', 'kb-team', name), 'utf8');
      await writeText(wsUri(`.policylens/kb/${name}`), text);
    }
    await waitFor('the team entry to be recognised', async () => {
      await pl.lintNow(team.uri);
      return pl.getTerms(team.uri).some((t) => t.entries.includes('example-offtake-program'));
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', team.uri, new vscode.Position(2, team.lineAt(2).text.indexOf('magnet blanks') + 2));
    const text = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c)));
    assert.ok(
      text.some((t) => t.startsWith('**magnet blank** · Supply chain · current · team entry') && t.includes('Team definition used in Example Agency drafts')),
      `the team's magnet-blank card: ${text.map((t) => t.slice(0, 80)).join(' | ')}`,
    );
    const kb = await pl.kbViewItems();
    const teamRows = kb.flatMap((c) => c.children).filter((e) => e.description?.startsWith('team · '));
    assert.deepEqual(teamRows.map((r) => r.label).sort(), ['Example Offtake Program', 'magnet blank']);

    await remove(wsUri('.policylens'));
    await waitFor('the team entries to go when their files are deleted', async () => {
      await pl.lintNow(team.uri);
      return !pl.getTerms(team.uri).some((t) => t.entries.includes('example-offtake-program'));
    });
    await remove(teamUri);
  });
});

function extensionRoot(): string {
  return vscode.extensions.getExtension('policy-lens.policy-lens')!.extensionUri.fsPath;
}
