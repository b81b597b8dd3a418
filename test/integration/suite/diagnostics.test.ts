// Diagnostics on the real rule fixtures (test/fixtures/rules, copied into the workspace):
// where they are, what they carry, and how they follow edits and closing.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { PARTIAL_CODE, SOURCE } from '../../../src/extension/ids.js';
import { api, closeAllEditors, codeOf, expectedLines, extension, linesOf, ofRule, ours, scratchCopy, show, waitForDiagnostics, wsUri } from './helpers.js';

const FLAGSHIP = 'domestic-claim-imported-blanks';

suite('Diagnostics', () => {
  suiteTeardown(closeAllEditors);

  test('flagship rule on open: range on the claim, code = rule id linking its docs page, evidence as related information, source "Policy Lens"', async () => {
    const uri = wsUri(`rules/${FLAGSHIP}.md`);
    const doc = (await show(uri)).document;
    const expected = expectedLines(doc.getText(), FLAGSHIP);
    assert.deepEqual(expected, [2, 16, 26], 'the fixture changed: update this test');
    const ds = await waitForDiagnostics(uri, 'the flagship diagnostics', (ds) => linesOf(ds, FLAGSHIP).length === expected.length);
    assert.deepEqual(linesOf(ds, FLAGSHIP), expected);

    const flagship = ds.filter((d) => codeOf(d) === FLAGSHIP).sort((a, b) => a.range.start.line - b.range.start.line);
    // The claim itself, not the sentence or the line.
    assert.deepEqual(
      flagship.map((d) => doc.getText(d.range)),
      ['domestic magnet producer', 'Domestic source', 'homegrown magnets'],
    );
    // The evidence: where the text says the blanks come from abroad.
    assert.deepEqual(
      flagship.map((d) => (d.relatedInformation ?? []).map((r) => [r.location.uri.toString(), doc.getText(r.location.range), r.message])),
      [
        [[uri.toString(), 'sintered NdFeB blocks', 'blanks made abroad: "sintered NdFeB blocks"']],
        [[uri.toString(), 'blanks', 'blanks made abroad: "blanks"']],
        [[uri.toString(), 'unfinished blocks', 'blanks made abroad: "unfinished blocks"']],
      ],
    );
    for (const d of flagship) {
      assert.equal(d.source, SOURCE);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /presents the magnets as domestic, but the text shows they are finished from blanks made abroad/);
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', 'code should carry a docs target');
      assert.equal(code.value, FLAGSHIP);
      assert.ok(code.target instanceof vscode.Uri, 'code.target is a Uri');
      assert.ok(code.target.path.endsWith(`/docs/rules/${FLAGSHIP}.md`), `docs target ${code.target.toString()}`);
      const stat = await vscode.workspace.fs.stat(code.target);
      assert.equal(stat.type, vscode.FileType.File, 'the docs page exists in the extension folder');
    }
    // The same document's other finding (the undefined "domestic") is a warning on the same claim.
    assert.deepEqual(
      ds.filter((d) => codeOf(d) === 'domestic-undefined').map((d) => [d.range.start.line, d.severity]),
      [[2, vscode.DiagnosticSeverity.Warning]],
    );
  });

  test('every rule fixture: each rule reports exactly the lines its <!-- expect --> markers name', async () => {
    const pl = await api();
    const files = (await vscode.workspace.fs.readDirectory(wsUri('rules'))).map(([n]) => n).filter((n) => n.endsWith('.md'));
    // The rule ids, from the docs pages the extension ships (one per rule).
    const docs = vscode.Uri.joinPath(extension().extensionUri, 'docs', 'rules');
    const ruleIds = (await vscode.workspace.fs.readDirectory(docs)).map(([n]) => n.replace(/\.md$/, ''));
    assert.ok(files.length >= 7, `only ${files.length} rule fixtures`);
    for (const name of files) {
      const uri = wsUri(`rules/${name}`);
      const doc = await vscode.workspace.openTextDocument(uri);
      // <rule>.md or <rule>-<topic>.md (the rule's id is the longest one the name starts with);
      // <rule>-defined.md is where the rule must stay silent.
      const rule = ruleIds.filter((id) => name.startsWith(id)).sort((a, b) => b.length - a.length)[0];
      assert.ok(rule, `${name} is named after a rule`);
      const expected = expectedLines(doc.getText(), rule);
      if (name.endsWith('-defined.md')) assert.deepEqual(expected, []);
      else assert.ok(expected.length > 0, `${name} has no expect markers`);
      // lintNow resolves once this text's diagnostics are published: a clean result is final too.
      const result = await pl.lintNow(uri);
      assert.ok(result, `${name} was not linted`);
      assert.deepEqual(linesOf(ours(uri), rule), expected, `${name}: lines of ${rule}`);
      for (const d of ours(uri)) assert.equal(d.source, SOURCE);
    }
  });

  test('plain-text documents are checked too (plaintext language)', async () => {
    const uri = wsUri('notes/plain-notes.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'plaintext');
    const ds = await waitForDiagnostics(uri, 'the flagship rule in a .txt file', (ds) => linesOf(ds, FLAGSHIP).length === 1);
    assert.equal(doc.getText(ds.find((d) => codeOf(d) === FLAGSHIP)!.range), 'domestic magnet producer');
  });

  test('diagnostics follow edits: lines shift, a removed claim clears, a new claim appears', async () => {
    const uri = await scratchCopy(`rules/${FLAGSHIP}.md`);
    const editor = await show(uri);
    const doc = editor.document;
    await waitForDiagnostics(uri, 'the three claims', (ds) => linesOf(ds, FLAGSHIP).join() === '2,16,26');

    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), '\nA paragraph added above the claims.\n')));
    await waitForDiagnostics(uri, 'the claims two lines lower', (ds) => linesOf(ds, FLAGSHIP).join() === '4,18,28');

    const line = doc.lineAt(4).text;
    const at = line.indexOf('is a domestic magnet producer');
    assert.ok(at >= 0, line);
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(4, at, 4, at + 'is a domestic magnet producer'.length), 'finishes magnets')));
    await waitForDiagnostics(uri, 'the edited claim to clear', (ds) => linesOf(ds, FLAGSHIP).join() === '18,28');

    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\nNorvale Magnet Co. sells U.S.-made magnets cut from blanks imported from China.\n')));
    const added = doc.lineCount - 2;
    const ds = await waitForDiagnostics(uri, 'the new claim', (ds) => linesOf(ds, FLAGSHIP).join() === `18,28,${added}`);
    assert.equal(doc.getText(ds.find((d) => d.range.start.line === added && codeOf(d) === FLAGSHIP)!.range), 'U.S.-made magnets');
    // Stale results never show: what is published is for the text now in the editor.
    const pl = await api();
    assert.deepEqual(
      pl.getFindings(uri).filter((f) => f.ruleId === FLAGSHIP).map((f) => f.start.line - 1),
      [18, 28, added],
    );
  });

  test('a part too deeply nested to parse: findings above it, and a notice naming the line (not a time limit)', async () => {
    // 10,000 nested list levels: the engine refuses that chunk rather than risk the parser.
    const text = `Norvale Magnet Co. sells U.S.-made magnets cut from blanks imported from China.\n\n${'- '.repeat(10_000)}domestic magnets\n`;
    const uri = await scratchCopy('notes/deep-nesting.md', text);
    await show(uri);
    const ds = await waitForDiagnostics(uri, 'the notice and the claim above it', (ds) => ds.some((d) => codeOf(d) === PARTIAL_CODE) && linesOf(ds, FLAGSHIP).length === 1);
    const notice = ds.find((d) => codeOf(d) === PARTIAL_CODE)!;
    assert.equal(notice.severity, vscode.DiagnosticSeverity.Information);
    assert.match(notice.message, /^Checked partially: .*too large or complex to check from line 3 \(.+\); findings cover lines 1–\d+\.$/);
    assert.doesNotMatch(notice.message, /within \d+ s/);
    assert.deepEqual(linesOf(ds, FLAGSHIP), [0]);
  });

  test('diagnostics clear when the document closes', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# Untitled draft\n\nOrrin Magnetics is a domestic magnet producer that cuts its magnets from sintered NdFeB blocks imported from Baotou.\n',
    });
    await vscode.window.showTextDocument(doc);
    const uri = doc.uri;
    assert.equal(uri.scheme, 'untitled');
    await waitForDiagnostics(uri, 'the flagship rule in an untitled document', (ds) => ofRule(uri, FLAGSHIP).length === 1 && ds.length > 0);
    // Untitled documents close (onDidCloseTextDocument) as soon as their editor is reverted and
    // closed; a file document's TextDocument may outlive its editor for minutes (VS Code keeps it).
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(uri, 'the diagnostics to clear on close', (ds) => ds.length === 0 && doc.isClosed);
  });
});
