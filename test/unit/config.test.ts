import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ConfigResolver, findConfigFile } from '../../src/engine/config-files.js';
import { parseConfig, parseSize } from '../../src/engine/config.js';
import { RULE_IDS } from '../../src/engine/rules/index.js';
import { tmpDir } from '../helpers.js';

test('JSON and YAML configs set rule severities, KB folders, size limit and ignores', () => {
  const json = parseConfig('{"rules": {"domestic-undefined": "off", "tax-credit-unspecified": "error"}, "kb": ["team-kb"], "maxFileSize": "2MB", "ignore": ["drafts/old/**"]}', '/p/.policylens.json', RULE_IDS, (p) => `/p/${p}`);
  assert.deepEqual(json.problems, []);
  assert.deepEqual(json.config.rules, { 'domestic-undefined': 'off', 'tax-credit-unspecified': 'error' });
  assert.deepEqual(json.config.kb, ['/p/team-kb']);
  assert.equal(json.config.maxFileSize, 2 * 1024 * 1024);
  const yaml = parseConfig('rules:\n  measure-status: info\nkb: shared-kb\n', '/p/.policylens.yaml', RULE_IDS, (p) => `/p/${p}`);
  assert.deepEqual(yaml.problems, []);
  assert.deepEqual(yaml.config.rules, { 'measure-status': 'info' });
  assert.deepEqual(yaml.config.kb, ['/p/shared-kb']);
});

test('invalid settings are reported with line and reason; valid ones still apply', () => {
  const text = '{\n  "rules": {\n    "domestic-undefined": "loud",\n    "no-such-rule": "error",\n    "measure-status": "off"\n  },\n  "maxFileSize": -3,\n  "colour": true\n}';
  const { config, problems } = parseConfig(text, 'cfg.json', RULE_IDS);
  const expected: [number, string][] = [
    [3, 'rule "domestic-undefined": expected "off", "error", "warning", "info" or "hint", got "loud"'],
    [4, 'unknown rule "no-such-rule"; known rules:'],
    [7, '"maxFileSize" must be a positive number of bytes'],
    [8, 'unknown setting "colour"; known settings: rules, kb, maxFileSize, ignore'],
  ];
  assert.equal(problems.length, expected.length);
  problems.forEach((p, i) => {
    assert.equal(p.line, expected[i]![0]);
    assert.ok(p.message.startsWith(expected[i]![1]), p.message);
  });
  assert.deepEqual(config.rules, { 'measure-status': 'off' });
});

test('a syntax error names its line', () => {
  const { problems } = parseConfig('{\n  "rules": {\n    "measure-status": "off",,\n  }\n}', 'cfg.json', RULE_IDS);
  assert.equal(problems.length >= 1, true);
  assert.equal(problems[0]!.line, 3);
  assert.match(problems[0]!.message, /^syntax error:/);
});

test('parseSize reads bytes and units', () => {
  assert.equal(parseSize(100), 100);
  assert.equal(parseSize('512KB'), 512 * 1024);
  assert.equal(parseSize('1.5 mb'), 1.5 * 1024 * 1024);
  assert.equal(parseSize('lots'), undefined);
  assert.equal(parseSize(0), undefined);
});

test('the nearest config upward from a file applies', () => {
  const root = tmpDir('config');
  fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
  fs.writeFileSync(path.join(root, '.policylens.json'), '{"rules": {"measure-status": "off"}}');
  fs.writeFileSync(path.join(root, 'a', '.policylens.yml'), 'rules:\n  preferred-term: off\n');
  assert.equal(findConfigFile(path.join(root, 'a', 'b')), path.join(root, 'a', '.policylens.yml'));
  const resolver = new ConfigResolver(RULE_IDS);
  assert.deepEqual(resolver.forFile(path.join(root, 'a', 'b', 'x.md')).config.rules, { 'preferred-term': 'off' });
  assert.deepEqual(resolver.forFile(path.join(root, 'y.md')).config.rules, { 'measure-status': 'off' });
});

test('the JSON schema for editors knows every rule and agrees with the loader', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv').default as typeof import('ajv').default;
  const schema = JSON.parse(fs.readFileSync(path.join(process.env.POLICY_LENS_ROOT ?? '.', 'schemas', 'policylens.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS].sort());
  const validate = new Ajv({ strict: false }).compile(schema);
  const good = { rules: { 'domestic-undefined': 'off', 'measure-status': 'error' }, kb: ['team-kb'], maxFileSize: '5MB', ignore: ['old/**'] };
  assert.equal(validate(good), true);
  assert.deepEqual(parseConfig(JSON.stringify(good), 'c.json', RULE_IDS).problems, []);
  const bad = { rules: { 'domestic-undefined': 'loud' }, colour: true };
  assert.equal(validate(bad), false);
  assert.equal(parseConfig(JSON.stringify(bad), 'c.json', RULE_IDS).problems.length, 2);
});
