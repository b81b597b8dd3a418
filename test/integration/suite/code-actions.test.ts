// Quick fixes, as VS Code offers them (vscode.executeCodeActionProvider on the diagnostic's
// range), applied with workspace.applyEdit; each is checked by the document's text, by its
// diagnostic going away, and by one undo restoring the text exactly.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/ids.js';
import { api, closeAllEditors, ofRule, remove, scratchCopy, show, waitFor, waitForDiagnostics, wsUri } from './helpers.js';

async function actionsFor(uri: vscode.Uri, d: vscode.Diagnostic, want?: string): Promise<vscode.CodeAction[]> {
  // The request's context.diagnostics come from the window's marker service, which gets the
  // extension host's diagnostics a moment later than getDiagnostics() sees them: poll.
  let last: vscode.CodeAction[] = [];
  try {
    return await waitFor(`quick fixes${want ? ` ("${want}")` : ''} on ${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1}`, async () => {
      const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      last = all.filter((a): a is vscode.CodeAction => 'title' in a && 'kind' in a);
      return (want ? last.some((a) => a.title === want) : last.length > 0) && last;
    }, 10_000, 100);
  } catch {
    return last;
  }
}

/**
 * Opens a scratch copy of a fixture, waits for `rule`'s first diagnostic, applies the quick fix
 * titled `title`, checks the text with `expect`, waits for the rule's diagnostics to go, then
 * undoes once and checks the text and the diagnostic are back.
 */
async function applyFix(fixture: string, rule: string, title: string, expect: (before: string, d: vscode.Diagnostic, doc: vscode.TextDocument) => string | RegExp) {
  const uri = await scratchCopy(fixture);
  const editor = await show(uri);
  const doc = editor.document;
  const before = doc.getText();
  const [d] = await waitForDiagnostics(uri, `a ${rule} diagnostic`, () => ofRule(uri, rule).length > 0).then(() => ofRule(uri, rule));
  const actions = await actionsFor(uri, d!, title);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no quick fix "${title}"; offered: ${actions.map((a) => `"${a.title}"`).join(', ')}`);
  assert.ok(action.edit, `"${title}" has no edit`);
  assert.deepEqual(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
  const expected = expect(before, d!, doc);
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit refused the edit');
  if (typeof expected === 'string') assert.equal(doc.getText(), expected);
  else assert.match(doc.getText(), expected);
  // Each fixture used here has that rule's findings only where the fix applies: all must go.
  await waitForDiagnostics(uri, `the ${rule} diagnostics to go after "${title}"`, () => ofRule(uri, rule).length === 0);
  // One undo step restores the document exactly.
  await vscode.window.showTextDocument(doc, { preserveFocus: false });
  await vscode.commands.executeCommand('undo');
  assert.equal(doc.getText(), before, `one undo did not restore the text after "${title}"`);
  assert.equal(doc.isDirty, false);
  await waitForDiagnostics(uri, `the ${rule} diagnostic back after undo`, () => ofRule(uri, rule).some((x) => x.range.isEqual(d!.range)));
  return { uri, action, actions, d: d! };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

suite('Quick fixes', () => {
  suiteTeardown(async () => {
    await closeAllEditors();
    await remove(wsUri('scratch'));
  });

  test('preferred term: "Replace with …" (the preferred fix) replaces exactly the discouraged wording, keeping its plural', async () => {
    const { action } = await applyFix('rules/preferred-term.md', 'preferred-term', 'Replace with "magnet blanks"', (before, d, doc) => {
      assert.equal(doc.getText(d.range), 'blank magnets');
      return before.slice(0, doc.offsetAt(d.range.start)) + 'magnet blanks' + before.slice(doc.offsetAt(d.range.end));
    });
    assert.equal(action.isPreferred, true);
  });

  test('disable the rule for this line: an inline directive comment at the end of the line', async () => {
    await applyFix('rules/preferred-term.md', 'preferred-term', 'Disable preferred-term for this line', (before, d, doc) => {
      const line = doc.lineAt(d.range.start.line);
      const at = doc.offsetAt(line.range.end);
      return `${before.slice(0, at)} <!-- policy-lens-disable-line preferred-term -->${before.slice(at)}`;
    });
  });

  test('disable the rule for this file: a directive comment at the top', async () => {
    const { uri } = await applyFix('rules/measure-status.md', 'measure-status', 'Disable measure-status for this file', (before) => `<!-- policy-lens-disable-file measure-status -->\n${before}`);
    assert.ok(ofRule(uri, 'measure-status').length >= 2, 'both measure-status findings are back after undo');
  });

  test('disable for this file is offered once per rule, disable for this line once per diagnostic', async () => {
    const uri = wsUri('rules/measure-status.md');
    await vscode.workspace.openTextDocument(uri);
    const ds = await waitForDiagnostics(uri, 'two measure-status findings', () => ofRule(uri, 'measure-status').length === 2).then(() => ofRule(uri, 'measure-status'));
    const whole = new vscode.Range(ds[0]!.range.start, ds[1]!.range.end);
    const all = await waitFor('quick fixes for both findings', async () => {
      const a = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, vscode.CodeActionKind.QuickFix.value)) ?? [];
      return a.filter((x) => x.title === 'Disable measure-status for this line').length === 2 && a;
    });
    const titles = all.map((a) => a.title);
    assert.equal(titles.filter((t) => t === 'Disable measure-status for this file').length, 1, titles.join(' | '));
    assert.equal(titles.filter((t) => t === 'Disable measure-status for this line').length, 2, titles.join(' | '));
  });

  test('definition note: a footnote reference after "domestic" and the note at the end', async () => {
    await applyFix('rules/domestic-undefined.md', 'domestic-undefined', 'Insert a definition note for "domestic"', (before, d, doc) => {
      assert.equal(doc.getText(d.range), 'domestic');
      assert.ok(before.endsWith('\n'));
      const at = doc.offsetAt(d.range.end);
      // The note's wording is the engine's; its place and shape are checked here.
      return new RegExp(`^${escapeRe(`${before.slice(0, at)}[^domestic]${before.slice(at)}`)}\\n\\[\\^domestic\\]: "domestic" in this document means: [^\\n]+\\n$`);
    });
  });

  test('look up: the entry behind a finding opens on its page', async () => {
    const uri = wsUri('rules/preferred-term.md');
    await show(uri);
    const [d] = await waitForDiagnostics(uri, 'the preferred-term diagnostic', () => ofRule(uri, 'preferred-term').length > 0).then(() => ofRule(uri, 'preferred-term'));
    const look = (await actionsFor(uri, d!, 'Look up "magnet blank" in Policy Lens')).find((a) => a.title === 'Look up "magnet blank" in Policy Lens');
    assert.ok(look?.command, 'no look-up action');
    assert.equal(look.command.command, COMMANDS.openEntry);
    await vscode.commands.executeCommand(look.command.command, ...(look.command.arguments ?? []));
    const pl = await api();
    const page = await waitFor('the entry page', () => pl.entryPage());
    assert.equal(page.id, 'magnet-blank');
    assert.equal(page.title, 'Policy Lens: magnet blank');
  });
});
