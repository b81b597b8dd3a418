// Settings over the config file: policyLens.rules overrides the same rule in the file, other
// rules keep the file's setting; an explicit policyLens.maxFileSize wins; bad settings are
// reported with the setting's name and the valid rest still applies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig, lintText, parseConfig, RULE_IDS } from '../../../src/engine/api.js';
import { mergeConfig } from '../../../src/extension/config-merge.js';
import { formatBytes, utf8Length } from '../../../src/extension/sizes.js';
import { bundledKb } from '../../helpers.js';

const fileConfig = parseConfig('{ "rules": { "preferred-term": "off", "domestic-undefined": "error" }, "maxFileSize": "1MB" }', '/w/.policylens.json', RULE_IDS).config;

test('a rule in settings overrides the config file; rules not in settings keep the file setting', () => {
  const { config, problems } = mergeConfig(fileConfig, { rules: { 'preferred-term': 'hint' } }, RULE_IDS);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.rules, { 'preferred-term': 'hint', 'domestic-undefined': 'error' });
  assert.equal(config.maxFileSize, 1024 * 1024);
  assert.equal(config.file, '/w/.policylens.json');
  assert.deepEqual(fileConfig.rules, { 'preferred-term': 'off', 'domestic-undefined': 'error' }, 'the cached file config is not modified');
});

test('the merged config drives the engine: "off" silences, a severity changes the finding', () => {
  const text = 'Example Magnetics makes domestic magnets. Blank magnets are finished here.\n';
  const kb = bundledKb();
  const base = lintText(text, kb).findings.map((f) => `${f.ruleId}:${f.severity}`);
  assert.ok(base.includes('preferred-term:info'));
  const { config } = mergeConfig(defaultConfig(), { rules: { 'preferred-term': 'off', 'domestic-undefined': 'hint' } }, RULE_IDS);
  const merged = lintText(text, kb, { config }).findings.map((f) => `${f.ruleId}:${f.severity}`);
  assert.ok(!merged.some((x) => x.startsWith('preferred-term')));
  assert.ok(merged.includes('domestic-undefined:hint'));
});

test('an explicit maxFileSize setting wins over the file; none keeps it', () => {
  assert.equal(mergeConfig(fileConfig, { rules: {}, maxFileSize: 2048 }, RULE_IDS).config.maxFileSize, 2048);
  assert.equal(mergeConfig(fileConfig, { rules: undefined }, RULE_IDS).config.maxFileSize, 1024 * 1024);
});

test('bad settings are named and skipped; the valid rest applies', () => {
  const { config, problems } = mergeConfig(defaultConfig(), { rules: { 'no-such-rule': 'off', 'measure-status': 'loud', 'preferred-term': 'off' }, maxFileSize: -1 }, RULE_IDS);
  assert.deepEqual(config.rules, { 'preferred-term': 'off' });
  assert.equal(config.maxFileSize, defaultConfig().maxFileSize);
  assert.equal(problems.length, 3);
  assert.match(problems[0]!, /^setting policyLens\.rules: unknown rule "no-such-rule"; known rules: domestic-claim-imported-blanks, /);
  assert.match(problems[1]!, /^setting policyLens\.rules\.measure-status: expected "off", "error", "warning", "info" or "hint", got "loud"$/);
  assert.match(problems[2]!, /^setting policyLens\.maxFileSize: must be a positive number/);
  assert.match(mergeConfig(defaultConfig(), { rules: ['x'] }, RULE_IDS).problems[0]!, /must be an object/);
});

test('sizes: utf8Length counts bytes as UTF-8 encodes them; formatBytes for messages', () => {
  for (const s of ['', 'abc', 'é', '§ 45X', '€', '😀', 'a\uD800b', 'mixed 😀 § é\r\n']) assert.equal(utf8Length(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s));
  assert.deepEqual([formatBytes(512), formatBytes(2048), formatBytes(10 * 1024 * 1024)], ['512 bytes', '2.0 KB', '10.0 MB']);
});
