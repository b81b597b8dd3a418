// Activation: on demand, quick, and without the engine until a document needs it.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { api, closeAllEditors, extension, metric, ofRule, show, waitFor, waitForDiagnostics, wsUri } from './helpers.js';

suite('Activation', () => {
  test('activation is quick and does not load the engine; nothing loads it before a document needs it', async () => {
    const ext = extension();
    const events = ext.packageJSON.activationEvents as string[];
    assert.ok(events.includes('onLanguage:markdown') && events.includes('onLanguage:plaintext'), events.join(', '));
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `eager activation: ${events.join(', ')}`);
    // (The workbench may have the user settings.json open as a model: not a document to check.)
    const open = vscode.workspace.textDocuments.filter((d) => ['markdown', 'plaintext'].includes(d.languageId)).map((d) => `${d.uri.toString()} (${d.languageId})`);
    assert.deepEqual(open, [], 'a Markdown or text document is already open');
    // The workbench itself may already have fired onLanguage:plaintext (its own text widgets use
    // plaintext models), so the extension can be active before any document opens: what
    // matters is that activation stays cheap and leaves the engine unloaded.
    const before = ext.isActive;
    const pl = await ext.activate();
    console.log(`      activation took ${pl.activationMs} ms (${before ? 'already activated by the workbench' : 'activated by the test'}); engine loaded: ${pl.engineLoaded()}`);
    metric('activationMs', pl.activationMs);
    assert.ok(pl.activationMs < 500, `activate() took ${pl.activationMs} ms`);
    assert.equal(pl.engineLoaded(), false, 'the engine was loaded with no document open');
    assert.equal(pl.statusBarText(), undefined, 'the status bar item shows with no document open');
  });

  test('the first document loads the engine and gets diagnostics', async () => {
    const pl = await api();
    const uri = wsUri('rules/domestic-claim-imported-blanks.md');
    const t0 = Date.now();
    await show(uri);
    await waitForDiagnostics(uri, 'the flagship rule on its fixture', () => ofRule(uri, 'domestic-claim-imported-blanks').length > 0);
    const ms = Date.now() - t0;
    console.log(`      first diagnostics ${ms} ms after opening (engine + KB load included)`);
    metric('firstDiagnosticsMs', ms);
    assert.equal(pl.engineLoaded(), true);
    const status = await waitFor('the status bar counts', () => pl.statusBarText()?.includes('$(error)') && pl.statusBarText());
    assert.match(status, /^\$\(law\) \$\(error\) 3\b/);
    await closeAllEditors();
  });
});
