// Policy Lens makes no network request: a run-time trap on the CLI, and a check that the
// shipped bundles do not even load the network modules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tmpDir } from '../helpers.js';

const TRAP = `
const fail = (what) => () => { process.stderr.write('NETWORK USED: ' + what + '\\n'); process.exit(97); };
for (const m of ['http', 'https']) { const mod = require(m); mod.request = fail(m + '.request'); mod.get = fail(m + '.get'); }
const net = require('net'); net.connect = fail('net.connect'); net.createConnection = fail('net.createConnection');
net.Socket.prototype.connect = fail('net.Socket.connect');
require('tls').connect = fail('tls.connect');
require('dns').lookup = fail('dns.lookup');
require('dgram').createSocket = fail('dgram.createSocket');
globalThis.fetch = fail('fetch');
`;

test('the CLI runs every command with the network trapped', () => {
  const dir = tmpDir('net');
  const trap = path.join(dir, 'trap.cjs');
  fs.writeFileSync(trap, TRAP);
  fs.writeFileSync(path.join(dir, 'a.md'), 'Example Magnetics sells U.S.-made magnets. Example Magnetics finishes sintered blocks imported from Ningbo.\n');
  const cli = path.join(ROOT, 'dist', 'cli.js');
  for (const args of [['lint', '.', '--format', 'sarif'], ['lint', 'a.md', '--format', 'json'], ['terms', 'a.md'], ['kb', 'list'], ['kb', 'show', 'magnet blank'], ['kb', 'check']]) {
    const r = spawnSync(process.execPath, ['--require', trap, cli, ...args], { cwd: dir, encoding: 'utf8' });
    assert.doesNotMatch(r.stderr, /NETWORK USED/, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
});

test('the shipped bundles do not load network modules or call fetch', () => {
  for (const bundle of ['cli.js', 'engine.js', 'extension.js']) {
    const file = path.join(ROOT, 'dist', bundle);
    if (bundle === 'extension.js' && !fs.existsSync(file)) continue;
    const code = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /require\(["'](?:node:)?(?:http|https|http2|net|tls|dgram|dns)["']\)/, `${bundle} requires a network module`);
    assert.doesNotMatch(code, /\bfetch\s*\(/, `${bundle} calls fetch`);
    assert.doesNotMatch(code, /new\s+WebSocket\b|XMLHttpRequest/, `${bundle} opens a web connection`);
  }
});
