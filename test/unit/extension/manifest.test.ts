// package.json's contributions agree with the code: every command and view id, every rule id
// in the settings schema, the grammar and icons exist; and the built extension stays small and
// does not carry the engine (it is loaded from dist/engine.js on first need).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_IDS } from '../../../src/engine/api.js';
import { COMMANDS, CONTEXT_KEYS, HOVER_COMMANDS, VIEWS } from '../../../src/extension/ids.js';
import { ROOT } from '../../helpers.js';

interface Manifest {
  activationEvents: string[];
  main: string;
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { default?: unknown; description?: string; markdownDescription?: string; properties?: Record<string, { enum: string[] }> }> };
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
  };
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const c = pkg.contributes;

test('every command id in the code is contributed with a title in the Policy Lens category, and nothing else is', () => {
  const contributed = c.commands.map((x) => x.command).sort();
  for (const id of HOVER_COMMANDS) assert.ok(contributed.includes(id), id);
  assert.deepEqual(contributed, Object.values(COMMANDS).sort());
  for (const cmd of c.commands) {
    assert.equal(cmd.category, 'Policy Lens', cmd.command);
    assert.ok(cmd.title.length > 3, cmd.command);
  }
});

test('menus name contributed commands; argument-taking commands are hidden from the palette', () => {
  const ids = new Set(c.commands.map((x) => x.command));
  for (const [menu, items] of Object.entries(c.menus)) for (const item of items) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
  const hidden = c.menus.commandPalette!.filter((x) => x.when === 'false').map((x) => x.command).sort();
  assert.deepEqual(hidden, [COMMANDS.openEntry, COMMANDS.openRuleDocs, COMMANDS.revealRange].sort());
  const whens = Object.values(c.menus).flat().map((x) => x.when ?? '').join(' ');
  for (const key of Object.values(CONTEXT_KEYS)) assert.ok(whens.includes(key), `context key ${key} is used in a when clause`);
});

test('the view container and its three views, with an icon from media/', () => {
  const container = c.viewsContainers.activitybar.find((v) => v.id === VIEWS.container)!;
  assert.ok(fs.existsSync(path.join(ROOT, container.icon)), container.icon);
  assert.match(fs.readFileSync(path.join(ROOT, container.icon), 'utf8'), /^<svg [^>]*viewBox="0 0 24 24"/);
  assert.deepEqual(
    c.views[VIEWS.container]!.map((v) => [v.id, v.name]),
    [
      [VIEWS.documentTerms, 'In this document'],
      [VIEWS.findings, 'Findings'],
      [VIEWS.knowledgeBase, 'Knowledge base'],
    ],
  );
});

test('settings: each documented, policyLens.rules lists exactly the engine rules, defaults as documented', () => {
  const p = c.configuration.properties;
  assert.deepEqual(Object.keys(p).sort(), [
    'policyLens.debounceMs',
    'policyLens.enable',
    'policyLens.kb.extraFolders',
    'policyLens.languages',
    'policyLens.lintOnChange',
    'policyLens.maxFileSize',
    'policyLens.rules',
  ]);
  for (const [k, v] of Object.entries(p)) assert.ok((v.markdownDescription ?? v.description ?? '').length > 20, `${k} is described`);
  assert.deepEqual(Object.keys(p['policyLens.rules']!.properties!).sort(), [...RULE_IDS].sort());
  for (const r of Object.values(p['policyLens.rules']!.properties!)) assert.deepEqual(r.enum, ['off', 'error', 'warning', 'info', 'hint']);
  assert.deepEqual(p['policyLens.languages']!.default, ['markdown', 'plaintext']);
  assert.equal(p['policyLens.debounceMs']!.default, 300);
  assert.equal(p['policyLens.maxFileSize']!.default, 10 * 1024 * 1024);
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'settings.md'), 'utf8');
  for (const k of Object.keys(p)) assert.ok(doc.includes(`\`${k}\``), `docs/settings.md documents ${k}`);
});

test('workspace trust: limited, and every policyLens setting is restricted (an untrusted workspace cannot change them)', () => {
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(
    [...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(),
    Object.keys(pkg.contributes.configuration.properties).sort(),
  );
});

test('activation: Markdown and plain text (commands and views activate implicitly); never on start-up', () => {
  assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown', 'onLanguage:plaintext']);
  assert.ok(!pkg.activationEvents.some((e) => e === '*' || e === 'onStartupFinished'));
});

test('the citation grammar is contributed and injected into Markdown and plain text', () => {
  const g = c.grammars.find((x) => x.scopeName === 'policylens.citations.injection')!;
  assert.deepEqual(g.injectTo, ['text.html.markdown', 'text.plain']);
  assert.ok(fs.existsSync(path.join(ROOT, g.path)));
});

test('dist/extension.js is small and does not contain the engine', () => {
  const file = path.join(ROOT, pkg.main);
  const js = fs.readFileSync(file, 'utf8');
  assert.ok(js.length < 200 * 1024, `dist/extension.js is ${js.length} bytes`);
  // Engine internals that would be there if anything imported src/engine at run time.
  for (const marker of ['class LintSession', 'class KnowledgeBase', 'class TermMatcher', 'function buildDocument', 'remark']) assert.ok(!js.includes(marker), marker);
  assert.match(js, /require\(path\.join\(this\.dir, "engine\.js"\)\)/);
});
