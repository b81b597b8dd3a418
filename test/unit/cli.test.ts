// The CLI as users and CI run it: real processes, real files.
import Ajv2020 from 'ajv/dist/2020';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cli, ROOT, tmpDir } from '../helpers.js';

const CLAIM = 'Example Magnetics sells U.S.-made magnets. Example Magnetics finishes sintered blocks imported from Ningbo.\n';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = tmpDir('cli');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

test('lint: exit 1 with an error finding, 0 without, and the stylish output names file, line and rule', () => {
  const dir = workspace({ 'claim.md': CLAIM, 'clean.md': 'Nothing to see.\n' });
  const bad = cli(['lint', 'claim.md'], { cwd: dir });
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stdout, /^\nclaim\.md\n/);
  assert.match(bad.stdout, /\n {2}1:25 {2}error {4}"U\.S\.-made magnets" presents the magnets as domestic.* {2}domestic-claim-imported-blanks\n/);
  assert.match(bad.stdout, /↳ 1:71 blanks made abroad: "sintered blocks"/);
  assert.match(bad.stdout, /✖ 2 problems \(1 error, 1 warning\)\n$/);
  const good = cli(['lint', 'clean.md'], { cwd: dir });
  assert.equal(good.status, 0);
  assert.equal(good.stdout, '');
});

test('lint --format json follows the version 1 contract', () => {
  const dir = workspace({ 'a.md': '\ufeff' + CLAIM });
  const r = cli(['lint', 'a.md', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 1);
  const json = JSON.parse(r.stdout);
  assert.equal(json.version, 1);
  assert.equal(json.files.length, 1);
  assert.equal(json.files[0].path, 'a.md');
  const f = json.files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'domestic-claim-imported-blanks');
  assert.deepEqual(Object.keys(f), ['ruleId', 'severity', 'message', 'start', 'end', 'related', 'entries']);
  // Offsets in UTF-16 units of the decoded text, BOM not counted; lines and columns 1-based.
  assert.deepEqual(f.start, { offset: 24, line: 1, column: 25 });
  assert.deepEqual(f.end, { offset: 41, line: 1, column: 42 });
  assert.equal(CLAIM.slice(f.start.offset, f.end.offset), 'U.S.-made magnets');
  assert.deepEqual(Object.keys(f.related[0]), ['message', 'start', 'end']);
  assert.ok(f.entries.includes('magnet-blank'));
});

test('lint --format sarif validates against the SARIF 2.1.0 schema', () => {
  const dir = workspace({ 'docs/a.md': CLAIM, 'docs/b.txt': 'China imposed export controls.\n' });
  const r = cli(['lint', 'docs', '--format', 'sarif'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  const sarif = JSON.parse(r.stdout);
  const schemaFile = require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json', { paths: [ROOT] });
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8"))) as ((data: unknown) => boolean) & { errors?: unknown[] | null };
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  const run = sarif.runs[0];
  assert.ok(run.tool.driver.rules.every((rule: { helpUri: string }) => /^https:\/\/.+\.md$/.test(rule.helpUri)));
  const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'domestic-claim-imported-blanks');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'docs/a.md');
  assert.equal(result.relatedLocations.length, 1);
  assert.equal(result.level, 'error');
  // The reference validator, where its binary runs on this machine.
  const tool = path.join(ROOT, 'node_modules', '.bin', 'sarif-multitool');
  if (fs.existsSync(tool)) {
    const file = path.join(dir, 'out.sarif');
    fs.writeFileSync(file, r.stdout);
    const v = spawnSync(tool, ['validate', file, '--output', path.join(dir, 'validation.sarif'), '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    if (v.status === 0) {
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'validation.sarif'), 'utf8'));
      const errors = report.runs[0].results.filter((x: { level?: string }) => x.level === 'error');
      assert.deepEqual(errors.map((x: { message: { text?: string; id?: string } }) => x.message.text ?? x.message.id), []);
    }
  }
});

test('folders are walked for .md, .markdown and .txt, skipping node_modules and .git, honouring .gitignore', () => {
  const dir = workspace({
    'a.md': CLAIM,
    'b.markdown': CLAIM,
    'c.txt': CLAIM,
    'd.rst': CLAIM,
    'node_modules/x.md': CLAIM,
    '.git/y.md': CLAIM,
    'drafts/old.md': CLAIM,
    'drafts/new.md': CLAIM,
    '.gitignore': 'drafts/old.md\n',
  });
  const r = cli(['lint', '.', '--format', 'json'], { cwd: dir });
  const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, ['a.md', 'b.markdown', 'c.txt', 'drafts/new.md']);
  const glob = cli(['lint', 'drafts/*.md', '--format', 'json'], { cwd: dir });
  assert.deepEqual(JSON.parse(glob.stdout).files.map((f: { path: string }) => f.path).sort(), ['drafts/new.md', 'drafts/old.md']);
});

test('bad input: clear messages on stderr, the other files still linted, exit 2 only when nothing was', () => {
  const dir = workspace({
    'good.md': CLAIM,
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'big.md': 'x'.repeat(3000),
    'empty/readme.rst': 'nothing',
  });
  const r = cli(['lint', 'good.md', 'binary.md', 'latin1.txt', 'big.md', 'missing.md', 'empty', '--max-file-size', '2KB', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 1, 'the good file was linted and has an error');
  assert.match(r.stderr, /missing\.md: no such file or folder/);
  assert.match(r.stderr, /empty: nothing to lint \(no \.md, \.markdown or \.txt files\)/);
  assert.match(r.stderr, /binary\.md: skipped: binary file \(NUL byte at byte 4\)/);
  assert.match(r.stderr, /latin1\.txt: skipped: not valid UTF-8 \(first bad byte at byte 3\)/);
  assert.match(r.stderr, /big\.md: skipped: 2\.9 KB is over the size limit of 2\.0 KB/);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['good.md']);
  const none = cli(['lint', 'missing.md', 'binary.md'], { cwd: dir });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /nothing was linted/);
});

test('usage errors exit 2', () => {
  assert.equal(cli(['lint', '--format', 'xml']).status, 2);
  assert.equal(cli(['frobnicate']).status, 2);
  assert.match(cli(['lint', '--bogus']).stderr, /unknown option "--bogus"/);
  assert.equal(cli(['--version']).status, 0);
  assert.match(cli(['--help']).stdout, /Exit codes/);
});

test('--max-warnings and --quiet', () => {
  const dir = workspace({ 'w.md': 'China imposed export controls. Domestic magnets are needed.\n' });
  assert.equal(cli(['lint', 'w.md'], { cwd: dir }).status, 0);
  const over = cli(['lint', 'w.md', '--max-warnings', '1'], { cwd: dir });
  assert.equal(over.status, 1);
  assert.match(over.stderr, /2 warnings found; --max-warnings is 1/);
  assert.equal(cli(['lint', 'w.md', '--quiet'], { cwd: dir }).stdout, '');
});

test('config: found upward from the file, invalid settings reported with path and line, the rest applies', () => {
  const dir = workspace({
    '.policylens.json': '{\n  "rules": {\n    "domestic-claim-imported-blanks": "warning",\n    "export-control-unspecified": "loud"\n  }\n}\n',
    'sub/a.md': CLAIM,
  });
  const r = cli(['lint', 'sub', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, 'the flagship rule is a warning here');
  assert.match(r.stderr, /\.policylens\.json:4: rule "export-control-unspecified": expected/);
  const f = JSON.parse(r.stdout).files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'domestic-claim-imported-blanks');
  assert.equal(f.severity, 'warning');
  const explicit = cli(['lint', 'sub', '--config', 'nope.json'], { cwd: dir });
  assert.equal(explicit.status, 2);
  assert.match(explicit.stderr, /--config nope\.json: no such file/);
});

test('the CLI never writes to the files it reads', () => {
  const dir = workspace({ 'a.md': CLAIM, 'b.txt': CLAIM });
  const before = fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8'), fs.statSync(path.join(dir, f)).mtimeMs]);
  cli(['lint', '.', '--format', 'sarif'], { cwd: dir });
  cli(['terms', 'a.md'], { cwd: dir });
  const after = fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8'), fs.statSync(path.join(dir, f)).mtimeMs]);
  assert.deepEqual(after, before);
});

test('terms FILE --format json lists KB terms as written, with positions', () => {
  const dir = workspace({ 't.md': '# Notes\n\nMagnet blanks and tax\ncredits; the IRA.\n' });
  const r = cli(['terms', 't.md', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const terms = JSON.parse(r.stdout).terms;
  assert.deepEqual(
    terms.map((t: { entry: string; text: string }) => [t.entry, t.text]),
    [['magnet-blank', 'Magnet blanks'], ['tax-credit', 'tax\ncredits'], ['inflation-reduction-act', 'IRA']],
  );
  assert.deepEqual(terms[1].start, { offset: 27, line: 3, column: 19 });
  assert.deepEqual(terms[1].end, { offset: 38, line: 4, column: 8 });
});

test('kb list --format json, kb show, kb check', () => {
  const list = JSON.parse(cli(['kb', 'list', '--format', 'json']).stdout);
  assert.ok(list.entries.length >= 80);
  const blank = list.entries.find((e: { id: string }) => e.id === 'magnet-blank');
  assert.deepEqual(Object.keys(blank), ['id', 'term', 'aliases', 'category', 'status', 'reviewed', 'citations']);
  assert.deepEqual(Object.keys(blank.citations[0]), ['title', 'url', 'date']);
  const show = cli(['kb', 'show', 'magnet blanks']);
  assert.equal(show.status, 0);
  assert.match(show.stdout, /^magnet blank {2}\[magnet-blank\]/);
  assert.match(show.stdout, /Sources:\n {2}- /);
  const missing = cli(['kb', 'show', 'zzzz']);
  assert.equal(missing.status, 2);
  const check = cli(['kb', 'check']);
  assert.equal(check.status, 0, check.stdout);
  assert.match(check.stdout, /entries checked .*: 0 errors/);
});

test('kb check and --kb report team entries with file, line and field', () => {
  const team = path.join(ROOT, 'test', 'fixtures', 'kb-broken');
  const r = cli(['kb', 'check', '--kb', team]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /wrong-fields\.md:3: error \[category\]: `category` must be one of/);
  const withTeam = cli(['kb', 'show', 'example-offtake-program', '--kb', path.join(ROOT, 'test', 'fixtures', 'kb-team')]);
  assert.match(withTeam.stdout, /Example Offtake Program/);
  assert.match(withTeam.stderr, /related id "no-such-entry" is not an entry/);
});

test('a symbolic link loop and a broken link are reported with their paths; the rest is linted', () => {
  const dir = workspace({ 'docs/a.md': CLAIM });
  fs.symlinkSync(path.join(dir, 'docs'), path.join(dir, 'docs', 'loop'));
  fs.symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'docs', 'broken.md'));
  const r = cli(['lint', 'docs', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /docs\/loop: skipped: symbolic link loop \(already visited .*docs\)/);
  assert.match(r.stderr, /docs\/broken\.md: skipped: broken symbolic link/);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['docs/a.md']);
});

test('team entries in .policylens/kb/ apply to lint and terms, as in the editor', () => {
  const entry = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'kb-team', 'example-offtake-program.md'), 'utf8').replace('related: [offtake-agreement, no-such-entry]', 'related: [offtake-agreement]');
  const dir = workspace({ '.policylens/kb/example-offtake-program.md': entry, 'a.md': 'The Example Offtake Program pays for magnets.\n' });
  const r = cli(['terms', 'a.md', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).terms.some((t: { entry: string }) => t.entry === 'example-offtake-program'));
  const lint = cli(['lint', 'a.md', '--format', 'json'], { cwd: dir });
  assert.equal(lint.status, 0, lint.stderr);
  const ms = JSON.parse(lint.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'measure-status');
  assert.equal(ms.length, 1, 'the team entry is proposed, and "pays" speaks of it as law');
});
