// Lint Workspace on the fixture workspace: which files it reads and skips, where its findings go,
// that it agrees with the CLI on the same folder, and Clear Workspace Findings.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/ids.js';
import type { WorkspaceLintSummary } from '../../../src/extension/workspace-lint/workspace-linter.js';
import { api, closeAllEditors, extension, ours, remove, root, show, waitFor, waitForDiagnostics, writeText, wsUri, type PolicyLensApi } from './helpers.js';

const CLAIM = 'Pellworth Magnet Co. sells U.S.-made magnets cut from blanks imported from China.';

/** The files Lint Workspace should find, walked independently: .md/.markdown/.txt outside node_modules, .git and what .gitignore names. */
function expectedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name === '.git' || p === 'ignored') continue;
        walk(p);
      } else if (/\.(md|markdown|txt)$/.test(e.name) && !e.name.endsWith('.draft.md')) out.push(p);
    }
  };
  walk('');
  return out.sort();
}

const rel = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);

/** Every file's findings after a run: open documents' live results, the run's for the rest. */
function allFindings(pl: PolicyLensApi): Map<string, { ruleId: string; start: { line: number; column: number } }[]> {
  const out = new Map<string, { ruleId: string; start: { line: number; column: number } }[]>();
  for (const f of pl.workspaceFindings()) out.set(rel(f.uri), f.findings);
  for (const d of vscode.workspace.textDocuments) {
    // (A document whose file an earlier test deleted can stay open: not a workspace file any more.)
    if (d.uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(d.uri) || !fs.existsSync(d.uri.fsPath)) continue;
    const found = pl.getFindings(d.uri);
    if (found.length) out.set(rel(d.uri.toString()), found);
  }
  return out;
}

suite('Lint Workspace (fixture workspace)', () => {
  let pl: PolicyLensApi;
  // Files no test has opened (a document opened by an earlier test may stay open for minutes
  // after its editor closes, and open documents are linted live rather than by the run).
  const memo = () => wsUri('notes/late-memo.md');
  const other = () => wsUri('notes/other-memo.txt');
  suiteSetup(async () => {
    pl = await api();
    await closeAllEditors();
    await remove(wsUri('scratch'));
    await writeText(memo(), `# Late memo\n\n${CLAIM}\n`);
    await writeText(other(), `Other memo\n\n${CLAIM}\n`);
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    await remove(memo());
    await remove(other());
  });

  test(`${COMMANDS.lintWorkspace}: every Markdown and text file; .gitignored and node_modules files skipped; the binary file reported`, async () => {
    const expected = expectedFiles(root().fsPath);
    assert.ok(expected.includes('notes/binary.md') && expected.includes('notes/plain-notes.txt'), expected.join(', '));
    const summary = await vscode.commands.executeCommand<WorkspaceLintSummary | undefined>(COMMANDS.lintWorkspace);
    assert.ok(summary, 'Lint Workspace returned nothing');
    console.log(`      ${summary.linted} of ${summary.files} files in ${summary.durationMs} ms: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notes} notes; skipped ${JSON.stringify(summary.skipped)}`);
    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, expected.length, `found ${summary.files}, expected ${expected.length}: ${expected.join(', ')}`);
    assert.deepEqual(summary.skipped.map((s) => s.path), ['notes/binary.md']);
    assert.match(summary.skipped[0]!.reason, /^binary file \(NUL byte at byte \d+\)$/);
    assert.equal(summary.linted, expected.length - 1);
    assert.deepEqual(summary.partial, []);
    assert.equal(pl.lastWorkspaceLint, summary);

    const withFindings = [...allFindings(pl).keys()].sort();
    for (const p of withFindings) {
      assert.ok(!p.startsWith('ignored/') && !p.includes('node_modules/') && !p.endsWith('.draft.md'), `${p} should have been skipped`);
      assert.ok(expected.includes(p), `${p} is not a file Lint Workspace should read`);
    }
    for (const p of ['notes/plain-notes.txt', 'rules/domestic-claim-imported-blanks.md', 'notes/late-memo.md', 'notes/other-memo.txt']) assert.ok(withFindings.includes(p), `${p} has no findings: ${withFindings.join(', ')}`);
    const total = [...allFindings(pl).values()].reduce((s, f) => s + f.length, 0);
    assert.equal(summary.findings, total);
    assert.equal(summary.errors + summary.warnings + summary.notes, summary.findings);

    // Files that are not open get their diagnostics from the run (the Problems panel shows them).
    assert.ok(pl.workspaceFindings().some((f) => f.uri === memo().toString()), 'the unopened memo is a workspace result');
    assert.deepEqual(
      ours(memo()).map((d) => `${(d.code as { value: string }).value}@${d.range.start.line + 1}:${d.range.start.character + 1}`).sort(),
      ['domestic-claim-imported-blanks@3:28', 'domestic-undefined@3:28'],
    );
  });

  test('Lint Workspace agrees with the CLI on the same folder', async () => {
    const cli = path.join(extension().extensionUri.fsPath, 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'lint', '.', '--format', 'json'], { cwd: root().fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.ok(r.status === 0 || r.status === 1, `the CLI exited ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; start: { line: number; column: number } }[] }[] };
    const fromCli = out.files
      .filter((f) => f.findings.length)
      .map((f) => `${f.path.replace(/^\.\//, '')}: ${[...f.findings].sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column || a.ruleId.localeCompare(b.ruleId)).map((x) => `${x.ruleId}@${x.start.line}:${x.start.column}`).join(' ')}`)
      .sort();
    const fromVsCode = [...allFindings(pl)]
      .map(([p, fs]) => `${p}: ${[...fs].sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column || a.ruleId.localeCompare(b.ruleId)).map((x) => `${x.ruleId}@${x.start.line}:${x.start.column}`).join(' ')}`)
      .sort();
    assert.deepEqual(fromVsCode, fromCli);
  });

  test('opening a linted file: its live diagnostics replace the run\'s (no duplicates in Problems)', async () => {
    await show(memo());
    await waitFor('the workspace result for the opened file to be dropped', () => !pl.workspaceFindings().some((f) => f.uri === memo().toString()));
    const ds = await waitForDiagnostics(memo(), 'live diagnostics', (ds) => ds.length === 2 && pl.getFindings(memo()).length === 2);
    assert.deepEqual(ds.map((d) => (d.code as { value: string }).value).sort(), ['domestic-claim-imported-blanks', 'domestic-undefined']);
  });

  test('a second Lint Workspace while one runs joins it', async () => {
    const a = vscode.commands.executeCommand<WorkspaceLintSummary>(COMMANDS.lintWorkspace);
    const b = vscode.commands.executeCommand<WorkspaceLintSummary>(COMMANDS.lintWorkspace);
    const [sa, sb] = await Promise.all([a, b]);
    assert.equal(sa, sb, 'both calls got the same run');
  });

  test(`${COMMANDS.clearWorkspaceFindings}: removes the run's findings and diagnostics`, async () => {
    const txt = other();
    await waitFor('workspace diagnostics on a file that is not open', () => ours(txt).length > 0);
    await vscode.commands.executeCommand(COMMANDS.clearWorkspaceFindings);
    assert.deepEqual(pl.workspaceFindings(), []);
    await waitFor('the diagnostics to clear', () => ours(txt).length === 0);
  });
});
