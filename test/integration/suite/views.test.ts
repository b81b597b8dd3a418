// The sidebar's three trees and the status bar, as a user reads them (labels, descriptions,
// children), through the extension's test API.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { statusLine } from '../../../src/engine/kb/status.js';
import { CATEGORY_LABELS } from '../../../src/engine/kb/types.js';
import type { ViewItem } from '../../../src/extension/sidebar/tree-snapshot.js';
import { api, bundledKb, cliJson, closeAllEditors, ofRule, show, waitFor, waitForDiagnostics, wsUri, type PolicyLensApi } from './helpers.js';

const FLAGSHIP = 'domestic-claim-imported-blanks';
const flat = (items: ViewItem[]): string[] => items.map((i) => `${i.label}${i.description !== undefined ? ` [${i.description}]` : ''}`);

suite('Sidebar and status bar', () => {
  let pl: PolicyLensApi;
  suiteSetup(async () => {
    pl = await api();
    const uri = wsUri(`rules/${FLAGSHIP}.md`);
    await show(uri);
    await waitForDiagnostics(uri, 'the flagship diagnostics', () => ofRule(uri, FLAGSHIP).length === 3);
  });
  suiteTeardown(closeAllEditors);

  test('"In this document": the terms of the active document by category, with counts and occurrences (as the CLI finds them)', async () => {
    const items = await waitFor('terms in the view', async () => {
      const i = await pl.documentTermItems();
      return i.length ? i : undefined;
    });
    // Expected: `policy-lens terms` on the same file, grouped by category label, then term.
    const found = cliJson<{ terms: { entry: string; text: string; start: { line: number } }[] }>(['terms', `rules/${FLAGSHIP}.md`, '--format', 'json']).terms;
    const kb = bundledKb();
    const byEntry = new Map<string, { text: string; line: number }[]>();
    for (const t of found) byEntry.set(t.entry, [...(byEntry.get(t.entry) ?? []), { text: t.text, line: t.start.line }]);
    const byCategory = new Map<string, string[]>();
    for (const id of byEntry.keys()) {
      const label = CATEGORY_LABELS[kb.get(id)!.category as keyof typeof CATEGORY_LABELS];
      byCategory.set(label, [...(byCategory.get(label) ?? []), id]);
    }
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    const expected = [...byCategory.keys()].sort((a, b) => a.localeCompare(b)).map((label) => {
      const ids = byCategory.get(label)!.sort((a, b) => kb.get(a)!.term.localeCompare(kb.get(b)!.term));
      const uses = ids.reduce((n, id) => n + byEntry.get(id)!.length, 0);
      return {
        row: `${label} [${plural(ids.length, 'term')}, ${plural(uses, 'use')}]`,
        terms: ids.map((id) => `${kb.get(id)!.term} [${byEntry.get(id)!.length}]`),
        occurrences: ids.map((id) => byEntry.get(id)!.map((o) => `${o.text.replace(/\s+/g, ' ')} [line ${o.line}]`)),
      };
    });
    assert.ok(expected.length >= 2, 'the fixture has terms of two categories at least');
    assert.deepEqual(flat(items), expected.map((e) => e.row));
    items.forEach((c, i) => {
      assert.deepEqual(flat(c.children), expected[i]!.terms, c.label);
      c.children.forEach((t, j) => assert.deepEqual(flat(t.children), expected[i]!.occurrences[j], t.label));
    });
  });

  test('"Findings": the active document\'s findings by rule, errors first, each with its line', async () => {
    const items = await pl.findingItems();
    // Expected: the CLI's findings for the same file, grouped by rule (errors first, then by id).
    const cli = cliJson<{ files: { findings: { ruleId: string; severity: string; message: string; start: { line: number } }[] }[] }>(['lint', `rules/${FLAGSHIP}.md`, '--format', 'json']).files[0]!.findings;
    const order = ['error', 'warning', 'info', 'hint'];
    const rules = [...new Set(cli.map((f) => f.ruleId))];
    const worst = (r: string) => Math.min(...cli.filter((f) => f.ruleId === r).map((f) => order.indexOf(f.severity)));
    rules.sort((a, b) => worst(a) - worst(b) || a.localeCompare(b));
    assert.equal(rules[0], FLAGSHIP);
    assert.deepEqual(flat(items), rules.map((r) => `${r} [${cli.filter((f) => f.ruleId === r).length}]`));
    const rows = items[0]!.children;
    assert.deepEqual(
      rows.map((r) => r.description),
      ['line 3', 'line 17', 'line 27'],
    );
    // The message's first sentence, on one line of at most 120 characters.
    assert.deepEqual(
      rows.map((r) => r.label.slice(0, r.label.indexOf('" '))),
      ['"domestic magnet producer', '"Domestic source', '"homegrown magnets'],
    );
    for (const r of rows) {
      assert.ok(r.label.length <= 120, r.label);
      assert.ok('" presents the magnets as domestic, but the text shows they are finished from blanks made abroad.'.startsWith(r.label.slice(r.label.indexOf('" ')).replace(/…$/, '')), r.label);
    }
  });

  test('"Knowledge base": every bundled entry by category; the filter narrows it and clears', async () => {
    const bundled = [...bundledKb().values()];
    const items = await pl.kbViewItems();
    assert.deepEqual(
      items.map((c) => c.label),
      [...new Set(bundled.map((e) => CATEGORY_LABELS[e.category as keyof typeof CATEGORY_LABELS]))].sort((a, b) => a.localeCompare(b)),
    );
    for (const c of items) assert.equal(c.description, String(c.children.length));
    const terms = items.flatMap((c) => c.children.map((e) => e.label)).sort();
    assert.deepEqual(terms, bundled.map((e) => e.term).sort(), 'one row per bundled entry');
    const blank = items.flatMap((c) => c.children).find((e) => e.label === 'magnet blank');
    assert.equal(blank?.description, statusLine(bundledKb().get('magnet-blank')! as Parameters<typeof statusLine>[0]));

    pl.setKbFilter('45X');
    const filtered = await pl.kbViewItems();
    const found = filtered.flatMap((c) => c.children.map((e) => e.label));
    assert.ok(found.length > 0 && found.length < terms.length, `filter "45X" found ${found.length}`);
    assert.ok(found.some((t) => /45X/.test(t)), found.join(', '));
    pl.setKbFilter('');
    assert.equal((await pl.kbViewItems()).flatMap((c) => c.children).length, terms.length);
  });

  test('status bar: the active document\'s counts; hidden for a document Policy Lens does not check', async () => {
    const cli = cliJson<{ files: { findings: { severity: string }[] }[] }>(['lint', `rules/${FLAGSHIP}.md`, '--format', 'json']).files[0]!.findings;
    const n = (sev: string[]) => cli.filter((f) => sev.includes(f.severity)).length;
    const expected = ['$(law)', n(['error']) && `$(error) ${n(['error'])}`, n(['warning']) && `$(warning) ${n(['warning'])}`, n(['info', 'hint']) && `$(info) ${n(['info', 'hint'])}`].filter(Boolean).join(' ');
    assert.equal(n(['error']), 3);
    assert.equal(await waitFor('the status bar text', () => pl.statusBarText() === expected && pl.statusBarText(), 5000), expected);
    const clean = await show(wsUri('notes/clean.md'));
    assert.equal(await waitFor('a clean document\'s status', () => pl.statusBarText() === '$(law) $(check)' && pl.statusBarText()), '$(law) $(check)');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(wsUri('.vscode/settings.json')));
    await waitFor('the status bar to hide on a JSON file', () => pl.statusBarText() === undefined);
    void clean;
  });
});
